import type { InlineFile } from '../pipeline/types';

/** One side of a stored review: its files as text, or the `infra/` reference synthesized by the app. */
export type StoredArtifact = { files: InlineFile[]; note?: string; synthesize?: 'ts' | 'py' } | { infra: true };

/** Statuses of a stored review. */
export const REVIEW_STATUSES = ['pending', 'analyzed', 'partial', 'unsupported', 'failed'] as const;

/** `pending` stored, not analyzed yet; `analyzed`; `partial` source rules only; `unsupported` platform; `failed` an artifact did not load. */
export type StoredReviewStatus = (typeof REVIEW_STATUSES)[number];

/** A review ready to store: what was found in the input, before any analysis. */
export interface ReviewPlan {
  kind: 'templates' | 'markdown' | 'task';
  name: string;
  platform: string;
  language: string;
  status: StoredReviewStatus;
  statusNote: string | null;
  reference: StoredArtifact;
  model: StoredArtifact;
  prompt: string | null;
  modelFailures: string | null;
  metadata: Record<string, unknown>;
}

/** What the reviews list sorts by: creation time, name, open model findings, coverage against the human review. */
export const REVIEW_SORTS = ['created', 'name', 'findings', 'coverage'] as const;
/** A sort key of the reviews list. */
export type ReviewSort = (typeof REVIEW_SORTS)[number];

/** Page sizes the reviews page offers; the first is the default. */
export const REVIEW_PAGE_SIZES = [25, 50, 100, 200] as const;
