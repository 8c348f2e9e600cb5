import { ADMIN_MAX_BODY_BYTES, readJsonBody } from '@/lib/api/json-body';
import { handle } from '@/lib/api/handler';
import { getAuth } from '@/lib/auth/auth';
import { actorOf } from '@/lib/auth/authorize';
import { requireUser } from '@/lib/auth/guard';
import { renameSchema, renameUser } from '@/lib/auth/users';

export const dynamic = 'force-dynamic';

/** The caller as the API sees them: id, email, name, the role they act with, and how they signed in (a token's scope). */
export const GET = handle(async (req: Request) => {
  const { id, email, name, role, via, scope } = await requireUser(req, 'viewer');
  return Response.json({ user: { id, email, name, role, via, scope: scope ?? null } });
});

/** Changes the caller's own display name (audited as `user.rename`); the only route that renames a user. */
export const PATCH = handle(async (req: Request) => {
  const caller = await requireUser(req, 'viewer');
  const { name } = renameSchema.parse(await readJsonBody(req, ADMIN_MAX_BODY_BYTES));
  const renamed = await renameUser(await getAuth(), { id: caller.id, name }, actorOf(caller));
  return Response.json({
    user: { id: renamed.id, email: renamed.email, name: renamed.name, role: caller.role, via: caller.via, scope: caller.scope ?? null },
  });
});
