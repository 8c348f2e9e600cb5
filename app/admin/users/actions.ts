'use server';

import { revalidatePath } from 'next/cache';
import { runAction, type ActionState } from '@/lib/admin/action-state';
import { actorOf } from '@/lib/auth/authorize';
import { addUser, addUserSchema, changeUserRole, roleChangeSchema } from '@/lib/admin/users';
import { getAuth } from '@/lib/auth/auth';
import { requireActionUser } from '@/lib/auth/guard';

/** After creating a user: who, and the generated password when one was generated (shown once). */
export type CreateUserState = ActionState<{ email: string; password?: string }>;

/** Creates a user from the admin form (admin only); an empty password field means "generate one". */
export async function createUserAction(_previous: CreateUserState, form: FormData): Promise<CreateUserState> {
  return runAction(
    async () => {
      const admin = await requireActionUser('admin');
      const password = String(form.get('password') ?? '') || undefined;
      const input = addUserSchema.parse({ email: form.get('email'), name: form.get('name'), role: form.get('role'), password });
      const { user, generatedPassword } = await addUser(await getAuth(), input, actorOf(admin));
      revalidatePath('/admin/users');
      return { email: user.email, password: generatedPassword };
    },
    { form, keep: ['email', 'name', 'role'] },
  );
}

/** Changes a user's role from the users table (admin only); refuses to demote the last admin. */
export async function setRoleAction(_previous: ActionState, form: FormData): Promise<ActionState> {
  return runAction(async () => {
    const admin = await requireActionUser('admin');
    const { role } = roleChangeSchema.parse({ role: form.get('role') });
    await changeUserRole(await getAuth(), { id: String(form.get('id')), role }, actorOf(admin));
    revalidatePath('/admin/users');
    return {};
  });
}
