import type { SessionProgress } from './types';

// Types only: the session page computes progress in the browser with the same definition as the server.
/** Model-side and manual findings with at least one verdict, out of all of them (reference findings are context). */
export function sessionProgress({
  findings,
  manualIds,
  judgedKeys,
}: {
  findings: readonly { key: string; side: string }[];
  manualIds: readonly string[];
  judgedKeys: Iterable<string>;
}): SessionProgress {
  const judgeable = new Set([...findings.filter((f) => f.side === 'model').map((f) => f.key), ...manualIds]);
  const judged = new Set([...judgedKeys].filter((key) => judgeable.has(key)));
  return { judged: judged.size, total: judgeable.size };
}
