import { z } from 'zod';
import { handle } from '@/lib/api/handler';
import { getReviewById } from '@/lib/reviews/registry';
import { CATEGORIES } from '@/lib/rules/types';
import { requireUser } from '@/lib/auth/guard';
import { parseRulePacks } from '@/lib/rules/cdk-nag/packs';

export const dynamic = 'force-dynamic';

const query = z.object({
  side: z.enum(['model', 'reference']).optional(),
  category: z.enum(CATEGORIES).optional(),
  rule: z.string().max(200).optional(),
  packs: z.string().optional(),
});

/** Findings of a review, in the CLI's shape with `side`; optional `side`, `category` and `rule` filters; `packs` adds cdk-nag packs. */
export const GET = handle(async (req: Request, ctx: { params: Promise<{ id: string }> }) => {
  await requireUser(req, 'viewer');
  const filter = query.parse(Object.fromEntries(new URL(req.url).searchParams));
  const review = await getReviewById({ ...(await ctx.params), rulePacks: parseRulePacks(filter.packs) });
  const findings = review.findings.filter(
    (f) =>
      (!filter.side || f.side === filter.side) &&
      (!filter.category || f.category === filter.category) &&
      (!filter.rule || f.rule === filter.rule),
  );
  return Response.json({ findings });
});
