'use client';

import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import { ui } from '@/components/admin/styles';
import { sendReviewRequest } from './review-api';

/** Rename and delete for a stored review (reviewer+): rename in place, delete after a confirmation, then back to the list. */
export function ReviewActions({ reviewId, name }: { reviewId: string; name: string }) {
  const router = useRouter();
  const [mode, setMode] = useState<'idle' | 'renaming' | 'confirm-delete'>('idle');
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const url = `/api/reviews/${encodeURIComponent(reviewId)}`;

  async function rename(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setPending(true);
    const result = await sendReviewRequest('PATCH', url, { name: String(new FormData(event.currentTarget).get('name') ?? '') });
    setPending(false);
    if (!result.ok) return setError(result.fields.name ?? result.message);
    setError(null);
    setMode('idle');
    router.refresh();
  }

  async function remove() {
    setPending(true);
    const result = await sendReviewRequest('DELETE', url);
    setPending(false);
    if (!result.ok) return setError(result.message);
    router.push('/reviews');
  }

  const errorId = `review-actions-error-${reviewId}`;
  return (
    <div data-testid="review-actions" className="flex flex-wrap items-center justify-end gap-2 text-sm">
      {mode === 'renaming' ? (
        <form onSubmit={rename} className="flex flex-wrap items-center gap-2" data-testid="review-rename-form">
          <label htmlFor="review-rename-name" className="sr-only">
            Review name
          </label>
          <input
            id="review-rename-name"
            name="name"
            defaultValue={name}
            maxLength={200}
            autoFocus
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? errorId : undefined}
            className="w-72 rounded-md border border-slate-300 px-2 py-1 text-sm"
            data-testid="review-rename-name"
          />
          <button type="submit" disabled={pending} className={ui.button} data-testid="review-rename-save">
            Save name
          </button>
          <button type="button" onClick={() => (setMode('idle'), setError(null))} className={ui.secondary}>
            Cancel
          </button>
        </form>
      ) : mode === 'confirm-delete' ? (
        <div role="group" aria-label="Confirm deletion" className="flex flex-wrap items-center gap-2">
          <span className="text-slate-700">Delete “{name}” and its acknowledgements?</span>
          <button
            type="button"
            disabled={pending}
            onClick={remove}
            className={`${ui.button} bg-red-700 hover:bg-red-800`}
            data-testid="review-delete-confirm"
          >
            Delete review
          </button>
          <button type="button" onClick={() => (setMode('idle'), setError(null))} className={ui.secondary}>
            Keep it
          </button>
        </div>
      ) : (
        <>
          <button type="button" onClick={() => setMode('renaming')} className={ui.secondary} data-testid="review-rename">
            Rename
          </button>
          <button type="button" onClick={() => setMode('confirm-delete')} className={ui.secondary} data-testid="review-delete">
            Delete
          </button>
        </>
      )}
      {error && (
        <p id={errorId} role="alert" className={`${ui.error} basis-full`} data-testid="review-actions-error">
          {error}
        </p>
      )}
    </div>
  );
}
