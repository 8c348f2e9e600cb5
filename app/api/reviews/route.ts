import { handle } from '@/lib/api/handler';
import { listReviews } from '@/lib/review/registry';

export const dynamic = 'force-dynamic';

/** Lists reviews with their artifact states and totals. */
export const GET = handle(async () => Response.json({ reviews: await listReviews() }));
