import type { ReactNode } from 'react';
import type { TemplateDiffJson } from '@/lib/diff/types';
import type { ReviewFinding } from '@/lib/pipeline/types';
import { EvidenceList, formatLocation } from './evidence-list';
import { FindingCard, RuleAndTitle } from './finding-card';
import { FindingDiff } from './finding-diff';
import { FindingExplanation, OwnFix } from './finding-explanation';
import { FindingLinks } from './finding-links';
import { CodeSpans } from './finding-markdown';
import { findingAnchorId } from './links';
import { findingKey } from '@/lib/audit/verdicts';
import { SIDE_LABELS } from './labels';
import { AcknowledgedBadge, SeverityBadge, SharedBadge } from './severity-badge';

/**
 * One finding as a native `<details>` whose element id is `finding-<key>` (lib/audit findingKey): the summary line, and
 * when opened links to its diff entries and source lines, its explanation, evidence and diff. `grouped` findings sit
 * inside their rule's group, which shows the rule, title and explanation once.
 */
export function FindingDetails({
  finding,
  diff,
  reviewId,
  grouped = false,
}: {
  finding: ReviewFinding;
  diff: TemplateDiffJson | null;
  /** The review the finding is of: its diff and source pages are linked. */
  reviewId: string;
  grouped?: boolean;
}) {
  const isModel = finding.side === 'model';
  const acknowledged = Boolean(finding.acknowledged);
  const shared = Boolean(finding.shared);
  const data = {
    'data-testid': 'finding',
    'data-rule': finding.rule,
    'data-side': finding.side,
    'data-severity': finding.severity,
    'data-acknowledged': acknowledged ? 'true' : 'false',
    'data-shared': shared ? 'true' : 'false',
  };
  const summary = (
    <>
      <SeverityBadge severity={finding.severity} muted={!isModel || acknowledged || shared} />
      {grouped ? (
        <>
          <Where finding={finding} grouped />
          <span className="min-w-0 flex-1 truncate text-xs text-slate-600">{finding.message}</span>
        </>
      ) : (
        <>
          <RuleAndTitle rule={finding.rule} title={finding.title} side={finding.side} prefix="finding" />
          <span className="text-xs text-slate-500">{SIDE_LABELS[finding.side]}</span>
          <Where finding={finding} />
        </>
      )}
      {shared && <SharedBadge />}
      {finding.acknowledged && (
        <span className="flex min-w-0 basis-full items-center gap-2 pl-5 text-xs text-slate-600">
          <AcknowledgedBadge reason={finding.acknowledged.reason} />
          <span data-testid="acknowledged-reason">{finding.acknowledged.reason}</span>
        </span>
      )}
    </>
  );
  return (
    <FindingCard
      id={findingAnchorId(findingKey(finding))}
      side={finding.side}
      dimmed={acknowledged || shared}
      data={data}
      summary={summary}
    >
      <div className="space-y-4 border-t border-slate-200 px-4 py-4">
        <FindingLinks finding={finding} diff={diff} reviewId={reviewId} />
        {grouped ? <OwnFix finding={finding} /> : <FindingExplanation finding={finding} />}
        <Section title="Message">
          <div className="text-slate-800">
            <CodeSpans testId="finding-message" text={finding.message} />
          </div>
        </Section>
        <Section title="Evidence">
          <EvidenceList evidence={finding.evidence ?? []} />
        </Section>
        {finding.constructPath && (
          <Section title="Construct">
            <p data-testid="finding-construct" className="break-all font-mono text-xs text-slate-800">
              <span data-testid="finding-construct-path">{finding.constructPath}</span>
              {finding.constructLocation && (
                <span data-testid="finding-construct-location" className="text-slate-500">
                  {' '}
                  created at {formatLocation(finding.constructLocation)}
                </span>
              )}
            </p>
          </Section>
        )}
        {finding.resources.length > 0 && (
          <Section title="Resources">
            <ul data-testid="finding-resources" className="flex flex-wrap gap-1">
              {finding.resources.map((r) => (
                <li key={r}>
                  <code className="rounded bg-slate-100 px-1.5 py-0.5 text-xs text-slate-800">{r}</code>
                </li>
              ))}
            </ul>
          </Section>
        )}
        {(finding.sources?.length ?? 0) > 1 && (
          <Section title="Reported by">
            <p data-testid="finding-sources" className="text-xs text-slate-700">
              {finding.sources!.join(', ')}: {(finding.rules ?? [finding.rule]).join(', ')}
            </p>
          </Section>
        )}
        <Section title="Evidence in the diff">
          <FindingDiff finding={finding} diff={diff} />
        </Section>
      </div>
    </FindingCard>
  );
}

/** Where the finding is: its stack (multi-stack apps) and resources, or its source location (first in a group's row, right-aligned otherwise). */
function Where({ finding, grouped = false }: { finding: ReviewFinding; grouped?: boolean }) {
  const text = finding.resources.length > 0 ? finding.resources.join(', ') : finding.location ? formatLocation(finding.location) : null;
  if (!text) return null;
  return (
    <span
      data-testid="finding-where"
      className={`max-w-full truncate font-mono text-xs ${grouped ? 'shrink-0 text-slate-700' : 'ml-auto text-slate-500'}`}
    >
      {finding.stack && (
        <span data-testid="finding-stack" className="text-slate-400">
          {finding.stack} ›{' '}
        </span>
      )}
      {text}
    </span>
  );
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="space-y-1.5">
      <h4 className="text-xs font-semibold uppercase tracking-wide text-slate-500">{title}</h4>
      {children}
    </section>
  );
}
