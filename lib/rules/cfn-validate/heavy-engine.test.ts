import { afterAll, describe, expect, it } from 'vitest';
import { shutdownValidator, validateTemplateText } from './client';

const buckets = (n: number) =>
  JSON.stringify({ Resources: Object.fromEntries(Array.from({ length: n }, (_, i) => [`Bucket${i}`, { Type: 'AWS::S3::Bucket' }])) });

afterAll(() => shutdownValidator());

describe('the heavy validator engine', () => {
  it('validates a small template while a large one is still being validated by the engine of its own', async () => {
    // Both engines started and warm first, so that the order below is the work's, not the start-up's.
    await Promise.all([validateTemplateText(buckets(1), 'warm.json'), validateTemplateText(buckets(1), 'warm.json', { heavy: true })]);
    const order: string[] = [];
    const large = validateTemplateText(buckets(4000), 'large.json', { heavy: true }).then((outcome) => {
      order.push('large');
      return outcome;
    });
    const small = validateTemplateText(buckets(2), 'small.json').then((outcome) => {
      order.push('small');
      return outcome;
    });
    const [largeOutcome, smallOutcome] = await Promise.all([large, small]);
    expect(order).toEqual(['small', 'large']);
    expect('diagnostics' in smallOutcome).toBe(true);
    expect('diagnostics' in largeOutcome).toBe(true);
  }, 240_000);
});
