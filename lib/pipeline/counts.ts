import { CATEGORIES, SEVERITIES, type Category } from '../rules/types';
import type { ReviewFinding, SeverityCounts, Side } from './types';

function emptyCounts(): SeverityCounts {
  return { error: 0, warning: 0, info: 0, total: 0, acknowledged: 0 };
}

/** Counts findings per category and side; acknowledged findings count only under `acknowledged`, shared ones under `shared`. */
export function countFindings(findings: readonly ReviewFinding[]): Record<Category, Record<Side, SeverityCounts>> {
  const counts = Object.fromEntries(CATEGORIES.map((c) => [c, { model: emptyCounts(), reference: emptyCounts() }])) as Record<
    Category,
    Record<Side, SeverityCounts>
  >;
  for (const f of findings) {
    const bucket = counts[f.category][f.side];
    if (f.acknowledged) bucket.acknowledged++;
    else if (f.shared) bucket.shared = (bucket.shared ?? 0) + 1;
    else if (SEVERITIES.includes(f.severity)) {
      bucket[f.severity]++;
      bucket.total++;
    }
  }
  return counts;
}
