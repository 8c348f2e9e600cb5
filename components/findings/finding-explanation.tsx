import type { ReviewFinding } from '@/lib/pipeline/types';
import { catalogEntry } from '@/lib/rules/catalog';
import type { FindingSource } from '@/lib/rules/finding';
import { FindingMarkdown } from './finding-markdown';

/** The external linters whose checks have no catalog entry, by source. */
const LINTER_NAMES: Partial<Record<FindingSource, string>> = {
  'cloudformation-validate': '@aws/cloudformation-validate',
  'cfn-lint': 'cfn-lint',
};

/**
 * Problem / Impact / Fix from the rule catalog; for findings outside it, an explanation of who reported them.
 * A finding with a fix of its own (a difference from the reference says what the reference does) shows that fix,
 * unless `generic` (a group's explanation, shared by instances whose own fixes differ).
 */
export function FindingExplanation({ finding, generic = false }: { finding: ReviewFinding; generic?: boolean }) {
  const entry = catalogEntry(finding.rule);
  if (!entry) {
    const linters = (finding.sources ?? [finding.source]).flatMap((source) => LINTER_NAMES[source] ?? []);
    return (
      <p data-testid="finding-external" className="rounded-md bg-slate-50 px-3 py-2 text-xs text-slate-600 ring-1 ring-slate-200">
        {linters.length
          ? `Reported by ${linters.join(' and ')}; this check has no entry in the rule catalog.`
          : 'This rule has no entry in the rule catalog.'}
      </p>
    );
  }
  return (
    <dl className="grid gap-3 sm:grid-cols-3">
      <Block testId="finding-problem" label="Problem" text={entry.problem} />
      <Block testId="finding-impact" label="Impact" text={entry.impact} />
      <Block testId="finding-fix" label="Fix" text={(!generic && finding.fix) || entry.fix} />
    </dl>
  );
}

/** The fix a finding carries of its own (what the reference does), shown on an instance inside its rule's group. */
export function OwnFix({ finding }: { finding: ReviewFinding }) {
  return finding.fix ? (
    <dl>
      <Block testId="finding-own-fix" label="Fix in the reference" text={finding.fix} />
    </dl>
  ) : null;
}

function Block({ testId, label, text }: { testId: string; label: string; text: string }) {
  return (
    <div data-testid={testId} className="min-w-0 rounded-md bg-slate-50 px-3 py-2 ring-1 ring-slate-200 wrap-anywhere">
      <dt className="text-xs font-semibold uppercase tracking-wide text-slate-500">{label}</dt>
      <dd className="mt-1 text-slate-800">
        <FindingMarkdown text={text} />
      </dd>
    </div>
  );
}
