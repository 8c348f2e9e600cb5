import crypto from 'node:crypto';
import type { Kysely } from 'kysely';
import { getDb } from '../connection';
import type { Database, LineComment } from '../schema';
import { appendAuditLog } from './audit-log';
import { MAX_COMMENT_LENGTH } from './comments';
import { AppError } from '@/lib/errors';
import { lockOpenSession } from './sessions';
import { inTransaction, nowIso, type UserActor } from './shared';

/** Adds a markdown comment on a line of a file of an open session's review; audited in the same transaction. */
export async function addLineComment(
  input: { sessionId: string; side: LineComment['side']; file: string; line: number; body: string; actor: UserActor },
  db: Kysely<Database> = getDb().db,
): Promise<LineComment> {
  const body = input.body.trim();
  if (body.length === 0 || body.length > MAX_COMMENT_LENGTH) {
    throw new AppError('bad_request:input', `A comment holds 1 to ${MAX_COMMENT_LENGTH} characters`);
  }
  return inTransaction(db, async (trx) => {
    await lockOpenSession({ id: input.sessionId, mode: 'share' }, trx);
    const comment: LineComment = {
      id: crypto.randomUUID(),
      session_id: input.sessionId,
      side: input.side,
      file: input.file,
      line: input.line,
      user_id: input.actor.id,
      body,
      created_at: nowIso(),
    };
    await trx.insertInto('line_comments').values(comment).execute();
    await appendAuditLog(
      { actor: input.actor, action: 'line-comment.add', entityType: 'line-comment', entityId: comment.id, before: null, after: comment },
      trx,
    );
    return comment;
  });
}

/** A session's line comments, oldest first. */
export function listLineCommentsBySession({ sessionId }: { sessionId: string }, db: Kysely<Database> = getDb().db): Promise<LineComment[]> {
  return db.selectFrom('line_comments').selectAll().where('session_id', '=', sessionId).orderBy('created_at').orderBy('id').execute();
}
