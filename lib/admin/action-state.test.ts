import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { AppError } from '../errors';
import { fieldErrorsOf, runAction } from './action-state';

describe('fieldErrorsOf', () => {
  it('keeps the first message of each top-level field, and ignores issues about the whole input', () => {
    const schema = z.object({ name: z.string().min(3).max(1), limits: z.object({ days: z.number() }) });
    const issues = schema.safeParse({ name: 'ab', limits: { days: 'x' } }).error!.issues;
    const fields = fieldErrorsOf([...issues, { path: [], message: 'whole input' }]);
    expect(Object.keys(fields).sort()).toEqual(['limits', 'name']);
    expect(fields.name).toBe(issues.find((issue) => issue.path[0] === 'name')!.message);
  });

  it('names no field for details of another shape', () => {
    expect(fieldErrorsOf(undefined)).toEqual({});
    expect(fieldErrorsOf({ path: ['name'], message: 'not an array' })).toEqual({});
    expect(fieldErrorsOf([{ path: [0], message: 'index, not a field' }, 'text'])).toEqual({});
  });
});

describe('runAction', () => {
  it('names the invalid fields of a ZodError', async () => {
    const state = await runAction(async () => z.strictObject({ name: z.string().min(1) }).parse({ name: '' }));
    expect(state).toMatchObject({ status: 'error', message: expect.stringMatching(/^name: /), fields: { name: expect.any(String) } });
  });

  it('names the fields an AppError carries as issues, and none when it carries none', async () => {
    const taken = new AppError('conflict:state', 'taken', { details: [{ path: ['email'], message: 'taken' }] });
    expect(
      await runAction(async () => {
        throw taken;
      }),
    ).toMatchObject({ status: 'error', message: 'taken', fields: { email: 'taken' } });
    const plain = await runAction(async () => {
      throw new AppError('conflict:state', 'last admin');
    });
    expect(plain).toMatchObject({ status: 'error', message: 'last admin' });
    expect(plain).not.toHaveProperty('fields');
  });

  it('hands back the kept fields as typed, and nothing of the others', async () => {
    const form = new FormData();
    form.set('email', 'taken@example.com');
    form.set('password', 'secret secret');
    const state = await runAction(
      async () => {
        throw new AppError('conflict:state', 'taken');
      },
      { form, keep: ['email', 'name'] },
    );
    expect(state).toMatchObject({ status: 'error', values: { email: 'taken@example.com', name: '' } });
    expect(JSON.stringify(state)).not.toContain('secret');
  });
});
