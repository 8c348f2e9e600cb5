import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { SessionLive } from '@/components/session/session-live';
import { getSessionView } from '@/lib/audit/session-view';
import { getCurrentUser, requirePageUser } from '@/lib/auth/guard';
import { AppError } from '@/lib/errors';

export const dynamic = 'force-dynamic';

/** The page's title: the session's name (never throws: the page itself answers 404 for an unknown session). */
export async function generateMetadata({ params }: { params: Promise<{ id: string }> }): Promise<Metadata> {
  const user = await getCurrentUser();
  const view = user && (await getSessionView({ sessionId: (await params).id, user }).catch(() => null));
  return { title: view ? `${view.session.name} · audit session` : 'Audit session not found' };
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
