import { describe, expect, it } from 'vitest';
import { SEED_RULES } from '../rules/index';
import { bundledReview } from './bundled';
import { runReview } from './run';

describe('the bundled review', () => {
  it('finds every seed rule on the model and nothing unacknowledged on the reference', async () => {
    const review = await runReview(bundledReview());
    expect(review.reference.status).toBe('ok');
    expect(review.model.status).toBe('ok');
    const modelRules = new Set(review.findings.filter((f) => f.side === 'model' && !f.acknowledged).map((f) => f.rule));
    for (const rule of SEED_RULES) expect(modelRules, rule.id).toContain(rule.id);
    const openOnReference = review.findings.filter((f) => f.side === 'reference' && !f.acknowledged);
    expect(openOnReference).toEqual([]);
    const nat = review.findings.find((f) => f.side === 'reference' && f.rule === 'nat-gateway-redundancy');
    expect(nat?.acknowledged?.reason).toMatch(/cost/i);
  });

  it('names source findings by markdown line and template findings by logical id', async () => {
    const review = await runReview(bundledReview());
    const v1 = review.findings.find((f) => f.rule === 'cdk-v1-imports');
    expect(v1?.location?.file).toBe('infra/model/MODEL_RESPONSE.md');
    expect(v1?.resources).toEqual([]);
    const iam = review.findings.find((f) => f.rule === 'iam-least-privilege' && f.side === 'model');
    expect(iam?.resources.length).toBeGreaterThan(0);
    // A renamed pair is one diff entry under the reference ID; the model finding names its own (modelLogicalId).
    expect(review.diff?.resources.some((r) => iam?.resources.includes(r.modelLogicalId ?? r.logicalId))).toBe(true);
  });

  it('counts unacknowledged findings per category and side', async () => {
    const review = await runReview(bundledReview());
    const security = review.findings.filter((f) => f.category === 'security' && f.side === 'model' && !f.acknowledged);
    expect(review.counts.security.model.total).toBe(security.length);
    expect(review.counts.performance.reference.total).toBe(0);
    expect(review.counts.performance.reference.acknowledged).toBeGreaterThan(0);
  });

  it('serves a repeated review of unchanged artifacts from the cache', async () => {
    const first = await runReview(bundledReview());
    expect(await runReview(bundledReview())).toBe(first);
  });

  it('turns a reference that fails to synthesize into an explained state, not an exception', async () => {
    const def = bundledReview();
    def.id = 'broken';
    def.reference = { label: 'reference', cdk: { ...def.reference.cdk!, builder: 'noSuchBuilder' } };
    const review = await runReview(def);
    expect(review.reference).toMatchObject({ status: 'failed', stage: 'synthesis' });
    expect(review.reference.status === 'failed' && review.reference.message).toContain('noSuchBuilder');
    expect(review.diff).toBeNull();
    expect(review.findings.some((f) => f.side === 'model')).toBe(true);
  });
});
