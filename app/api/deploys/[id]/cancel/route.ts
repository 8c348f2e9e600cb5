import { handle } from '@/lib/api/handler';
import { requireUser } from '@/lib/auth/guard';
import { cancelDeploy } from '@/lib/deploy/decisions';

export const dynamic = 'force-dynamic';

/** Cancels a previewed deploy, deleting its change set and releasing the stack (deployer+); 409 unless it awaits confirmation. */
export const POST = handle(async (req: Request, ctx: { params: Promise<{ id: string }> }) => {
  const user = await requireUser(req, 'deployer');
  return Response.json({ deploy: await cancelDeploy({ id: (await ctx.params).id, user }) });
});
