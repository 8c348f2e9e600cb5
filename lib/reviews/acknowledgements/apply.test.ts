import { describe, expect, it } from 'vitest';
import { countFindings } from '../../pipeline/counts';
import type { ReviewFinding, ReviewResult } from '../../pipeline/types';
import { acknowledgementMatches, applyAcknowledgements, applyReviewAcknowledgements } from './apply';
import { acknowledgementInputSchema } from './input';

const finding = (rule: string, resources: string[], extra: Partial<ReviewFinding> = {}): ReviewFinding => ({
  rule,
  category: 'security',
  severity: 'error',
  title: rule,
  message: rule,
  resources,
  source: 'cdk-nag',
  side: 'model',
  ...extra,
});
const ack = (rule: string, resource: string, expiresAt: string | null = null) => ({
  id: `${rule}@${resource}`,
  rule,
  resource,
  reason: `because ${rule}`,
  author: 'alice@example.test',
  expiresAt,
});

describe('acknowledgementMatches', () => {
  it('matches by rule, by resource, or both', () => {
    const f = finding('AwsSolutions-IAM5[Action::s3:*]', ['Policy']);
    expect(acknowledgementMatches(ack('AwsSolutions-IAM5', '*'), f)).toBe(true);
    expect(acknowledgementMatches(ack('AwsSolutions-IAM5[Action::s3:*]', 'Policy'), f)).toBe(true);
    expect(acknowledgementMatches(ack('*', 'Policy'), f)).toBe(true);
    expect(acknowledgementMatches(ack('AwsSolutions-IAM5', 'Other'), f)).toBe(false);
    expect(acknowledgementMatches(ack('AwsSolutions-IAM4', '*'), f)).toBe(false);
  });

  it('matches any rule id merged into a deduplicated finding', () => {
    const merged = finding('iam-least-privilege', ['Policy'], { rules: ['iam-least-privilege', 'cfn-validate/W2512'] });
    expect(acknowledgementMatches(ack('cfn-validate/W2512', '*'), merged)).toBe(true);
  });
});

describe('applyAcknowledgements', () => {
  const now = new Date('2026-06-01T00:00:00Z');

  it('marks matching findings with reason, author and expiry, leaves others open and never removes one', () => {
    const findings = [finding('A', ['X']), finding('B', ['Y'])];
    const out = applyAcknowledgements(findings, [ack('A', '*', '2026-07-01T00:00:00.000Z')], now);
    expect(out).toHaveLength(2);
    expect(out[0].acknowledged).toEqual({
      reason: 'because A',
      author: 'alice@example.test',
      ackId: 'A@*',
      expiresAt: '2026-07-01T00:00:00.000Z',
    });
    expect(out[1].acknowledged).toBeUndefined();
    expect(findings[0].acknowledged).toBeUndefined();
  });

  it('reports expired acknowledgements on the finding without applying them', () => {
    const [out] = applyAcknowledgements([finding('A', ['X'])], [ack('A', 'X', '2026-05-01T00:00:00.000Z')], now);
    expect(out.acknowledged).toBeUndefined();
    expect(out.expiredAcknowledgements).toEqual([
      { reason: 'because A', author: 'alice@example.test', expiresAt: '2026-05-01T00:00:00.000Z', ackId: 'A@X' },
    ]);
  });

  it('keeps an acknowledgement the template itself carries', () => {
    const [out] = applyAcknowledgements([finding('A', ['X'], { acknowledged: { reason: 'in metadata' } })], [ack('A', '*')], now);
    expect(out.acknowledged).toEqual({ reason: 'in metadata' });
  });

  it('recounts a review without mutating the (cached) input', () => {
    const findings = [finding('A', ['X']), finding('B', ['Y'])];
    const review = { findings, counts: countFindings(findings) } as unknown as ReviewResult;
    const out = applyReviewAcknowledgements(review, [ack('A', '*')], now);
    expect(out.counts.security.model).toMatchObject({ error: 1, total: 1, acknowledged: 1 });
    expect(review.counts.security.model).toMatchObject({ error: 2, acknowledged: 0 });
    expect(review.findings[0].acknowledged).toBeUndefined();
  });
});

describe('acknowledgementInputSchema', () => {
  it('requires a non-blank reason and a rule or a resource', () => {
    expect(acknowledgementInputSchema.safeParse({ rule: 'A', reason: '  ' }).success).toBe(false);
    expect(acknowledgementInputSchema.safeParse({ reason: 'everything' }).success).toBe(false);
    expect(acknowledgementInputSchema.safeParse({ rule: 'A', reason: 'ok', extra: 1 }).success).toBe(false);
    expect(acknowledgementInputSchema.safeParse({ rule: 'A', reason: 'ok', expiresAt: 'tomorrow' }).success).toBe(false);
    expect(acknowledgementInputSchema.parse({ resource: 'X', reason: ' ok ' })).toEqual({ rule: '*', resource: 'X', reason: 'ok' });
  });
});
