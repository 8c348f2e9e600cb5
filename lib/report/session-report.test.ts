import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { findingKey } from '../audit/verdicts';
import { bundledReview } from '../pipeline/bundled';
import { runReview } from '../pipeline/run';
import { SEED_RULES } from '../rules/index';
import { parseModelFailures } from './seed-structure';
import { renderSessionMarkdown, sessionReportJson, type SessionReportInput } from './session-report';

const vendoredSeed = readFileSync(path.join(import.meta.dirname, '../../infra/model/MODEL_FAILURES.md'), 'utf8');
const sharedSeedPath = path.resolve(process.cwd(), '../shared/seed/MODEL_FAILURES.md');

/** The bundled review's model findings as a session would pin them: seed-rule findings confirmed, the validator's judged false positives. */
async function bundledSessionInput(): Promise<SessionReportInput> {
  const review = await runReview(bundledReview());
  const seedRules = new Set<string>(SEED_RULES.map((r) => r.id));
  const findings = review.findings.filter((f) => f.side === 'model').map((f) => ({ ...f, key: findingKey(f) }));
  const verdicts: SessionReportInput['verdicts'] = {};
  for (const f of findings) {
    verdicts[f.key] = seedRules.has(f.rule)
      ? [{ user: 'alice@example.com', verdict: 'confirmed', reason: null }]
      : [{ user: 'alice@example.com', verdict: 'false_positive', reason: 'linter style, not a model failure' }];
  }
  return { name: 'bundled', findings, verdicts, manual: [] };
}

describe('the session export', () => {
  it('uses the seed that the project was given', () => {
    if (existsSync(sharedSeedPath)) expect(readFileSync(sharedSeedPath, 'utf8')).toBe(vendoredSeed);
  });

  it('reproduces the seed review: same categories, same issues, same summary rows', async () => {
    const ours = parseModelFailures(renderSessionMarkdown(await bundledSessionInput()));
    const seed = parseModelFailures(vendoredSeed);
    expect(ours.categories.map((c) => c.heading)).toEqual(seed.categories.map((c) => c.heading));
    expect(ours.categories.map((c) => c.issues.length)).toEqual(seed.categories.map((c) => c.issues.length));
    expect(ours.categories.flatMap((c) => c.issues.map((i) => i.toLowerCase()))).toEqual(
      seed.categories.flatMap((c) => c.issues.map((i) => i.toLowerCase())),
    );
    expect(ours.summary).toEqual(seed.summary);
  });

  it('leaves false positives out of the issues and lists them in an appendix with their reasons', async () => {
    const markdown = renderSessionMarkdown(await bundledSessionInput());
    const appendix = markdown.slice(markdown.indexOf('## Appendix: False Positives'));
    expect(appendix).toContain('cfn-validate/W3005');
    expect(appendix).toContain('linter style, not a model failure');
    expect(markdown.slice(0, markdown.indexOf('## Summary'))).not.toContain('cfn-validate/');
  });

  it("adds reviewers' own findings as issues with their wording", async () => {
    const input = await bundledSessionInput();
    input.manual.push({
      id: 'm1',
      category: 'security',
      severity: 'error',
      title: 'Unencrypted Queue',
      problem: 'The DLQ is not encrypted.',
      impact: 'Data at rest is readable.',
      fix: 'Encrypt it.',
      resources: ['Queue'],
    });
    const ours = parseModelFailures(renderSessionMarkdown(input));
    expect(ours.categories[2].issues).toContain('Unencrypted Queue');
    expect(ours.summary).toContainEqual({ category: 'Security Concerns', issue: 'Unencrypted Queue' });
    const json = sessionReportJson(input);
    expect(json.findings.every((f) => f.consensus !== null)).toBe(true);
    expect(json.manualFindings).toHaveLength(1);
  });
});
