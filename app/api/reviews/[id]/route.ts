import { handle } from '@/lib/api/handler';
import { getReviewById } from '@/lib/reviews/registry';
import { requireUser } from '@/lib/auth/guard';
import { parseRulePacks } from '@/lib/rules/cdk-nag/packs';

export const dynamic = 'force-dynamic';

/** The whole review: artifacts, findings, counts and diff; `?packs=` adds cdk-nag packs (unknown pack → 400). */
export const GET = handle(async (req: Request, ctx: { params: Promise<{ id: string }> }) => {
  await requireUser(req, 'viewer');
  const rulePacks = parseRulePacks(new URL(req.url).searchParams.get('packs'));
  return Response.json(await getReviewById({ ...(await ctx.params), rulePacks }));
});
