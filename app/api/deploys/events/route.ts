import { handle } from '@/lib/api/handler';
import { SSE_HEADERS } from '@/lib/audit/live';
import { requireUser } from '@/lib/auth/guard';
import { openDeployEvents } from '@/lib/deploy/live';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

/** The target's deploy updates and stack events as Server-Sent Events, from every app instance (viewer+). */
export const GET = handle(async (req: Request) => {
  await requireUser(req, 'viewer');
  return new Response(await openDeployEvents({ signal: req.signal }), { headers: SSE_HEADERS });
});
