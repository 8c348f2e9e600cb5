import { getAuth } from '@/lib/auth/auth';

export const dynamic = 'force-dynamic';

/** better-auth's endpoints: sign-in (rate limited), sign-out, session, OIDC callback. */
async function authHandler(req: Request): Promise<Response> {
  return (await getAuth()).handler(req);
}

export { authHandler as GET, authHandler as POST };
