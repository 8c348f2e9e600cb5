import { requirePageUser, type AuthedUser } from '@/lib/auth/guard';
import { hasRole } from '@/lib/auth/roles';

/** For /admin pages: the signed-in admin, or null for a signed-in non-admin (render <Forbidden/>); anonymous visitors go to sign-in. */
export async function getAdminPageUser(): Promise<AuthedUser | null> {
  const user = await requirePageUser('viewer');
  return hasRole(user, 'admin') ? user : null;
}
