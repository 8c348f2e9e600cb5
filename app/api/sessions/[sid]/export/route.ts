import { handle } from '@/lib/api/handler';
import { exportResponse, exportSession } from '@/lib/audit/export';
import { exportQuery } from '@/lib/audit/schemas';
import { requireUser } from '@/lib/auth/guard';

export const dynamic = 'force-dynamic';

/** The session's report as a download: `MODEL_FAILURES.md` (`format=md`, default) or `session-<id>.json` (viewer+). */
export const GET = handle(async (req: Request, ctx: { params: Promise<{ sid: string }> }) => {
  await requireUser(req, 'viewer');
  const { format } = exportQuery.parse(Object.fromEntries(new URL(req.url).searchParams));
  return exportResponse(await exportSession({ sessionId: (await ctx.params).sid, format }));
});
