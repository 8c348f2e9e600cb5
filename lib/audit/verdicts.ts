import { createHash } from 'node:crypto';
import type { Finding } from '../rules/finding';
import type { VerdictValue } from '../db/schema';

/** A stable key for a finding of a pinned review: same side, rule, place (stack included) and message give the same key. */
export function findingKey(finding: Finding & { side?: string }): string {
  const resources = [...finding.resources].sort().join(',');
  // A stack is named only in multi-stack reviews, so the keys of every other finding stay as they were.
  const place = finding.location
    ? `${finding.location.file}:${finding.location.line}`
    : finding.stack
      ? `${finding.stack}/${resources}`
      : resources;
  return createHash('sha256')
    .update(JSON.stringify([finding.side ?? '', finding.rule, place, finding.message]))
    .digest('hex')
    .slice(0, 20);
}

/**
 * The session's verdict on a finding from its participants' verdicts: the most frequent one;
 * a tie is `needs_discussion`; no verdict at all is undefined.
 */
export function consensusVerdict(verdicts: readonly VerdictValue[]): VerdictValue | undefined {
  if (verdicts.length === 0) return undefined;
  const counts = new Map<VerdictValue, number>();
  for (const v of verdicts) counts.set(v, (counts.get(v) ?? 0) + 1);
  const ranked = [...counts.entries()].sort((a, b) => b[1] - a[1]);
  return ranked.length > 1 && ranked[0][1] === ranked[1][1] ? 'needs_discussion' : ranked[0][0];
}
