import { EvidenceList, formatLocation } from '@/components/findings/evidence-list';
import { AcknowledgedBadge } from '@/components/findings/severity-badge';
import { findingLine, sourceUrl } from '@/components/source/source-url';
import { FindingDiscussion } from './finding-discussion';
import type { FindingRowProps, KeyedFinding } from './types';

/**
 * One pinned finding inside its rule's block: where and what, its evidence folded, then what the session records on it;
 * `asRow` makes it a keyboard row of its own (an instance of a rule with several).
 */
export function SessionFindingRow({
  sessionId,
  finding,
  verdicts,
  comments,
  meId,
  canEdit,
  asRow = false,
  reviewId,
}: FindingRowProps<KeyedFinding> & { asRow?: boolean; reviewId?: string }) {
  const line = reviewId ? findingLine(finding) : undefined;
  const resources = finding.resources.length > 0 ? finding.resources.join(', ') : null;
  // In a multi-stack app the same logical id may stand in several stacks: the stack says which.
  const where = resources
    ? `${finding.stack ? `${finding.stack} › ` : ''}${resources}`
    : finding.location
      ? formatLocation(finding.location)
      : null;
  return (
    <li
      id={`finding-${finding.key}`}
      {...(asRow ? { 'data-row': '', 'data-keys': finding.key, tabIndex: 0 } : {})}
      data-testid="session-finding"
      data-key={finding.key}
      data-rule={finding.rule}
      data-side={finding.side}
      data-judged={verdicts.length > 0 ? 'true' : 'false'}
      className="scroll-mt-20 space-y-2 px-3 py-2.5 focus:outline-2 focus:-outline-offset-2 focus:outline-sky-600"
    >
      <div className="flex flex-wrap items-baseline gap-x-3 gap-y-1 text-xs">
        {where && (
          <span data-testid="session-finding-where" className="max-w-full truncate font-mono text-slate-800">
            {where}
          </span>
        )}
        {finding.acknowledged && <AcknowledgedBadge reason={finding.acknowledged.reason} />}
        <span className="min-w-0 flex-1 text-slate-600">{finding.message}</span>
        {line && reviewId && (
          <a
            data-testid="finding-source-link"
            href={sourceUrl({ reviewId, side: finding.side, file: line.file, line: line.line, sessionId })}
            className="shrink-0 text-slate-700 underline decoration-slate-300 hover:decoration-slate-600"
          >
            View line{canEdit ? ' · comment' : ''}
          </a>
        )}
      </div>
      <FindingDiscussion
        sessionId={sessionId}
        findingKey={finding.key}
        verdicts={verdicts}
        comments={comments}
        meId={meId}
        canEdit={canEdit}
        details={<EvidenceList evidence={finding.evidence ?? []} />}
      />
    </li>
  );
}
