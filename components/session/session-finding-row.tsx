import { EvidenceList, formatLocation } from '@/components/findings/evidence-list';
import { FindingExplanation } from '@/components/findings/finding-explanation';
import { SIDE_LABELS } from '@/components/findings/labels';
import { AcknowledgedBadge, SeverityBadge } from '@/components/findings/severity-badge';
import { FindingDiscussion } from './finding-discussion';
import type { CommentEntry, SessionFinding, VerdictEntry } from './types';

/** One pinned finding of a session: its summary line and message, then what the session records on it. */
export function SessionFindingRow({
  sessionId,
  finding,
  verdicts,
  comments,
  meId,
  canEdit,
}: {
  sessionId: string;
  finding: SessionFinding;
  verdicts: VerdictEntry[];
  comments: CommentEntry[];
  meId: string;
  canEdit: boolean;
}) {
  const where = finding.resources.length > 0 ? finding.resources.join(', ') : finding.location ? formatLocation(finding.location) : null;
  return (
    <li
      data-testid="session-finding"
      data-key={finding.key}
      data-rule={finding.rule}
      data-side={finding.side}
      data-judged={verdicts.length > 0 ? 'true' : 'false'}
      className={`space-y-2 rounded-lg px-3 py-2.5 ring-1 ${finding.side === 'model' ? 'bg-white ring-slate-200 shadow-xs' : 'bg-slate-50 ring-slate-200/70'}`}
    >
      <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
        <SeverityBadge severity={finding.severity} muted={finding.side !== 'model' || Boolean(finding.acknowledged)} />
        <code className="text-xs text-slate-900">{finding.rule}</code>
        <span className="font-medium text-slate-900">{finding.title}</span>
        <span className="text-xs text-slate-500">{SIDE_LABELS[finding.side]}</span>
        {finding.acknowledged && <AcknowledgedBadge reason={finding.acknowledged.reason} />}
        {where && <span className="ml-auto max-w-full truncate font-mono text-xs text-slate-500">{where}</span>}
      </div>
      <p className="text-xs text-slate-600">{finding.message}</p>
      <FindingDiscussion
        sessionId={sessionId}
        findingKey={finding.key}
        verdicts={verdicts}
        comments={comments}
        meId={meId}
        canEdit={canEdit}
        details={<><FindingExplanation finding={finding} /><EvidenceList evidence={finding.evidence ?? []} /></>}
      />
    </li>
  );
}
