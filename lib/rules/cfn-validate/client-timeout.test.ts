import { afterAll, describe, expect, it } from 'vitest';

describe('validator timeout', () => {
  it('reports a validator that does not answer in time as unavailable instead of hanging the review', async () => {
    process.env.INFRA_REVIEW_VALIDATE_TIMEOUT_MS = '1';
    const { validateTemplateText, shutdownValidator } = await import('./client');
    afterAll(shutdownValidator);
    const outcome = await validateTemplateText('{"Resources":{}}', 'slow.json');
    expect(outcome).toEqual({ error: 'no answer within 0.001 s' });
  });
});
