import { handle } from '@/lib/api/handler';
import { getReviewById } from '@/lib/review/registry';

export const dynamic = 'force-dynamic';

/** The diff from reference to model (null when a side failed). */
export const GET = handle(async (_req: Request, ctx: { params: Promise<{ id: string }> }) =>
  Response.json({ diff: (await getReviewById(await ctx.params)).diff }),
);
