import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { SourcePage } from '@/components/source/source-page';
import { requirePageUser } from '@/lib/auth/guard';
import { AppError } from '@/lib/errors';
import { getSourceView } from '@/lib/source/source-view';

export const dynamic = 'force-dynamic';

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

/** The file's path (or the side) and the review, as the tab's title. */
export async function generateMetadata({ params, searchParams }: Props): Promise<Metadata> {
  const [{ id }, query] = await Promise.all([params, searchParams]);
  const file = typeof query.file === 'string' ? query.file : `${query.side === 'reference' ? 'reference' : 'model'} files`;
  return { title: `${file} · ${id} · source` };
}

/** `/review/<id>/source?side=&file=[&session=]#L<n>`: a file of a review by line; unknown review, file or session is a 404. */
export default async function ReviewSourcePage({ params, searchParams }: Props) {
  const user = await requirePageUser('viewer');
  const [{ id }, query] = await Promise.all([params, searchParams]);
  const view = await getSourceView({ reviewId: id, query, user }).catch((error: unknown) => {
    if (error instanceof AppError && error.status === 404) notFound();
    throw error;
  });
  return <SourcePage view={view} />;
}
