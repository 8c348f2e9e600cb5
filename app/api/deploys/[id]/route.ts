import { handle } from '@/lib/api/handler';
import { requireUser } from '@/lib/auth/guard';
import { getDeploy } from '@/lib/deploy/service';

export const dynamic = 'force-dynamic';

/** One deploy with its preview and outcome (viewer+). */
export const GET = handle(async (req: Request, ctx: { params: Promise<{ id: string }> }) => {
  await requireUser(req, 'viewer');
  return Response.json({ deploy: await getDeploy(await ctx.params) });
});
