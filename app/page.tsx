import type { Metadata } from 'next';
import { ReviewComposition, reviewTitle } from '@/components/review/review-composition';
import { requirePageUser } from '@/lib/auth/guard';
import { BUNDLED_REVIEW_ID } from '@/lib/pipeline/bundled';

export const dynamic = 'force-dynamic';

/** The title of the home page: the bundled review's name. */
export async function generateMetadata(): Promise<Metadata> {
  return { title: await reviewTitle(BUNDLED_REVIEW_ID) };
}

/** Home: the bundled review (model output in infra/model/ against the infra/ reference), composed like every review, plus its deployed stack. */
export default async function HomePage({ searchParams }: { searchParams: Promise<{ packs?: string | string[] }> }) {
  const user = await requirePageUser('viewer');
  return <ReviewComposition id={BUNDLED_REVIEW_ID} user={user} packs={(await searchParams).packs} />;
}
