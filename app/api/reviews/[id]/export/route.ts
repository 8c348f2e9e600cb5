import { z } from 'zod';
import { handle } from '@/lib/api/handler';
import { requireUser } from '@/lib/auth/guard';
import { exportFormatSchema, exportReview } from '@/lib/report/export';
import { getReviewById, getReviewDefinition } from '@/lib/reviews/registry';

export const dynamic = 'force-dynamic';

const query = z.object({ format: exportFormatSchema });

/** A review as a download: SARIF, JUnit XML, MODEL_FAILURES.md or JSON. */
export const GET = handle(async (req: Request, ctx: { params: Promise<{ id: string }> }) => {
  await requireUser(req, 'viewer');
  const { format } = query.parse(Object.fromEntries(new URL(req.url).searchParams));
  const params = await ctx.params;
  const [review, def] = await Promise.all([getReviewById(params), getReviewDefinition(params)]);
  const file = await exportReview(format, review, def);
  return new Response(file.body, {
    headers: { 'Content-Type': file.contentType, 'Content-Disposition': `attachment; filename="${file.filename}"` },
  });
});
