import { EvidenceList, formatLocation } from '@/components/findings/evidence-list';
import { AcknowledgedBadge } from '@/components/findings/severity-badge';
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
}: FindingRowProps<KeyedFinding> & { asRow?: boolean }) {
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
