import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import type { Auth } from '../auth/auth';
import type { Actor } from '../auth/audit-log';
import { ROLES, type Role } from '../auth/roles';
import { createUser, getUserById, listUsers, setUserRole, type AppUser } from '../auth/users';
import { AppError } from '../errors';

/** An admin's request to add a user; without a password one is generated. */
export const addUserSchema = z.strictObject({
  email: z.string().max(254),
  name: z.string().max(100),
  role: z.enum(ROLES),
  password: z.string().max(256).optional(),
});

/** An admin's change of a user's role. */
export const roleChangeSchema = z.strictObject({ role: z.enum(ROLES) });

/** Adds a user (audited by createUser); `generatedPassword` is set, to be shown once, when none was given. */
export async function addUser(
  auth: Auth,
  input: z.input<typeof addUserSchema>,
  actor: Actor,
): Promise<{ user: AppUser; generatedPassword?: string }> {
  const { password, ...rest } = addUserSchema.parse(input);
  const generatedPassword = password ? undefined : randomBytes(18).toString('base64url');
  const user = await createUser(auth, { ...rest, password: password ?? generatedPassword! }, actor);
  return generatedPassword ? { user, generatedPassword } : { user };
}

/**
 * Changes a user's role (audited by setUserRole): 404 for an unknown id, 409 when it would leave no admin. Two admins
 * demoting each other at once can both pass the first check, so the count is checked again after the change and the
 * change undone (also audited) when no admin is left.
 */
export async function changeUserRole(auth: Auth, { id, role }: { id: string; role: Role }, actor: Actor): Promise<AppUser> {
  const user = await getUserById(auth, { id });
  if (!user) throw new AppError('not_found:user', `No user with id ${id}`);
  if (user.role === role) return user;
  const lastAdmin = new AppError('conflict:state', 'This is the last admin: make another user admin first');
  if (user.role === 'admin' && (await countAdmins(auth)) <= 1) throw lastAdmin;
  const updated = await setUserRole(auth, { email: user.email, role }, actor);
  if (user.role === 'admin' && (await countAdmins(auth)) === 0) {
    await setUserRole(auth, { email: user.email, role: 'admin' }, actor);
    throw lastAdmin;
  }
  return updated;
}

/** How many users hold the admin role. */
async function countAdmins(auth: Auth): Promise<number> {
  return (await listUsers(auth)).filter((u) => u.role === 'admin').length;
}
