import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { SessionLive } from '@/components/session/session-live';
import { getSessionView } from '@/lib/audit/session-view';
import { getSessionName } from '@/lib/audit/sessions';
import { getDb } from '@/lib/db/connection';
import { requirePageUser } from '@/lib/auth/guard';
import { AppError } from '@/lib/errors';

export const dynamic = 'force-dynamic';

/** The session's name as the tab's title. */
export async function generateMetadata({ params }: { params: Promise<{ id: string }> }): Promise<Metadata> {
  await requirePageUser('viewer');
  const name = await getSessionName({ sessionId: (await params).id }, getDb().db);
  return { title: name ? `${name} · audit session` : 'Audit session not found' };
}

/** An audit session: the pinned findings with everybody's verdicts and comments, kept live by SessionLive. */
export default async function SessionPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePageUser('viewer');
  const { id } = await params;
  const view = await getSessionView({ sessionId: id, user }).catch((error: unknown) => {
    if (error instanceof AppError && error.status === 404) notFound();
    throw error;
  });
  return <SessionLive initial={view} />;
}
