import { handle } from '@/lib/api/handler';
import { requireUser } from '@/lib/auth/guard';
import { listDeployedEvents } from '@/lib/stack/view';

export const dynamic = 'force-dynamic';

/** Every event of the deployed stack, newest first; none when it does not exist (viewer). */
export const GET = handle(async (req: Request) => {
  await requireUser(req, 'viewer');
  return Response.json({ events: await listDeployedEvents() });
});
