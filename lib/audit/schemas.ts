import { z } from 'zod';
import { CATEGORIES, SEVERITIES } from '../rules/types';
import { VERDICT_VALUES } from '../db/schema';

// Request bodies of the session API; unknown fields are refused so that typos do not pass silently.

/** `POST /api/reviews/{id}/sessions`. */
export const newSessionBody = z.strictObject({
  name: z.string().trim().min(1).max(120),
  requiredSignoffs: z.number().int().min(1).max(10).optional(),
});

/** `PUT /api/sessions/{sid}/findings/{key}/verdict`. */
export const verdictBody = z.strictObject({
  verdict: z.enum(VERDICT_VALUES),
  reason: z
    .string()
    .trim()
    .max(2000)
    .nullish()
    .transform((reason) => reason || null),
});

/** `PUT /api/sessions/{sid}/verdicts`: one verdict on many findings (a rule's, a category's), all or nothing. */
export const bulkVerdictBody = z.strictObject({
  keys: z
    .array(z.string().min(1).max(200))
    .min(1)
    .max(2000)
    .transform((keys) => [...new Set(keys)]),
  verdict: verdictBody.shape.verdict,
  reason: verdictBody.shape.reason,
});

/** `POST /api/sessions/{sid}/line-comments`: markdown on a line of a file of the session's review. */
export const lineCommentBody = z.strictObject({
  side: z.enum(['model', 'reference']),
  file: z.string().trim().min(1).max(1000),
  line: z.number().int().min(1).max(1_000_000),
  body: z.string().trim().min(1).max(10_000),
});

/** `POST /api/sessions/{sid}/findings/{key}/comments`: markdown, stored as written. */
export const commentBody = z.strictObject({
  body: z.string().trim().min(1).max(10_000),
});

/** `POST /api/sessions/{sid}/manual-findings`. */
export const manualFindingBody = z.strictObject({
  category: z.enum(CATEGORIES),
  severity: z.enum(SEVERITIES),
  title: z.string().trim().min(1, 'Give the finding a title (not only spaces)').max(200),
  problem: z.string().trim().min(1, 'Say what the problem is').max(5000),
  impact: z.string().trim().min(1, 'Say what the impact is').max(5000),
  fix: z.string().trim().min(1, 'Say how the reference fixes it').max(5000),
  resources: z.array(z.string().trim().min(1).max(256)).max(100).default([]),
});

/** `POST /api/sessions/{sid}/signoffs`: an empty object or no body. */
export const signoffBody = z.strictObject({}).optional();

/** `GET /api/sessions/{sid}/export?format=`. */
export const exportQuery = z.object({ format: z.enum(['md', 'json']).default('md') });
