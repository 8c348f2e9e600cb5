import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { hasUsers } from '@/lib/auth/first-run';
import { SetupForm } from './setup-form';

/** The page's title (the layout adds " · infra-review"). */
export const metadata: Metadata = { title: 'Set up' };

export const dynamic = 'force-dynamic';

/** First start: asks for the first admin account; gone for good once any user exists. */
export default async function SetupPage() {
  if (await hasUsers()) redirect('/sign-in');
  return (
    <div className="mx-auto mt-12 max-w-sm space-y-4">
      <h1 className="text-lg font-semibold text-slate-900">Set up infra-review</h1>
      <p className="text-sm text-slate-600">No account exists yet. Create the first admin; it can add the rest of the team.</p>
      <SetupForm />
    </div>
  );
}
