import { z } from 'zod';
import { inputLimits } from '../limits/limits';
import { CATEGORIES, SEVERITIES } from '../rules/types';
import { REVIEW_PAGE_SIZES, REVIEW_SORTS, REVIEW_STATUSES } from './plan-types';

/** Largest text of one file of a new review (`INFRA_REVIEW_MAX_FILE_BYTES`; larger is a 422 naming the limit). */
export const MAX_FILE_BYTES = inputLimits().fileBytes;
/** Largest request body of POST /api/reviews (`INFRA_REVIEW_MAX_BODY_BYTES`). */
export const MAX_CREATE_BODY_BYTES = inputLimits().bodyBytes;
/** Most files in one task. */
export const MAX_TASK_FILES = 200;

// Control characters (NUL above all) and U+FFFD (what invalid UTF-8 decodes to) have no place in a file name; they
// would be stored, shown and written to scratch folders as they are.
const UNPRINTABLE = /[\u0000-\u001f\u007f\ufffd]/;

/** Whether a name or path is free of control characters, NUL and U+FFFD (the trace of invalid UTF-8). */
export function isPrintable(text: string): boolean {
  return !UNPRINTABLE.test(text);
}

/** What a refusal of isPrintable says. */
export const UNPRINTABLE_MESSAGE = 'has a control character, a NUL byte or invalid UTF-8';

const pathSchema = z
  .string()
  .min(1, 'is empty')
  .max(300)
  .refine(isPrintable, UNPRINTABLE_MESSAGE)
  .refine((p) => !/^([\\/]|[a-zA-Z]:|~)/.test(p), 'is absolute: give the path relative to the task folder')
  .refine((p) => !p.split(/[\\/]/).includes('..'), 'leaves the task folder (".." in the path)');

// A NUL character never occurs in markdown, templates or code: the browser read a binary file (an image, an archive) as text.
// The size is checked after validation (lib/limits), as a 422 that names the limit.
const textSchema = z
  .string()
  .refine((text) => !text.includes('\u0000'), 'is a binary file, not text: give markdown, a template (.json, .yaml) or code');

/** One file of a new review: its path (relative, as in the task folder) and its text. */
export const reviewFileSchema = z.strictObject({ path: pathSchema, text: textSchema });

/** A file that must say something: a template or a markdown answer given on its own. */
const nonEmptyFile = reviewFileSchema.extend({ text: textSchema.refine((text) => text.trim() !== '', 'is empty') });

const name = z.string().trim().min(1).max(200).refine(isPrintable, UNPRINTABLE_MESSAGE).optional();
const templatePath = pathSchema.refine((p) => /\.(json|ya?ml)$/i.test(p), 'a template file (.json, .yaml or .yml)');

/** The body of POST /api/reviews: a pair of templates, a markdown answer (against a template or the infra/ reference), or a task folder's files. */
export const createReviewSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('templates'),
    name,
    reference: nonEmptyFile.extend({ path: templatePath }),
    model: nonEmptyFile.extend({ path: templatePath }),
  }),
  z.strictObject({
    kind: z.literal('markdown'),
    name,
    model: nonEmptyFile.extend({ path: pathSchema.refine((p) => /\.md$/i.test(p), 'a markdown file (.md)') }),
    /** A template to review against; absent, the `infra/` reference. */
    reference: nonEmptyFile.extend({ path: templatePath }).optional(),
  }),
  z.strictObject({
    kind: z.literal('task'),
    name,
    files: z
      .array(reviewFileSchema)
      .min(1, 'no files: the folder is empty or holds none of a task’s files (PROMPT.md, MODEL_RESPONSE.md, lib/…)')
      .max(MAX_TASK_FILES, `more than ${MAX_TASK_FILES} files: upload the task folder, not a folder of tasks or node_modules`),
  }),
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
