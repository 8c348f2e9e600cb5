import { handle } from '@/lib/api/handler';
import { readJsonBody } from '@/lib/api/json-body';
import { actorOf } from '@/lib/auth/authorize';
import { getReviewById } from '@/lib/reviews/registry';
import { requireUser } from '@/lib/auth/guard';
import { deleteReview, renameReview } from '@/lib/reviews/manage';
import { parseRulePacks } from '@/lib/rules/cdk-nag/packs';

export const dynamic = 'force-dynamic';

type Ctx = { params: Promise<{ id: string }> };

/** The whole review: artifacts, findings, counts and diff; `?packs=` adds cdk-nag packs (unknown pack → 400). */
export const GET = handle(async (req: Request, ctx: Ctx) => {
  await requireUser(req, 'viewer');
  const rulePacks = parseRulePacks(new URL(req.url).searchParams.get('packs'));
  return Response.json(await getReviewById({ ...(await ctx.params), rulePacks }));
});

/** Renames a stored review (reviewer+, audited): `{name}` → `{review:{id,name}}`; the bundled review → 409. */
export const PATCH = handle(async (req: Request, ctx: Ctx) => {
  const user = await requireUser(req, 'reviewer');
  const review = await renameReview({ id: (await ctx.params).id, body: await readJsonBody(req), actor: actorOf(user) });
  return Response.json({ review });
});

/** Deletes a stored review and its acknowledgements (reviewer+, audited); a review with audit sessions → 409. */
export const DELETE = handle(async (req: Request, ctx: Ctx) => {
  const user = await requireUser(req, 'reviewer');
  return Response.json({ deleted: await deleteReview({ id: (await ctx.params).id, actor: actorOf(user) }) });
});
