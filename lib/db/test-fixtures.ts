import type { Kysely } from 'kysely';
import type { Database, AuditSession } from './schema';
import { createSession } from './queries/sessions';
import type { UserActor } from './queries/shared';

/** A signed-in user acting in tests. */
export function user(name: string): UserActor {
  return { id: `user-${name}`, label: `${name}@example.test` };
}

/** An open session on a review, created by alice unless said otherwise. */
export function openTestSession(
  db: Kysely<Database>,
  overrides: { requiredSignoffs?: number; actor?: UserActor } = {},
): Promise<AuditSession> {
  return createSession(
    {
      reviewId: 'bundled',
      name: 'Audit of the bundled review',
      referenceHash: 'sha256:reference',
      modelHash: 'sha256:model',
      requiredSignoffs: overrides.requiredSignoffs,
      actor: overrides.actor ?? user('alice'),
    },
    db,
  );
}

/** How many rows a table holds. */
export async function countRows(db: Kysely<Database>, table: keyof Database): Promise<number> {
  const row = await db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<string | number>().as('count'))
    .executeTakeFirstOrThrow();
  return Number(row.count);
}
