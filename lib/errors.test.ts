import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { zodErrorMessage } from './errors';

describe('zodErrorMessage', () => {
  const schema = z.object({ email: z.email(), limits: z.object({ expiresInDays: z.number().int() }) });
  const error = schema.safeParse({ email: 'nope', limits: { expiresInDays: 1.5 } }).error!;

  it('says where each issue is and what is wrong, in one line', () => {
    expect(zodErrorMessage(error)).toMatch(/^email: .+; limits\.expiresInDays: .+$/);
  });

  it('names the whole value input, and lets the caller name paths its own way', () => {
    expect(zodErrorMessage(z.string().safeParse(3).error!)).toMatch(/^input: /);
    expect(zodErrorMessage(error, (path) => `<${path}>`)).toMatch(/^<email>: .+; <limits\.expiresInDays>: /);
  });
});
