import type { VerdictValue } from '../db/schema';

// No Node imports: the browser uses this module too (and takes the list of verdicts through it).
export { VERDICT_VALUES } from '../db/schema';

/** Words for each verdict, as shown and exported. */
export const VERDICT_LABELS: Record<VerdictValue, string> = {
  confirmed: 'Confirmed',
  false_positive: 'False positive',
  accepted_risk: 'Accepted risk',
  needs_discussion: 'Needs discussion',
};
