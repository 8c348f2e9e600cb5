import { randomUUID } from 'node:crypto';
import type { BetterAuthPlugin } from 'better-auth';
import { APIError, createAuthMiddleware, isAPIError } from 'better-auth/api';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import {
  deleteSignInFailureById,
  deleteSignInFailuresByAccount,
  getSignInFailuresByAccount,
  insertSignInFailure,
} from '../db/queries/sign-in-failures';

/** Failed password sign-ins allowed per account (whatever address they come from) within the window, in seconds. */
export const SIGN_IN_ACCOUNT_LIMIT = { window: 15 * 60, max: 5 } as const;

const SIGN_IN_PATH = '/sign-in/email';
/** Carries an attempt's id from the before hook to the after hook; set by the hook itself, never taken from a client. */
const ATTEMPT_HEADER = 'x-infra-review-sign-in-attempt';

/**
 * A better-auth plugin limiting failed sign-ins per account, counted in the database (so across addresses and app
 * instances): once an account has `max` failures in the window, every attempt on it, the right password included,
 * answers 429 with `Retry-After` until the oldest failure leaves the window. A right password clears the count. Each
 * attempt counts as a failure from before its password is checked, so concurrent guesses cannot all slip through.
 */
export function accountSignInLimit(db: Kysely<Database>, limit: { window: number; max: number } = SIGN_IN_ACCOUNT_LIMIT) {
  const since = () => new Date(Date.now() - limit.window * 1000).toISOString();
  const isSignIn = (ctx: { path?: string }) => ctx.path === SIGN_IN_PATH;
  return {
    id: 'account-sign-in-limit',
    hooks: {
      before: [
        {
          matcher: isSignIn,
          handler: createAuthMiddleware(async (ctx) => {
            const account = accountOf(ctx.body);
            if (!account) return;
            const id = randomUUID();
            await insertSignInFailure({ id, account, since: since() }, db);
            const { count, oldest } = await getSignInFailuresByAccount({ account, since: since() }, db);
            if (count <= limit.max || !oldest) return { context: { headers: new Headers({ [ATTEMPT_HEADER]: id }) } };
            await deleteSignInFailureById({ id }, db);
            const retryAfter = Math.max(1, Math.ceil((Date.parse(oldest) + limit.window * 1000 - Date.now()) / 1000));
            throw new APIError(
              'TOO_MANY_REQUESTS',
              { message: 'Too many failed sign-ins for this account. Please try again later.' },
              { 'Retry-After': String(retryAfter), 'X-Retry-After': String(retryAfter) },
            );
          }),
        },
      ],
      after: [
        {
          matcher: isSignIn,
          handler: createAuthMiddleware(async (ctx) => {
            const account = accountOf(ctx.body);
            const id = ctx.headers?.get(ATTEMPT_HEADER);
            if (!account || !id) return;
            const returned = ctx.context.returned;
            if (!isAPIError(returned)) await deleteSignInFailuresByAccount({ account }, db);
            // A wrong password keeps its row; any other refusal (bad input, origin) was no guess.
            else if (returned.statusCode !== 401) await deleteSignInFailureById({ id }, db);
          }),
        },
      ],
    },
  } satisfies BetterAuthPlugin;
}

/**
 * The account a sign-in body names: its email trimmed and lower-cased; undefined when it names none or holds control
 * characters (never a valid email, so never signed in; a NUL cannot be stored in PostgreSQL text).
 */
function accountOf(body: unknown): string | undefined {
  const email = (body as { email?: unknown } | null)?.email;
  if (typeof email !== 'string' || !email.trim() || /\p{Cc}/u.test(email)) return undefined;
  return email.trim().toLowerCase().slice(0, 320);
}
