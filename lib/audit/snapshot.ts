import type { Kysely } from 'kysely';
import { hasManualFinding } from '../db/queries/manual-findings';
import { getSnapshotJsonBySession, insertSnapshotJson } from '../db/queries/snapshots';
import type { Database } from '../db/schema';
import { AppError } from '../errors';
import type { ReviewResult } from '../pipeline/types';
import type { KeyedFinding, SessionSnapshot } from './types';
import { findingKey } from './verdicts';

/** The part of a review a session pins, every finding carrying its key; refuses a review whose artifact failed. */
export function snapshotOfReview(review: ReviewResult): SessionSnapshot & { referenceHash: string; modelHash: string } {
  const { reference, model } = review;
  if (reference.status === 'failed' || model.status === 'failed') {
    const failed = reference.status === 'failed' ? reference : (model as Extract<typeof model, { status: 'failed' }>);
    throw new AppError('unprocessable:synthesis', `Cannot audit this review: the ${failed.label} artifact failed (${failed.message})`);
  }
  return {
    reviewId: review.id,
    reviewName: review.name,
    generatedAt: review.generatedAt,
    reference,
    model,
    findings: review.findings.map((f) => ({ ...f, key: findingKey(f) })),
    diff: review.diff,
    referenceHash: reference.hash,
    modelHash: model.hash,
  };
}

/** Stores the snapshot of a session (inside the transaction that creates it). */
export async function insertSnapshot(
  { sessionId, snapshot }: { sessionId: string; snapshot: SessionSnapshot },
  trx: Kysely<Database>,
): Promise<void> {
  await insertSnapshotJson({ sessionId, reviewJson: JSON.stringify(snapshot) }, trx);
}

// Snapshots never change once written, so a parsed copy can be reused safely by every request of this process.
const parsed = new Map<string, SessionSnapshot>();
const MAX_PARSED = 32;

/** The pinned snapshot of a session (every session has one: they are written together). Treat it as read-only. */
export async function getSnapshotBySession({ sessionId }: { sessionId: string }, db: Kysely<Database>): Promise<SessionSnapshot> {
  const cached = parsed.get(sessionId);
  if (cached) return cached;
  const json = await getSnapshotJsonBySession({ sessionId }, db);
  if (json === undefined) throw new AppError('not_found:session', 'This audit session has no pinned review', { details: { sessionId } });
  const snapshot = JSON.parse(json) as SessionSnapshot;
  parsed.set(sessionId, snapshot);
  if (parsed.size > MAX_PARSED) parsed.delete(parsed.keys().next().value as string);
  return snapshot;
}

/** The findings a session must judge: the model side of the snapshot (reference findings are context). */
export function modelFindings(snapshot: SessionSnapshot): KeyedFinding[] {
  return snapshot.findings.filter((f) => f.side === 'model');
}

/** Unless `key` names a finding of the snapshot or a manual finding of the session, `not_found:finding`. */
export async function requireFindingKey({ sessionId, key }: { sessionId: string; key: string }, db: Kysely<Database>): Promise<void> {
  await requireFindingKeys({ sessionId, keys: [key] }, db);
}

/** Unless every key names a finding of the snapshot or a manual finding of the session, `not_found:finding` listing the others. */
export async function requireFindingKeys(
  { sessionId, keys }: { sessionId: string; keys: readonly string[] },
  db: Kysely<Database>,
): Promise<void> {
  const pinned = new Set((await getSnapshotBySession({ sessionId }, db)).findings.map((f) => f.key));
  const unknown: string[] = [];
  for (const key of keys) if (!pinned.has(key) && !(await hasManualFinding({ sessionId, id: key }, db))) unknown.push(key);
  if (unknown.length === 1)
    throw new AppError('not_found:finding', 'No finding with this key in the session', { details: { sessionId, key: unknown[0] } });
  if (unknown.length > 1)
    throw new AppError('not_found:finding', `${unknown.length} keys name no finding of the session`, {
      details: { sessionId, keys: unknown },
    });
}
