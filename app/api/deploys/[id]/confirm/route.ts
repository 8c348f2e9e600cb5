import { handle } from '@/lib/api/handler';
import { requireUser } from '@/lib/auth/guard';
import { confirmDeploy } from '@/lib/deploy/decisions';

export const dynamic = 'force-dynamic';

/** Confirms a previewed deploy and executes its change set (deployer+); 409 unless it awaits confirmation. */
export const POST = handle(async (req: Request, ctx: { params: Promise<{ id: string }> }) => {
  const user = await requireUser(req, 'deployer');
  return Response.json({ deploy: await confirmDeploy({ id: (await ctx.params).id, user }) });
});
