import { handle } from '@/lib/api/handler';
import { getReviewById } from '@/lib/review/registry';

export const dynamic = 'force-dynamic';

/** The whole review: artifacts, findings, counts and diff. */
export const GET = handle(async (_req: Request, ctx: { params: Promise<{ id: string }> }) =>
  Response.json(await getReviewById(await ctx.params)),
);
