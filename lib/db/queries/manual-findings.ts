import crypto from 'node:crypto';
import type { Kysely } from 'kysely';
import { getDb } from '../connection';
import type { Database, ManualFindingRow } from '../schema';
import { appendAuditLog } from './audit-log';
import { lockOpenSession } from './sessions';
import { inTransaction, nowIso, type UserActor } from './shared';

/** A finding the rules missed, in the report's terms. */
export interface ManualFinding {
  id: string;
  sessionId: string;
  category: string;
  severity: string;
  title: string;
  problem: string;
  impact: string;
  fix: string;
  resources: string[];
  createdBy: string;
  createdAt: string;
}

/** The fields a reviewer supplies for a manual finding. */
export type NewManualFinding = Pick<
  ManualFinding,
  'sessionId' | 'category' | 'severity' | 'title' | 'problem' | 'impact' | 'fix' | 'resources'
>;

/** Adds a manual finding to an open session. */
export async function addManualFinding(
  input: NewManualFinding & { actor: UserActor },
  db: Kysely<Database> = getDb().db,
): Promise<ManualFinding> {
  return inTransaction(db, async (trx) => {
    await lockOpenSession({ id: input.sessionId, mode: 'share' }, trx);
    const finding: ManualFinding = {
      id: crypto.randomUUID(),
      sessionId: input.sessionId,
      category: input.category,
      severity: input.severity,
      title: input.title,
      problem: input.problem,
      impact: input.impact,
      fix: input.fix,
      resources: input.resources,
      createdBy: input.actor.id,
      createdAt: nowIso(),
    };
    await trx.insertInto('manual_findings').values(toRow(finding)).execute();
    await appendAuditLog(
      {
        actor: input.actor,
        action: 'finding.add',
        entityType: 'manual_finding',
        entityId: finding.id,
        before: null,
        after: finding,
      },
      trx,
    );
    return finding;
  });
}

/** A session's manual findings in the order they were added. */
export async function listManualFindingsBySession(
  { sessionId }: { sessionId: string },
  db: Kysely<Database> = getDb().db,
): Promise<ManualFinding[]> {
  const rows = await db
    .selectFrom('manual_findings')
    .selectAll()
    .where('session_id', '=', sessionId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  return rows.map(fromRow);
}

/** Whether the session has a manual finding with this id. */
export async function hasManualFinding(
  { sessionId, id }: { sessionId: string; id: string },
  db: Kysely<Database> = getDb().db,
): Promise<boolean> {
  const row = await db
    .selectFrom('manual_findings')
    .select('id')
    .where('session_id', '=', sessionId)
    .where('id', '=', id)
    .executeTakeFirst();
  return row !== undefined;
}

/** The ids of the manual findings of each of the given sessions. */
export function listManualFindingIdsBySessions(
  { sessionIds }: { sessionIds: readonly string[] },
  db: Kysely<Database> = getDb().db,
): Promise<{ session_id: string; id: string }[]> {
  return db.selectFrom('manual_findings').select(['session_id', 'id']).where('session_id', 'in', sessionIds).execute();
}

function toRow(finding: ManualFinding): ManualFindingRow {
  return {
    id: finding.id,
    session_id: finding.sessionId,
    category: finding.category,
    severity: finding.severity,
    title: finding.title,
    problem: finding.problem,
    impact: finding.impact,
    fix: finding.fix,
    resources: JSON.stringify(finding.resources),
    created_by: finding.createdBy,
    created_at: finding.createdAt,
  };
}

function fromRow(row: ManualFindingRow): ManualFinding {
  return {
    id: row.id,
    sessionId: row.session_id,
    category: row.category,
    severity: row.severity,
    title: row.title,
    problem: row.problem,
    impact: row.impact,
    fix: row.fix,
    resources: JSON.parse(row.resources) as string[],
    createdBy: row.created_by,
    createdAt: row.created_at,
  };
}
