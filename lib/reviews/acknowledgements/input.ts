import { z } from 'zod';

const id = z
  .string()
  .trim()
  .min(1)
  .max(300)
  .regex(/^[^\s]+$/, 'must not contain spaces');

/**
 * A new acknowledgement as the API accepts it: a rule id and a resource logical id, each `*` for any (not both),
 * a required non-blank reason, and an optional expiry (ISO date-time in the future, checked by the store).
 */
export const acknowledgementInputSchema = z
  .object({
    rule: id.default('*'),
    resource: id.default('*'),
    reason: z.string().trim().min(1, 'a reason is required').max(2000),
    expiresAt: z.iso.datetime({ offset: true }).optional(),
  })
  .strict()
  .refine((a) => a.rule !== '*' || a.resource !== '*', {
    message: 'name a rule, a resource, or both: `*` for both would acknowledge every finding',
    path: ['rule'],
  });

/** A parsed new acknowledgement. */
export type AcknowledgementInput = z.infer<typeof acknowledgementInputSchema>;

/** An acknowledgement as served: camelCase, with the author's label and whether it has expired at serving time. */
export interface ReviewAcknowledgement {
  id: string;
  reviewId: string;
  rule: string;
  resource: string;
  reason: string;
  author: string;
  authorId: string | null;
  createdAt: string;
  expiresAt: string | null;
  expired: boolean;
}
