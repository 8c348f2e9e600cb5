import { z } from 'zod';
import { CATEGORIES, SEVERITIES } from '../rules/types';
import { REVIEW_PAGE_SIZES, REVIEW_SORTS, REVIEW_STATUSES } from './plan-types';

/** Largest text of one file of a new review. */
export const MAX_FILE_BYTES = 2 * 1024 * 1024;
/** Largest request body of POST /api/reviews. */
export const MAX_CREATE_BODY_BYTES = 8 * 1024 * 1024;
/** Most files in one task. */
export const MAX_TASK_FILES = 200;

const pathSchema = z
  .string()
  .min(1)
  .max(300)
  .refine((p) => !p.split(/[\\/]/).includes('..') && !p.startsWith('/'), 'a relative path without ".."');

/** One file of a new review: its path (relative, as in the task folder) and its text. */
export const reviewFileSchema = z.strictObject({ path: pathSchema, text: z.string().max(MAX_FILE_BYTES) });

const name = z.string().trim().min(1).max(200).optional();
const templatePath = pathSchema.refine((p) => /\.(json|ya?ml)$/i.test(p), 'a template file (.json, .yaml or .yml)');

/** The body of POST /api/reviews: a pair of templates, a markdown answer (against a template or the infra/ reference), or a task folder's files. */
export const createReviewSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('templates'),
    name,
    reference: reviewFileSchema.extend({ path: templatePath }),
    model: reviewFileSchema.extend({ path: templatePath }),
  }),
  z.strictObject({
    kind: z.literal('markdown'),
    name,
    model: reviewFileSchema.extend({ path: pathSchema.refine((p) => /\.md$/i.test(p), 'a markdown file (.md)') }),
    /** A template to review against; absent, the `infra/` reference. */
    reference: reviewFileSchema.extend({ path: templatePath }).optional(),
  }),
  z.strictObject({ kind: z.literal('task'), name, files: z.array(reviewFileSchema).min(1).max(MAX_TASK_FILES) }),
]);

/** A validated request to create a review. */
export type CreateReviewInput = z.output<typeof createReviewSchema>;

/** A file of a new review. */
export type ReviewFile = z.output<typeof reviewFileSchema>;

const listFilters = {
  platform: z.string().trim().min(1).max(40).optional(),
  language: z.string().trim().min(1).max(40).optional(),
  status: z.enum(REVIEW_STATUSES).optional(),
  kind: z.enum(['bundled', 'templates', 'markdown', 'task']).optional(),
  category: z.enum(CATEGORIES).optional(),
  severity: z.enum(SEVERITIES).optional(),
  sort: z.enum(REVIEW_SORTS).optional(),
  order: z.enum(['asc', 'desc']).optional(),
};

/** Query of GET /api/reviews: each filter narrows the list; `category`/`severity` keep reviews with open model findings there; `sort`/`order` order it. */
export const reviewListQuerySchema = z.strictObject({
  ...listFilters,
  limit: z.coerce.number().int().min(1).max(1000).optional(),
  offset: z.coerce.number().int().min(0).optional(),
});

/** A validated review list query. */
export type ReviewListQuery = z.output<typeof reviewListQuerySchema>;

/** Query of the /reviews page: the list's filters and sort, and the page (from 1) and page size instead of limit/offset. */
export const reviewListPageQuerySchema = z.strictObject({
  ...listFilters,
  page: z.coerce.number().int().min(1).optional(),
  size: z.coerce
    .number()
    .int()
    .refine((n) => (REVIEW_PAGE_SIZES as readonly number[]).includes(n), `one of ${REVIEW_PAGE_SIZES.join(', ')}`)
    .optional(),
});

/** A validated /reviews page query. */
export type ReviewListPageQuery = z.output<typeof reviewListPageQuerySchema>;
