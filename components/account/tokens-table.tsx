import { ui } from '@/components/admin/styles';
import type { OwnToken } from '@/lib/account/tokens';
import { RevokeTokenButton } from './revoke-token-button';

/** The signed-in user's tokens: name, first characters, dates and state; never the secret. */
export function TokensTable({ tokens }: { tokens: OwnToken[] }) {
  if (tokens.length === 0)
    return (
      <p className="text-sm text-slate-500" data-testid="tokens-empty">
        No tokens yet.
      </p>
    );
  return (
    <div role="region" aria-label="API tokens" tabIndex={0} className="overflow-x-auto">
      <table className={ui.table}>
        <thead>
          <tr>
            {['Name', 'Token', 'Scope', 'Created', 'Expires', 'Last used', ''].map((h) => (
              <th key={h} className={ui.th}>
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {tokens.map((token) => (
            <tr key={token.id} data-testid="token-row" data-enabled={token.enabled}>
              <td className={ui.td}>{token.name ?? '—'}</td>
              <td className={`${ui.td} font-mono text-xs`} data-testid="token-start">
                {token.start ? `${token.start}…` : '—'}
              </td>
              <td className={`${ui.td} text-xs`} data-testid="token-scope-cell">
                {token.scope}
              </td>
              <td className={`${ui.td} text-xs`}>{day(token.createdAt)}</td>
              <td className={`${ui.td} text-xs`}>{token.expiresAt ? day(token.expiresAt) : 'never'}</td>
              <td className={`${ui.td} text-xs`}>{token.lastUsedAt ? day(token.lastUsedAt) : 'never'}</td>
              <td className={ui.td}>
                {token.enabled ? (
                  <RevokeTokenButton id={token.id} name={token.name ?? token.start ?? token.id} />
                ) : (
                  <span className="text-xs text-slate-500">revoked</span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** A date as `YYYY-MM-DD HH:MM` UTC. */
function day(date: Date): string {
  return new Date(date).toISOString().slice(0, 16).replace('T', ' ');
}
