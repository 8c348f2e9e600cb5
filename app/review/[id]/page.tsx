import type { Metadata } from 'next';
import { ReviewComposition, reviewTitle } from '@/components/review/review-composition';
import { requirePageUser } from '@/lib/auth/guard';

export const dynamic = 'force-dynamic';

/** The title of a review page: the review's name. */
export async function generateMetadata({ params }: { params: Promise<{ id: string }> }): Promise<Metadata> {
  return { title: await reviewTitle((await params).id) };
}

/** A review by id, composed like the home page (the bundled review also shows its deployed stack); unknown ids are a 404. */
export default async function ReviewPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ packs?: string | string[] }>;
}) {
  const user = await requirePageUser('viewer');
  return <ReviewComposition id={(await params).id} user={user} packs={(await searchParams).packs} />;
}
