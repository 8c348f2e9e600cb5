import { ADMIN_MAX_BODY_BYTES, readJsonBody } from '@/lib/api/json-body';
import { actorOf } from '@/lib/auth/authorize';
import { addUser, addUserSchema } from '@/lib/admin/users';
import { handle } from '@/lib/api/handler';
import { getAuth } from '@/lib/auth/auth';
import { requireUser } from '@/lib/auth/guard';
import { listUsers } from '@/lib/auth/users';

export const dynamic = 'force-dynamic';

/** Every user, oldest first (admin). */
export const GET = handle(async (req: Request) => {
  await requireUser(req, 'admin');
  return Response.json({ users: await listUsers(await getAuth()) });
});

/** Adds a user (admin); a generated password is returned once as `password`. */
export const POST = handle(async (req: Request) => {
  const admin = await requireUser(req, 'admin');
  const { user, generatedPassword } = await addUser(
    await getAuth(),
    addUserSchema.parse(await readJsonBody(req, ADMIN_MAX_BODY_BYTES)),
    actorOf(admin),
  );
  return Response.json(generatedPassword ? { user, password: generatedPassword } : { user }, { status: 201 });
});
