import { getAuth } from '@/lib/auth/auth';
import { authConfigFromEnv } from '@/lib/auth/config';
import { authRequest } from '@/lib/auth/http';

export const dynamic = 'force-dynamic';

/** better-auth's open endpoints (sign-in, rate limited; sign-out; session; OIDC callback); every other one is a 404. */
async function authHandler(req: Request): Promise<Response> {
  return authRequest(await getAuth(), req, authConfigFromEnv());
}

export { authHandler as GET, authHandler as POST };
