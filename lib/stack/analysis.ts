import { countFindings } from '../pipeline/counts';
import type { SeverityCounts } from '../pipeline/types';
import { analyzeArtifact } from '../rules/analyze';
import type { Finding } from '../rules/finding';
import type { Category } from '../rules/types';
import type { LoadedTemplate } from '../templates/types';
import type { DeployedFinding } from './types';

const MAX_CACHED = 16;
const analyses = new Map<string, Promise<Finding[]>>();

/**
 * The rules' findings on a deployed template, side `deployed`. Analyses are cached by template hash (and path, which
 * locations name): a stack that did not change is not analyzed again. A failed analysis is not kept.
 */
export async function analyzeDeployedTemplate(template: LoadedTemplate): Promise<DeployedFinding[]> {
  const key = `${template.hash}|${template.path}`;
  let pending = analyses.get(key);
  if (!pending) {
    // The deployed template has no sources: source rules have nothing to say about it.
    pending = analyzeArtifact({ template, sources: [] });
    analyses.set(key, pending);
    pending.catch(() => analyses.delete(key));
    if (analyses.size > MAX_CACHED) analyses.delete(analyses.keys().next().value as string);
  }
  return (await pending).map((finding) => ({ ...finding, side: 'deployed' }));
}

/** Deployed findings per category, counted exactly as the review counts a side (acknowledged apart). */
export function countDeployedFindings(findings: readonly DeployedFinding[]): Record<Category, SeverityCounts> {
  // countFindings buckets by the review's sides; count the deployed findings in one of them and keep that bucket.
  const bySide = countFindings(findings.map((finding) => ({ ...finding, side: 'reference' as const })));
  return Object.fromEntries(Object.entries(bySide).map(([category, sides]) => [category, sides.reference])) as Record<
    Category,
    SeverityCounts
  >;
}
