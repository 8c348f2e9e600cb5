import { countFindings } from '../../pipeline/counts';
import type { ReviewResult } from '../../pipeline/types';
import { baseNagRuleId } from '../../rules/cdk-nag/mapping';
import type { Finding } from '../../rules/finding';
import type { ReviewAcknowledgement } from './input';

type Ack = Pick<ReviewAcknowledgement, 'id' | 'rule' | 'resource' | 'reason' | 'author' | 'expiresAt'>;

/** Whether an acknowledgement names this finding: its rule (any merged rule id, or a cdk-nag id without suffix) or `*`, and one of its resources or `*`. */
export function acknowledgementMatches(
  ack: Pick<Ack, 'rule' | 'resource'>,
  finding: Pick<Finding, 'rule' | 'rules' | 'resources'>,
): boolean {
  const rules = finding.rules ?? [finding.rule];
  const ruleMatches = ack.rule === '*' || rules.some((r) => r === ack.rule || baseNagRuleId(r) === ack.rule);
  const resourceMatches = ack.resource === '*' || finding.resources.includes(ack.resource);
  return ruleMatches && resourceMatches;
}

/**
 * Applies a review's acknowledgements to findings, returning new findings (inputs untouched): the first matching
 * unexpired one marks an open finding acknowledged with reason, author, expiry and id; matching expired ones are
 * listed in `expiredAcknowledgements` and change nothing else. Findings are never removed.
 */
export function applyAcknowledgements<T extends Finding>(findings: readonly T[], acks: readonly Ack[], now = new Date()): T[] {
  if (acks.length === 0) return [...findings];
  const isExpired = (a: Ack) => a.expiresAt !== null && Date.parse(a.expiresAt) <= now.getTime();
  return findings.map((finding) => {
    const matching = acks.filter((a) => acknowledgementMatches(a, finding));
    if (matching.length === 0) return finding;
    const copy: T = { ...finding };
    const active = matching.find((a) => !isExpired(a));
    if (active && !copy.acknowledged) {
      copy.acknowledged = {
        reason: active.reason,
        author: active.author,
        ackId: active.id,
        ...(active.expiresAt ? { expiresAt: active.expiresAt } : {}),
      };
    }
    const expired = matching.filter(isExpired);
    if (expired.length)
      copy.expiredAcknowledgements = expired.map((a) => ({
        reason: a.reason,
        author: a.author,
        expiresAt: a.expiresAt as string,
        ackId: a.id,
      }));
    return copy;
  });
}

/** A review with its acknowledgements applied and counts recomputed; the (possibly cached) input review is not mutated. */
export function applyReviewAcknowledgements(review: ReviewResult, acks: readonly Ack[], now = new Date()): ReviewResult {
  if (acks.length === 0) return review;
  const findings = applyAcknowledgements(review.findings, acks, now);
  return { ...review, findings, counts: countFindings(findings) };
}
