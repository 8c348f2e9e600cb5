import { openApiDocument } from '@/lib/api/openapi';

/** The OpenAPI 3.1 description of this API. */
export function GET() {
  return Response.json(openApiDocument());
}
