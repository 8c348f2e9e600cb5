import type { Comment, LineComment, Signoff, Verdict } from '../db/schema';
import type { ManualFinding } from '../db/queries/manual-findings';
import type { Category, Severity } from '../rules/types';
import type { CommentView, LineCommentView, ManualFindingView, SignoffView, VerdictView } from './types';
import { userRef } from './users';

// Stored rows as SessionView and live events show them; one mapping so both always agree.

/** A verdict row as shown. */
export function toVerdictView(row: Verdict, labels: Map<string, string>): VerdictView {
  return {
    userId: row.user_id,
    userLabel: userRef(labels, row.user_id).label,
    verdict: row.verdict,
    reason: row.reason,
    updatedAt: row.updated_at,
  };
}

/** A comment row as shown (body verbatim). */
export function toCommentView(row: Comment, labels: Map<string, string>): CommentView {
  return { id: row.id, userId: row.user_id, userLabel: userRef(labels, row.user_id).label, body: row.body, createdAt: row.created_at };
}

/** A line comment row as shown (body verbatim). */
export function toLineCommentView(row: LineComment, labels: Map<string, string>): LineCommentView {
  return { ...toCommentView({ ...row, finding_key: '' }, labels), side: row.side, file: row.file, line: Number(row.line) };
}

/** A manual finding as shown. */
export function toManualFindingView(finding: ManualFinding, labels: Map<string, string>): ManualFindingView {
  return {
    id: finding.id,
    category: finding.category as Category,
    severity: finding.severity as Severity,
    title: finding.title,
    problem: finding.problem,
    impact: finding.impact,
    fix: finding.fix,
    resources: finding.resources,
    createdBy: userRef(labels, finding.createdBy),
    createdAt: finding.createdAt,
  };
}

/** A sign-off row as shown. */
export function toSignoffView(row: Signoff, labels: Map<string, string>): SignoffView {
  return { userId: row.user_id, userLabel: userRef(labels, row.user_id).label, createdAt: row.created_at };
}

/** Items mapped and grouped by finding key, in their given order. */
export function groupByKey<T, V>(items: readonly T[], keyOf: (item: T) => string, view: (item: T) => V): Record<string, V[]> {
  const groups: Record<string, V[]> = {};
  for (const item of items) (groups[keyOf(item)] ??= []).push(view(item));
  return groups;
}
