import { getDb } from '../db/connection';
import { getAuth } from './auth';
import { countUsers, createFirstAdmin, type AppUser, type NewUser } from './users';

let usersSeen = false;

/** True once any user exists. Only a positive answer is cached: users are never all removed, and setup must see the first one. */
export async function hasUsers(): Promise<boolean> {
  if (usersSeen) return true;
  usersSeen = (await countUsers(await getAuth())) > 0;
  return usersSeen;
}

/** First-run setup on the configured database: creates the first admin, only while no user exists (else 409). */
export async function completeSetup(input: Omit<NewUser, 'role'>): Promise<AppUser> {
  const user = await createFirstAdmin(await getAuth(), getDb(), input);
  usersSeen = true;
  return user;
}
