import { openApiDocument } from '@/lib/api/openapi';
import { handle } from '@/lib/api/handler';
import { requireUser } from '@/lib/auth/guard';

/** The OpenAPI 3.1 description of this API (signed-in users only, like everything but /api/health). */
export const GET = handle(async (req: Request) => {
  await requireUser(req, 'viewer');
  return Response.json(openApiDocument());
});
