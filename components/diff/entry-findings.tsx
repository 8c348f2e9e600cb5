import { SeverityBadge } from '@/components/findings/severity-badge';
import { SIDE_LABELS } from '@/components/findings/labels';
import type { Side } from '@/lib/pipeline/types';
import type { Severity } from '@/lib/rules/types';

/** A finding as a diff entry lists it: what it is and where its card is on the review page. */
export interface EntryFinding {
  href: string;
  rule: string;
  title: string;
  severity: Severity;
  side: Side;
}

/** The findings of one diff entry, each linking to its card on the review page. */
export function EntryFindingList({ findings }: { findings: readonly EntryFinding[] }) {
  return (
    <ul data-testid="diff-entry-findings" aria-label="Findings on this resource" className="space-y-1 border-b border-slate-100 px-3 py-2">
      {findings.map((finding) => (
        <li key={finding.href} className="flex flex-wrap items-center gap-2 text-xs">
          <SeverityBadge severity={finding.severity} muted={finding.side === 'reference'} />
          <a data-testid="diff-entry-finding-link" href={finding.href} className="text-sky-800 hover:underline">
            <code className="font-mono">{finding.rule}</code> {finding.title}
          </a>
          <span className="text-slate-600">{SIDE_LABELS[finding.side]}</span>
        </li>
      ))}
    </ul>
  );
}
