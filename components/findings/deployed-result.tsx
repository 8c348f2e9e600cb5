import type { DeployedResult } from '@/lib/stack/results';

/** Words and colors of each deployed result: the one place they are chosen. */
const RESULT_STYLES: Readonly<Record<DeployedResult['kind'], { label: string; chip: string }>> = {
  found: { label: 'found', chip: 'bg-red-50 text-red-700 ring-red-600/20' },
  acknowledged: { label: 'acknowledged', chip: 'bg-slate-100 text-slate-600 ring-slate-300' },
  clear: { label: 'clear', chip: 'bg-emerald-50 text-emerald-700 ring-emerald-600/20' },
  'not-applicable': { label: 'n/a (source code)', chip: 'bg-white text-slate-500 ring-slate-200' },
  'not-deployed': { label: 'not deployed', chip: 'bg-white text-slate-500 ring-slate-200' },
  unavailable: { label: 'unavailable', chip: 'bg-amber-50 text-amber-800 ring-amber-600/25' },
};

/** The deployed template's result for a finding row's rule: `deployed: found ×2`, `deployed: clear`, `deployed: not deployed`, ... */
export function DeployedResultBadge({ result }: { result: DeployedResult }) {
  const style = RESULT_STYLES[result.kind];
  const times = result.kind === 'found' && result.open > 1 ? ` ×${result.open}` : '';
  return (
    <span
      data-testid="deployed-result"
      data-result={result.kind}
      title={describe(result)}
      className={`inline-flex shrink-0 items-center whitespace-nowrap rounded-md px-1.5 py-0.5 text-xs ring-1 ring-inset ${style.chip}`}
    >
      deployed: {style.label}
      {times}
    </span>
  );
}

/** A sentence for the tooltip. */
function describe(result: DeployedResult): string {
  switch (result.kind) {
    case 'found':
      return `The deployed template has ${result.open} open finding${result.open === 1 ? '' : 's'} of this rule${result.acknowledged ? ` (and ${result.acknowledged} acknowledged)` : ''}.`;
    case 'acknowledged':
      return 'The deployed template has this finding, and accepts it on purpose.';
    case 'clear':
      return 'The deployed template has no finding of this rule.';
    case 'not-applicable':
      return 'This rule looks at source code; a deployed template has none.';
    case 'not-deployed':
      return 'Nothing is deployed (or the stack has no template yet).';
    case 'unavailable':
      return 'The deployed template could not be read.';
  }
}
