import { afterAll, describe, expect, it } from 'vitest';
import { shutdownValidator, validateTemplateText } from './client';

/** A template big enough that validating it takes far longer than a millisecond. */
function manyBuckets(count: number): string {
  const resources = Object.fromEntries(
    Array.from({ length: count }, (_, i) => [`Bucket${i}`, { Type: 'AWS::S3::Bucket', Properties: { BucketName: `b-${i}` } }]),
  );
  return JSON.stringify({ Resources: resources });
}

describe('validator timeout', () => {
  afterAll(shutdownValidator);

  it('reports a validation that does not answer in time as unavailable, restarts the engine, and validates the next template', async () => {
    const slow = await validateTemplateText(manyBuckets(2000), 'slow.json', { timeoutMs: 1 });
    expect(slow).toEqual({ error: 'no answer within 0.001 s; the validator was restarted' });
    const next = await validateTemplateText(
      JSON.stringify({ Resources: { Q: { Type: 'AWS::SQS::Queue', Properties: { Nope: 1 } } } }),
      'next.json',
    );
    expect('diagnostics' in next && next.diagnostics.map((d) => d.ruleId)).toContain('F3002');
  });
});
