import type { Metadata } from 'next';
import { CreateTokenForm } from '@/components/account/create-token-form';
import { TokensTable } from '@/components/account/tokens-table';
import { listOwnTokens } from '@/lib/account/tokens';
import { getAuth } from '@/lib/auth/auth';
import { requirePageUser } from '@/lib/auth/guard';
import { grantableScopes } from '@/lib/auth/token-scopes';

/** The page's title (the layout adds " · infra-review"). */
export const metadata: Metadata = { title: 'API tokens' };

export const dynamic = 'force-dynamic';

/** The signed-in user's personal API tokens: create one (its secret shown once), list and revoke. */
export default async function AccountTokensPage() {
  const user = await requirePageUser('viewer');
  const tokens = await listOwnTokens(await getAuth(), { userId: user.id });
  return (
    <div className="space-y-4">
      <h1 className="text-lg font-semibold text-slate-900">API tokens</h1>
      <p className="text-sm text-slate-600">
        Personal tokens let the CLI and CI act as you ({user.email}, {user.role}) with{' '}
        <code className="font-mono">Authorization: Bearer &lt;token&gt;</code>, within the token&apos;s scope: read (read-only), review,
        deploy or admin, never more than your role. Only a hash is stored.
      </p>
      <CreateTokenForm scopes={grantableScopes(user.role)} />
      <TokensTable tokens={tokens} />
    </div>
  );
}
