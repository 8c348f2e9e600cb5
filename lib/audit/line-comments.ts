import { actorOf } from '../auth/authorize';
import { withTransaction } from '../db/connection';
import { addLineComment, listLineCommentsBySession } from '../db/queries/line-comments';
import { getUserLabels } from '../db/queries/users';
import { AppError } from '../errors';
import { findSourceFile, linesOf } from '../source/files';
import { assertReviewer, resolveDeps, type AuditSessionDeps } from './context';
import { publishSessionEvents, sessionEvent } from './events';
import { selfLabels, type MutationInput } from './mutations';
import { lineCommentBody } from './schemas';
import { requireSession } from './sessions';
import type { LineCommentView } from './types';
import { toLineCommentView } from './views';

/**
 * Adds a markdown comment on a line of a file of the session's review, as in a PR review: the file must be one the
 * review holds on that side and the line must exist (404 / 400 otherwise). Stored under the file's canonical path,
 * audited, and published live as a `line-comment` event.
 */
export async function addSessionLineComment({ sessionId, user, input }: MutationInput, deps?: AuditSessionDeps): Promise<LineCommentView> {
  assertReviewer(user);
  const body = lineCommentBody.parse(input);
  const { handle, loadSourceFiles } = resolveDeps(deps);
  const session = await requireSession({ sessionId }, handle.db);
  const file = findSourceFile(await loadSourceFiles({ reviewId: session.review_id, side: body.side }), body.file);
  const lines = linesOf(file.text).length;
  if (body.line > lines) throw new AppError('bad_request:input', `${file.path} has ${lines} lines`, { details: { line: body.line } });
  return withTransaction(async (trx) => {
    const row = await addLineComment({ sessionId, ...body, file: file.path, actor: actorOf(user) }, trx);
    const comment = toLineCommentView(row, selfLabels(user));
    await publishSessionEvents([sessionEvent('line-comment', sessionId, comment)], trx);
    return comment;
  }, handle);
}

/** A session's line comments as shown, oldest first (optionally those of one file of one side); `not_found:session` for unknown ids. */
export async function listSessionLineComments(
  { sessionId, side, file }: { sessionId: string; side?: LineCommentView['side']; file?: string },
  deps?: AuditSessionDeps,
): Promise<LineCommentView[]> {
  const { db } = resolveDeps(deps).handle;
  await requireSession({ sessionId }, db);
  const rows = (await listLineCommentsBySession({ sessionId }, db)).filter(
    (row) => (side === undefined || row.side === side) && (file === undefined || row.file === file),
  );
  const labels = await getUserLabels({ ids: rows.map((r) => r.user_id) }, db);
  return rows.map((row) => toLineCommentView(row, labels));
}
