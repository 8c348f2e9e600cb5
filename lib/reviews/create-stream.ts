import { toAppError } from '../errors';
import type { CreateReviewInput } from './input';
import { createReview, planWithinLimits, type CreatePhase } from './create';

/** The media type of a streamed creation: one JSON object per line. */
export const CREATE_PROGRESS_TYPE = 'application/x-ndjson';

/** One line of a streamed creation: a phase, then `done` with the review's summary, or `error` with a message safe to show. */
export type CreateProgressLine =
  | CreatePhase
  | { phase: 'done'; review: Awaited<ReturnType<typeof createReview>> }
  | { phase: 'error'; error: { code: string; message: string } };

/**
 * Creates a review and streams its progress as NDJSON lines (stored, synthesizing or parsing, analyzing, done); input
 * over the limits throws before the stream starts (a plain 422), and a failure after it started is an `error` line (the
 * review is not kept, as without streaming).
 */
export function createReviewStream({ input, createdBy }: { input: CreateReviewInput; createdBy: string }): Response {
  planWithinLimits(input);
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    async start(controller) {
      const send = (line: CreateProgressLine) => controller.enqueue(encoder.encode(`${JSON.stringify(line)}\n`));
      try {
        send({ phase: 'done', review: await createReview({ input, createdBy, onPhase: send }) });
      } catch (error) {
        const appError = toAppError(error);
        if (appError.status >= 500) console.error(error);
        send({ phase: 'error', error: { code: appError.code, message: appError.message } });
      }
      controller.close();
    },
  });
  return new Response(body, { status: 201, headers: { 'content-type': CREATE_PROGRESS_TYPE, 'cache-control': 'no-store' } });
}
