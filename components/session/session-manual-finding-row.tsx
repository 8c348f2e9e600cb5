import type { ManualFindingView } from '@/lib/audit/types';
import { SeverityBadge } from '@/components/findings/severity-badge';
import { FindingDiscussion } from './finding-discussion';
import { formatTime } from './format';
import type { FindingRowProps } from './types';

/** A finding a reviewer added, shown like a pinned one (judged and discussed under its id), with its own wording. */
export function SessionManualFindingRow({ sessionId, finding, verdicts, comments, meId, canEdit }: FindingRowProps<ManualFindingView>) {
  return (
    <li
      id={`finding-${finding.id}`}
      data-row
      data-keys={finding.id}
      tabIndex={0}
      data-testid="manual-finding"
      data-key={finding.id}
      data-judged={verdicts.length > 0 ? 'true' : 'false'}
      className="scroll-mt-20 space-y-2 rounded-lg bg-white px-3 py-2.5 shadow-xs ring-1 ring-violet-200 focus:outline-2 focus:outline-offset-2 focus:outline-sky-600"
    >
      <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
        <SeverityBadge severity={finding.severity} />
        <span className="rounded bg-violet-50 px-1.5 py-0.5 text-xs font-medium text-violet-700 ring-1 ring-inset ring-violet-600/20">
          added by hand
        </span>
        <span data-testid="manual-finding-title" className="font-medium text-slate-900">
          {finding.title}
        </span>
        {finding.resources.length > 0 && (
          <span className="ml-auto max-w-full truncate font-mono text-xs text-slate-500">{finding.resources.join(', ')}</span>
        )}
      </div>
      <p className="text-xs text-slate-500">
        {finding.createdBy.label} · <time dateTime={finding.createdAt}>{formatTime(finding.createdAt)}</time>
      </p>
      <dl className="grid gap-3 text-sm sm:grid-cols-3">
        <Block label="Problem" text={finding.problem} />
        <Block label="Impact" text={finding.impact} />
        <Block label="Fix" text={finding.fix} />
      </dl>
      <FindingDiscussion
        sessionId={sessionId}
        findingKey={finding.id}
        verdicts={verdicts}
        comments={comments}
        meId={meId}
        canEdit={canEdit}
      />
    </li>
  );
}

function Block({ label, text }: { label: string; text: string }) {
  return (
    <div className="rounded-md bg-slate-50 px-3 py-2 ring-1 ring-slate-200">
      <dt className="text-xs font-semibold uppercase tracking-wide text-slate-500">{label}</dt>
      <dd className="mt-1 whitespace-pre-wrap text-slate-800">{text}</dd>
    </div>
  );
}
