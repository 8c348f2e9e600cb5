import { getCurrentUser } from '@/lib/auth/guard';
import { SignOutButton } from './sign-out-button';

/** The header's signed-in user: name, role and sign-out; nothing for anonymous visitors. */
export async function UserMenu() {
  const user = await getCurrentUser();
  if (!user) return null;
  return (
    <div className="ml-auto flex items-center gap-3 text-sm" data-testid="user-menu">
      <span className="text-slate-700" data-testid="user-name">{user.name}</span>
      <span className="rounded bg-slate-100 px-1.5 py-0.5 font-mono text-xs text-slate-600" data-testid="user-role">{user.role}</span>
      <SignOutButton />
    </div>
  );
}
