import Link from 'next/link';
import { getCurrentUser } from '@/lib/auth/guard';
import { hasRole } from '@/lib/auth/roles';
import { SignOutButton } from './sign-out-button';

const MENU_LINK = 'rounded px-2 py-1 text-slate-600 hover:bg-slate-100 hover:text-slate-900';

/** The header's signed-in user: Admin (admins only) and API tokens links, name, role and sign-out; nothing for anonymous visitors. */
export async function UserMenu() {
  const user = await getCurrentUser();
  if (!user) return null;
  return (
    <div className="ml-auto flex flex-wrap items-center gap-x-3 gap-y-1 text-sm" data-testid="user-menu">
      {hasRole(user, 'admin') && (
        <Link href="/admin" prefetch={false} className={MENU_LINK} data-testid="nav-admin">
          Admin
        </Link>
      )}
      <Link href="/account/tokens" prefetch={false} className={MENU_LINK} data-testid="nav-tokens">
        API tokens
      </Link>
      <span className="text-slate-700" data-testid="user-name">
        {user.name}
      </span>
      <span className="rounded bg-slate-100 px-1.5 py-0.5 font-mono text-xs text-slate-600" data-testid="user-role">
        {user.role}
      </span>
      <SignOutButton />
    </div>
  );
}
