import { listLineCommentsBySession } from '../db/queries/line-comments';
import { listManualFindingsBySession } from '../db/queries/manual-findings';
import { listVerdictsBySession } from '../db/queries/verdicts';
import { renderSessionMarkdown, sessionReportJson, type SessionReportInput } from '../report/session-report';
import type { Category, Severity } from '../rules/types';
import { resolveDeps, type AuditSessionDeps } from './context';
import { requireSession } from './sessions';
import { getSnapshotBySession, modelFindings } from './snapshot';
import { getUserLabels } from '../db/queries/users';

/** A file to download: its name, media type and contents. */
export interface ExportFile {
  filename: string;
  contentType: string;
  body: string;
}

/** The session's report as `MODEL_FAILURES.md` (seed format) or `session-<id>.json`, from the pinned model-side findings. */
export async function exportSession(
  { sessionId, format }: { sessionId: string; format: 'md' | 'json' },
  deps?: AuditSessionDeps,
): Promise<ExportFile> {
  const input = await sessionReportInput({ sessionId }, deps);
  if (format === 'json') {
    return {
      filename: `session-${sessionId}.json`,
      contentType: 'application/json; charset=utf-8',
      body: `${JSON.stringify(sessionReportJson(input), null, 2)}\n`,
    };
  }
  return { filename: 'MODEL_FAILURES.md', contentType: 'text/markdown; charset=utf-8', body: renderSessionMarkdown(input) };
}

/** What the report is built from: model-side findings, verdicts labelled by user name, manual findings and line comments. */
export async function sessionReportInput({ sessionId }: { sessionId: string }, deps?: AuditSessionDeps): Promise<SessionReportInput> {
  const { db } = resolveDeps(deps).handle;
  const session = await requireSession({ sessionId }, db);
  const [snapshot, verdicts, manual, lineComments] = await Promise.all([
    getSnapshotBySession({ sessionId }, db),
    listVerdictsBySession({ sessionId }, db),
    listManualFindingsBySession({ sessionId }, db),
    listLineCommentsBySession({ sessionId }, db),
  ]);
  const labels = await getUserLabels({ ids: [...verdicts, ...lineComments].map((v) => v.user_id) }, db);
  const byKey: SessionReportInput['verdicts'] = {};
  for (const v of verdicts)
    (byKey[v.finding_key] ??= []).push({ user: labels.get(v.user_id) ?? v.user_id, verdict: v.verdict, reason: v.reason });
  return {
    name: session.name,
    findings: modelFindings(snapshot).map(({ side: _side, ...finding }) => finding),
    verdicts: byKey,
    manual: manual.map((m) => ({ ...m, category: m.category as Category, severity: m.severity as Severity })),
    lineComments: lineComments.map((c) => ({
      side: c.side,
      file: c.file,
      line: Number(c.line),
      user: labels.get(c.user_id) ?? c.user_id,
      body: c.body,
      createdAt: c.created_at,
    })),
  };
}

/** The download as an HTTP response: attachment with the file's name. */
export function exportResponse(file: ExportFile): Response {
  return new Response(file.body, {
    headers: {
      'content-type': file.contentType,
      'content-disposition': `attachment; filename="${file.filename}"`,
      'cache-control': 'no-store',
    },
  });
}
