import type { Kysely } from 'kysely';
import { getDb } from '../connection';
import type { Database } from '../schema';

/** The columns of better-auth's `user` table that sessions show. */
interface AuthUserTable {
  id: string;
  email: string;
  name: string | null;
}

/** What a person is called in the UI: their name, else the local part of their email (never the whole address). */
export function displayName({ name, email }: { name?: string | null; email: string }): string {
  return name?.trim() || email.replace(/@.*$/, '');
}

/** Labels (`displayName`: name, else the email's local part) of the given user ids; an id without a user (deleted) is labelled with itself. */
export async function getUserLabels({ ids }: { ids: Iterable<string> }, db: Kysely<Database> = getDb().db): Promise<Map<string, string>> {
  const wanted = [...new Set(ids)];
  const labels = new Map(wanted.map((id) => [id, id]));
  if (wanted.length === 0) return labels;
  const rows = await db
    .withTables<{ user: AuthUserTable }>()
    .selectFrom('user')
    .select(['id', 'email', 'name'])
    .where('id', 'in', wanted)
    .execute();
  for (const row of rows) labels.set(row.id, displayName(row));
  return labels;
}
