import type { VerdictValue } from '../db/schema';

/** The verdicts a participant can give, in the order the UI offers them. No Node imports: the browser uses it too. */
export const VERDICTS: readonly VerdictValue[] = ['confirmed', 'false_positive', 'accepted_risk', 'needs_discussion'];

/** Words for each verdict, as shown and exported. */
export const VERDICT_LABELS: Record<VerdictValue, string> = {
  confirmed: 'Confirmed',
  false_positive: 'False positive',
  accepted_risk: 'Accepted risk',
  needs_discussion: 'Needs discussion',
};
