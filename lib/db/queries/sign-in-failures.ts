import type { Kysely } from 'kysely';
import { getDb } from '../connection';
import type { Database, IsoTimestamp } from '../schema';

/**
 * One failed password sign-in, or one in progress (counted until it succeeds, so concurrent guesses cannot all pass),
 * per account: the lower-cased email as typed, known or not, so a 429 reveals nothing.
 */
interface SignInFailuresTable {
  id: string;
  account: string;
  failed_at: IsoTimestamp;
}

type FailuresDb = Kysely<Database & { sign_in_failures: SignInFailuresTable }>;

function failuresDb(db: Kysely<Database>): FailuresDb {
  return db.withTables<{ sign_in_failures: SignInFailuresTable }>();
}

/** Creates the `sign_in_failures` table and its index when missing (run by auth's migration hook). */
export async function createSignInFailuresTable(db: Kysely<Database> = getDb().db): Promise<void> {
  const schema = failuresDb(db).schema;
  await schema
    .createTable('sign_in_failures')
    .ifNotExists()
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('account', 'text', (c) => c.notNull())
    .addColumn('failed_at', 'text', (c) => c.notNull())
    .execute();
  await schema.createIndex('sign_in_failures_account').ifNotExists().on('sign_in_failures').columns(['account', 'failed_at']).execute();
}

/** Records sign-in attempt `id` of `account` now as a failure, and drops failures older than `since` (of every account). */
export async function insertSignInFailure(
  { id, account, since }: { id: string; account: string; since: IsoTimestamp },
  db: Kysely<Database> = getDb().db,
): Promise<void> {
  const failures = failuresDb(db);
  await failures.insertInto('sign_in_failures').values({ id, account, failed_at: new Date().toISOString() }).execute();
  await failures.deleteFrom('sign_in_failures').where('failed_at', '<', since).execute();
}

/** Forgets one attempt (it was refused before its password was checked). */
export async function deleteSignInFailureById({ id }: { id: string }, db: Kysely<Database> = getDb().db): Promise<void> {
  await failuresDb(db).deleteFrom('sign_in_failures').where('id', '=', id).execute();
}

/** How many times `account` failed to sign in since `since`, and when the oldest of those failures was. */
export async function getSignInFailuresByAccount(
  { account, since }: { account: string; since: IsoTimestamp },
  db: Kysely<Database> = getDb().db,
): Promise<{ count: number; oldest: IsoTimestamp | null }> {
  const row = await failuresDb(db)
    .selectFrom('sign_in_failures')
    .select((eb) => [eb.fn.countAll<number | string>().as('count'), eb.fn.min('failed_at').as('oldest')])
    .where('account', '=', account)
    .where('failed_at', '>=', since)
    .executeTakeFirst();
  return { count: Number(row?.count ?? 0), oldest: (row?.oldest as IsoTimestamp | null | undefined) ?? null };
}

/** Forgets `account`'s failures (after it signs in with the right password). */
export async function deleteSignInFailuresByAccount({ account }: { account: string }, db: Kysely<Database> = getDb().db): Promise<void> {
  await failuresDb(db).deleteFrom('sign_in_failures').where('account', '=', account).execute();
}
