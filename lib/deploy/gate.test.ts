import { describe, expect, it } from 'vitest';
import { fakeReview } from '../audit/test-support';
import type { ReviewResult } from '../pipeline/types';
import { readinessReasons } from './gate';

const open = { requireSignoff: false, signedOff: false };

describe('readinessReasons', () => {
  it('lets a clean reference through', () => {
    expect(readinessReasons(fakeReview(), open)).toEqual([]);
  });

  it('refuses a reference that failed synthesis, saying why', () => {
    expect(readinessReasons(fakeReview({ failed: 'reference' }), open)).toEqual(['The reference failed synthesis: synthesis exploded']);
  });

  it('refuses open deployment-category errors of the reference, but not acknowledged ones or the model side', () => {
    const review: ReviewResult = fakeReview();
    const deploymentError = {
      side: 'reference' as const,
      rule: 'no-hardcoded-azs',
      category: 'deployment' as const,
      severity: 'error' as const,
      title: 'Hard-coded AZ',
      message: 'm',
      resources: ['Subnet1'],
      source: 'infra-review' as const,
    };
    review.findings.push(
      deploymentError,
      { ...deploymentError, rule: 'acked', acknowledged: { reason: 'on purpose' } },
      { ...deploymentError, rule: 'model-side', side: 'model' },
      { ...deploymentError, rule: 'just-a-warning', severity: 'warning' },
    );
    expect(readinessReasons(review, open)).toEqual(['Deployment error in the reference: Hard-coded AZ (no-hardcoded-azs on Subnet1)']);
  });

  it('asks for a signed-off session only when an admin requires one', () => {
    expect(readinessReasons(fakeReview(), { requireSignoff: true, signedOff: false })[0]).toContain(
      'signed-off audit session on this reference (template ref-hash-1)',
    );
    expect(readinessReasons(fakeReview(), { requireSignoff: true, signedOff: true })).toEqual([]);
  });
});
