import crypto from 'node:crypto';
import type { Kysely } from 'kysely';
import { AppError } from '@/lib/errors';
import { getDb } from '../connection';
import type { Comment, Database } from '../schema';
import { appendAuditLog } from './audit-log';
import { lockOpenSession } from './sessions';
import { inTransaction, nowIso, type UserActor } from './shared';

/** Longest comment body accepted, in characters (also a CHECK constraint in the schema). */
export const MAX_COMMENT_LENGTH = 10_000;

/** Adds a markdown comment to a finding of an open session; the body is stored as written and rendered safely later. */
export async function addComment(
  input: { sessionId: string; findingKey: string; body: string; actor: UserActor },
  db: Kysely<Database> = getDb().db,
): Promise<Comment> {
  const body = input.body.trim();
  if (body.length === 0 || body.length > MAX_COMMENT_LENGTH) {
    throw new AppError('bad_request:input', `A comment holds 1 to ${MAX_COMMENT_LENGTH} characters`);
  }
  return inTransaction(db, async (trx) => {
    await lockOpenSession({ id: input.sessionId, mode: 'share' }, trx);
    const comment: Comment = {
      id: crypto.randomUUID(),
      session_id: input.sessionId,
      finding_key: input.findingKey,
      user_id: input.actor.id,
      body,
      created_at: nowIso(),
    };
    await trx.insertInto('comments').values(comment).execute();
    await appendAuditLog(
      {
        actor: input.actor,
        action: 'comment.add',
        entityType: 'comment',
        entityId: comment.id,
        before: null,
        after: comment,
      },
      trx,
    );
    return comment;
  });
}

/** A session's comments (optionally one finding's), oldest first. */
export function listCommentsBySession(
  { sessionId, findingKey }: { sessionId: string; findingKey?: string },
  db: Kysely<Database> = getDb().db,
): Promise<Comment[]> {
  let query = db.selectFrom('comments').selectAll().where('session_id', '=', sessionId);
  if (findingKey !== undefined) query = query.where('finding_key', '=', findingKey);
  return query.orderBy('created_at').orderBy('id').execute();
}
