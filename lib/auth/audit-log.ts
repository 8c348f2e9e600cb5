import { appendAuditLog } from '../db/queries/audit-log';
import type { Actor } from '../db/queries/shared';
import type { Auth } from './auth';

export type { Actor } from '../db/queries/shared';

/** The actor of changes made outside a request (CLI, first-run setup). */
export const SYSTEM_ACTOR: Actor = { id: null, label: 'system' };

/**
 * Records a user or token change in the audit log. better-auth writes outside the app's transactions, so the entry is
 * appended right after the change succeeds (a change whose entry fails to append is still reported as an error).
 */
export async function auditAuthChange(
  auth: Auth,
  entry: { actor: Actor; action: string; entityType: 'user' | 'token'; entityId: string; before?: unknown; after?: unknown },
): Promise<void> {
  await appendAuditLog(entry, auth.options.database.db);
}
