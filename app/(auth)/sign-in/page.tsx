import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { authConfigFromEnv } from '@/lib/auth/config';
import { hasUsers } from '@/lib/auth/first-run';
import { getCurrentUser } from '@/lib/auth/guard';
import { safeNext } from '../safe-next';
import { SignInForm } from './sign-in-form';

/** The page's title (the layout adds " · infra-review"). */
export const metadata: Metadata = { title: 'Sign in' };

export const dynamic = 'force-dynamic';

/** Sign-in: email and password, plus single sign-on when OIDC is configured. A fresh install goes to /setup first. */
export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const next = safeNext(params.next);
  if (!(await hasUsers())) redirect('/setup');
  if (await getCurrentUser()) redirect(next);
  return (
    <div className="mx-auto mt-12 max-w-sm space-y-4">
      <h1 className="text-lg font-semibold text-slate-900">Sign in to infra-review</h1>
      {params.setup === 'done' && (
        <p
          data-testid="setup-done"
          role="status"
          className="rounded-md bg-emerald-50 px-3 py-2 text-sm text-emerald-900 ring-1 ring-emerald-200"
        >
          The admin account is ready. Sign in with it.
        </p>
      )}
      <SignInForm next={next} sso={Boolean(authConfigFromEnv().oidc)} />
    </div>
  );
}
