import { ADMIN_MAX_BODY_BYTES, readJsonBody } from '@/lib/api/json-body';
import { actorOf } from '@/lib/auth/authorize';
import { changeUserRole, roleChangeSchema } from '@/lib/admin/users';
import { handle } from '@/lib/api/handler';
import { getAuth } from '@/lib/auth/auth';
import { requireUser } from '@/lib/auth/guard';

export const dynamic = 'force-dynamic';

/** Changes a user's role (admin): 404 for an unknown user, 409 when it would demote the last admin. */
export const PATCH = handle(async (req: Request, ctx: { params: Promise<{ id: string }> }) => {
  const admin = await requireUser(req, 'admin');
  const { role } = roleChangeSchema.parse(await readJsonBody(req, ADMIN_MAX_BODY_BYTES));
  const user = await changeUserRole(await getAuth(), { id: (await ctx.params).id, role }, actorOf(admin));
  return Response.json({ user });
});
