import { z } from 'zod';
import { AppError, zodErrorMessage } from '../errors';
import type { DbHandle } from '../db/connection';
import type { Auth } from './auth';
import { ROLES, isRole, type Role } from './roles';
import { auditAuthChange, SYSTEM_ACTOR, type Actor } from './audit-log';
import { claimAuthState, releaseAuthState } from '../db/queries/auth-state';

/** A user as the app sees it. */
export interface AppUser {
  id: string;
  email: string;
  name: string;
  role: Role;
  createdAt: Date;
}

/** A display name: 1 to 100 characters after trimming, no control characters (NUL cannot be stored in PostgreSQL text). */
const displayName = z
  .string()
  .trim()
  .min(1)
  .max(100)
  .regex(/^[^\p{Cc}]*$/u, 'must not contain control characters');

/** What creating a user takes; the password is hashed by better-auth (scrypt) and never stored as given. */
export const newUserSchema = z.object({
  email: z
    .email()
    .max(254)
    .transform((e) => e.toLowerCase()),
  name: displayName,
  password: z.string().min(12, 'at least 12 characters').max(256),
  role: z.enum(ROLES),
});

/** Input of createUser (before validation). */
export type NewUser = z.input<typeof newUserSchema>;

/** Creates a user with an email+password account; 409 when the email is taken, 400 on invalid input (both with the field's issue as details). */
export async function createUser(auth: Auth, input: NewUser, actor: Actor = SYSTEM_ACTOR): Promise<AppUser> {
  const parsed = newUserSchema.safeParse(input);
  if (!parsed.success) throw new AppError('bad_request:input', zodErrorMessage(parsed.error), { details: parsed.error.issues });
  const { email, name, password, role } = parsed.data;
  const ctx = await auth.$context;
  if (await ctx.internalAdapter.findUserByEmail(email)) {
    const message = `a user with email ${email} exists`;
    throw new AppError('conflict:state', message, { details: [{ path: ['email'], message }] });
  }
  const user = await ctx.internalAdapter.createUser({ email, name, role, emailVerified: false }, { method: 'admin' });
  await ctx.internalAdapter.linkAccount({
    userId: user.id,
    providerId: 'credential',
    accountId: user.id,
    password: await ctx.password.hash(password),
  });
  await auditAuthChange(auth, { actor, action: 'user.create', entityType: 'user', entityId: user.id, after: { email, name, role } });
  return toAppUser(user);
}

/** The number of users (0 on a fresh install). */
export async function countUsers(auth: Auth): Promise<number> {
  const ctx = await auth.$context;
  return ctx.adapter.count({ model: 'user' });
}

/** The user with this email (case-insensitive), or undefined. */
export async function getUserByEmail(auth: Auth, { email }: { email: string }): Promise<AppUser | undefined> {
  const ctx = await auth.$context;
  const found = await ctx.internalAdapter.findUserByEmail(email.trim().toLowerCase());
  return found ? toAppUser(found.user) : undefined;
}

/** The user with this id, or undefined. */
export async function getUserById(auth: Auth, { id }: { id: string }): Promise<AppUser | undefined> {
  const ctx = await auth.$context;
  const user = await ctx.internalAdapter.findUserById(id);
  return user ? toAppUser(user) : undefined;
}

/** Every user, oldest first. */
export async function listUsers(auth: Auth): Promise<AppUser[]> {
  const ctx = await auth.$context;
  const users = await ctx.internalAdapter.listUsers(undefined, undefined, { field: 'createdAt', direction: 'asc' });
  return users.map(toAppUser);
}

/** Changes a user's role; 400 for an unknown email. */
export async function setUserRole(
  auth: Auth,
  { email, role }: { email: string; role: Role },
  actor: Actor = SYSTEM_ACTOR,
): Promise<AppUser> {
  const user = await getUserByEmail(auth, { email });
  if (!user) throw new AppError('bad_request:input', `no user with email ${email}`);
  const ctx = await auth.$context;
  const updated = toAppUser(await ctx.internalAdapter.updateUser(user.id, { role }));
  await auditAuthChange(auth, {
    actor,
    action: 'user.set_role',
    entityType: 'user',
    entityId: user.id,
    before: { role: user.role },
    after: { role },
  });
  return updated;
}

/** What renaming a user takes: the new display name. */
export const renameSchema = z.strictObject({ name: displayName });

/** Changes a user's display name (audited with the name before and after); 404 for an unknown user. */
export async function renameUser(auth: Auth, { id, name }: { id: string; name: string }, actor: Actor): Promise<AppUser> {
  const user = await getUserById(auth, { id });
  if (!user) throw new AppError('not_found:user', `No user with id ${id}`);
  const ctx = await auth.$context;
  const updated = toAppUser(await ctx.internalAdapter.updateUser(id, { name }));
  await auditAuthChange(auth, {
    actor,
    action: 'user.rename',
    entityType: 'user',
    entityId: id,
    before: { name: user.name },
    after: { name },
  });
  return updated;
}

const SETUP_CLAIM = 'first_admin_setup';

/**
 * Creates the first admin, only while no user exists. Race-safe: concurrent calls contend for one unique claim row,
 * and only the winner creates a user (the claim is released if that fails, so setup can be retried).
 */
export async function createFirstAdmin(auth: Auth, handle: DbHandle, input: Omit<NewUser, 'role'>): Promise<AppUser> {
  if ((await countUsers(auth)) > 0) throw new AppError('conflict:state', 'setup is already complete');
  if (!(await claimAuthState({ key: SETUP_CLAIM, value: new Date().toISOString() }, handle.db))) {
    throw new AppError('conflict:state', 'setup is already complete');
  }
  try {
    return await createUser(auth, { ...input, role: 'admin' }, { id: null, label: 'first-run setup' });
  } catch (error) {
    await releaseAuthState({ key: SETUP_CLAIM }, handle.db);
    throw error;
  }
}

function toAppUser(user: { id: string; email: string; name: string; createdAt: Date } & Record<string, unknown>): AppUser {
  return { id: user.id, email: user.email, name: user.name, role: isRole(user.role) ? user.role : 'viewer', createdAt: user.createdAt };
}
