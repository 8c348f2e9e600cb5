import type { Kysely } from 'kysely';
import { getSessionById, sessionNotFound } from '../db/queries/sessions';
import type { AuditSession, Database } from '../db/schema';
import type { SessionInfo, UserRef } from './types';

/** The session, or `not_found:session`. */
export async function requireSession({ sessionId }: { sessionId: string }, db: Kysely<Database>): Promise<AuditSession> {
  const session = await getSessionById({ id: sessionId }, db);
  if (!session) throw sessionNotFound(sessionId);
  return session;
}

/** The session's name, for a page title; undefined for an unknown session (the page itself answers 404). */
export async function getSessionName({ sessionId }: { sessionId: string }, db: Kysely<Database>): Promise<string | undefined> {
  return (await getSessionById({ id: sessionId }, db))?.name;
}

/** A stored session as the API shows it. */
export function toSessionInfo(session: AuditSession, createdBy: UserRef): SessionInfo {
  return {
    id: session.id,
    reviewId: session.review_id,
    name: session.name,
    status: session.status,
    requiredSignoffs: Number(session.required_signoffs),
    createdBy,
    createdAt: session.created_at,
    closedAt: session.closed_at,
    referenceHash: session.reference_hash,
    modelHash: session.model_hash,
  };
}
