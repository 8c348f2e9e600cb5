'use server';

import { redirect } from 'next/navigation';
import { z } from 'zod';
import { AppError } from '@/lib/errors';
import { completeSetup } from '@/lib/auth/first-run';

/** What the setup form shows after a submission. */
export type SetupState =
  | { status: 'idle' }
  | { status: 'invalid'; errors: Partial<Record<'email' | 'name' | 'password' | 'confirm', string>> }
  | { status: 'error'; message: string };

const setupSchema = z
  .object({
    name: z.string().trim().min(1, 'Enter a name').max(100),
    email: z.email('Enter a valid email').max(254),
    password: z.string().min(12, 'At least 12 characters').max(256),
    confirm: z.string(),
  })
  .refine((v) => v.password === v.confirm, { path: ['confirm'], message: 'The passwords differ' });

/** Creates the first admin (only while no user exists), then sends them to sign in. */
export async function setupAction(_previous: SetupState, form: FormData): Promise<SetupState> {
  const parsed = setupSchema.safeParse(Object.fromEntries(form));
  if (!parsed.success) {
    const errors: Record<string, string> = {};
    for (const issue of parsed.error.issues) errors[String(issue.path[0])] ??= issue.message;
    return { status: 'invalid', errors };
  }
  try {
    await completeSetup({ name: parsed.data.name, email: parsed.data.email, password: parsed.data.password });
  } catch (error) {
    if (error instanceof AppError && error.status < 500) return { status: 'error', message: error.message };
    console.error(error);
    return { status: 'error', message: 'Setup failed. Try again.' };
  }
  redirect('/sign-in?setup=done');
}
