import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { bundledReview } from '../pipeline/bundled';
import { runReview } from '../pipeline/run';
import { CATALOG } from '../rules/catalog';
import { SEED_RULES } from '../rules/index';
import { bundledHumanReviewPath, modelTypes, reviewCoverage } from './review';

describe('coverage of the bundled review against the seed MODEL_FAILURES.md', async () => {
  const def = bundledReview();
  const [review, markdown, typeOf] = await Promise.all([runReview(def), readFile(bundledHumanReviewPath(), 'utf8'), modelTypes(def)]);
  const { failures, result } = reviewCoverage(review, markdown, typeOf);

  it('finds all 14 seed failures', () => {
    expect(failures).toHaveLength(14);
    expect(result.missed.map((f) => f.title)).toEqual([]);
    expect(result.coverage).toBe(1);
  });

  it('matches each failure with the findings of the rule written for it (by the catalog heading, which the matcher does not read), in any category', () => {
    for (const { failure, findings } of result.found) {
      const rule = Object.entries(CATALOG).find(([, entry]) => entry.heading === failure.title)?.[0];
      expect(
        findings.map((f) => f.rule),
        failure.title,
      ).toContain(rule);
    }
  });

  it('lists every finding of a seed rule under a failure; what stays unlisted comes from elsewhere (validators, differences, general rules)', () => {
    expect(result.unlisted.length).toBeGreaterThan(0);
    const seedRules = new Set(SEED_RULES.map((rule) => rule.id as string));
    for (const f of result.unlisted) expect(seedRules.has(f.rule), f.rule).toBe(false);
    expect(seedRules.size).toBeGreaterThan(0);
    const listed = new Set(result.found.flatMap((x) => x.findings));
    const seedFindings = review.findings.filter((f) => f.side === 'model' && f.source === 'infra-review' && seedRules.has(f.rule));
    for (const f of seedFindings) expect(listed.has(f), f.rule).toBe(true);
  });
});
