import { z } from 'zod';
import { listSessionLineComments } from '../audit/line-comments';
import { requireSession } from '../audit/sessions';
import type { LineCommentView } from '../audit/types';
import type { AuthedUser } from '../auth/authorize';
import { hasRole } from '../auth/roles';
import { getDb } from '../db/connection';
import { AppError } from '../errors';
import type { Severity } from '../rules/types';
import { findingKey } from '../audit/verdicts';
import { getReviewById } from '../reviews/registry';
import { findSourceFile, linesOf, listReviewSourceFiles, SOURCE_SIDES, type ReviewSourceFile, type SourceSide } from './files';
import { sourcePlaces } from './places';

/** The source view's query: `side` (model by default), `file` (else the file list), `session` (to comment on lines). */
export const sourceQuery = z.object({
  side: z.enum(SOURCE_SIDES).catch('model'),
  file: z.string().min(1).max(1000).optional().catch(undefined),
  session: z.string().min(1).max(200).optional().catch(undefined),
});

/** What `/review/<id>/source` shows: the side's files, the chosen one's lines, and the session's comments on them. */
export interface SourceView {
  reviewId: string;
  side: SourceSide;
  files: Pick<ReviewSourceFile, 'path' | 'kind'>[];
  file?: Pick<ReviewSourceFile, 'path' | 'kind'> & { lines: string[]; findings: LineFinding[] };
  session?: { id: string; name: string; open: boolean; canEdit: boolean; comments: LineCommentView[] };
}

/** A finding that points at a line of the shown file (its card is `#finding-<key>` on the review page). */
export interface LineFinding {
  line: number;
  key: string;
  rule: string;
  title: string;
  severity: Severity;
}

/**
 * The source view of a review's side; `not_found:review` for an unknown review, `not_found:file` for a file the side
 * does not hold, `not_found:session` for a session of another review.
 */
export async function getSourceView({
  reviewId,
  query,
  user,
}: {
  reviewId: string;
  query: unknown;
  user: AuthedUser;
}): Promise<SourceView> {
  const { side, file: wanted, session: sessionId } = sourceQuery.parse(query ?? {});
  const files = await listReviewSourceFiles({ reviewId, side });
  const file = wanted === undefined ? undefined : findSourceFile(files, wanted);
  const view: SourceView = { reviewId, side, files: files.map(({ path, kind }) => ({ path, kind })) };
  if (file)
    view.file = {
      path: file.path,
      kind: file.kind,
      lines: linesOf(file.text),
      findings: await findingsOnFile(reviewId, side, file, files),
    };
  if (sessionId !== undefined) {
    const session = await requireSession({ sessionId }, getDb().db);
    if (session.review_id !== reviewId) throw new AppError('not_found:session', 'This audit session is not on this review');
    const open = session.status === 'open';
    view.session = {
      id: session.id,
      name: session.name,
      open,
      canEdit: open && hasRole(user, 'reviewer'),
      comments: file ? await listSessionLineComments({ sessionId, side, file: file.path }) : [],
    };
  }
  return view;
}

/** The review's findings whose places (own location, construct, evidence) name a line of `file` on `side`, by line. */
async function findingsOnFile(
  reviewId: string,
  side: SourceSide,
  file: ReviewSourceFile,
  files: ReviewSourceFile[],
): Promise<LineFinding[]> {
  const { findings } = await getReviewById({ id: reviewId });
  const onFile: LineFinding[] = [];
  for (const finding of findings)
    for (const place of sourcePlaces(finding)) {
      if (place.side !== side || !namesFile(files, place.file, file)) continue;
      onFile.push({ line: place.line, key: findingKey(finding), rule: finding.rule, title: finding.title, severity: finding.severity });
    }
  return onFile.sort((a, b) => a.line - b.line);
}

/** Whether a finding's file path names `file`, as the source view resolves a URL's `file=` (exact, else a unique suffix). */
function namesFile(files: ReviewSourceFile[], named: string, file: ReviewSourceFile): boolean {
  try {
    return findSourceFile(files, named).path === file.path;
  } catch {
    return false;
  }
}
