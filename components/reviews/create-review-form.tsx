'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import { ui } from '@/components/admin/styles';
import { readUploads } from './task-files';

type Kind = 'task' | 'templates' | 'markdown';
type Created = {
  id: string;
  name: string;
  status: string;
  statusNote: string | null;
  totals: { model: number; reference: number };
  counts: Record<string, number>;
};
type State = { status: 'idle' } | { status: 'sending' } | { status: 'error'; message: string } | { status: 'ok'; review: Created };

/** The body of POST /api/reviews from the form's fields: uploaded task files, or pasted (or uploaded) texts. */
async function bodyOf(kind: Kind, form: HTMLFormElement): Promise<unknown> {
  const data = new FormData(form);
  const name = String(data.get('name') ?? '').trim() || undefined;
  if (kind === 'task') {
    const files = [
      ...(await readUploads((form.elements.namedItem('files') as HTMLInputElement).files)),
      ...(await readUploads((form.elements.namedItem('folder') as HTMLInputElement).files)),
    ];
    return { kind, name, files };
  }
  const side = async (prefix: 'reference' | 'model') => {
    const upload = (await readUploads((form.elements.namedItem(`${prefix}File`) as HTMLInputElement).files))[0];
    const text = String(data.get(`${prefix}Text`) ?? '');
    const path = String(data.get(`${prefix}Path`) ?? '').trim();
    return upload ?? (text.trim() ? { path, text } : undefined);
  };
  const [reference, model] = [await side('reference'), await side('model')];
  return { kind, name, model, ...(reference ? { reference } : {}) };
}

/** Creates a review from a task folder's files, two templates or a markdown answer, and links to it once analyzed. */
export function CreateReviewForm() {
  const router = useRouter();
  const [kind, setKind] = useState<Kind>('task');
  const [state, setState] = useState<State>({ status: 'idle' });

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setState({ status: 'sending' });
    try {
      const response = await fetch('/api/reviews', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(await bodyOf(kind, event.currentTarget)),
      });
      const body = await response.json().catch(() => ({}));
      if (!response.ok) {
        const details = Array.isArray(body?.error?.details)
          ? `: ${body.error.details.map((d: { path?: unknown[]; message?: string }) => `${(d.path ?? []).join('.')} ${d.message ?? ''}`.trim()).join('; ')}`
          : '';
        return setState({ status: 'error', message: `${body?.error?.message ?? `HTTP ${response.status}`}${details}` });
      }
      setState({ status: 'ok', review: body.review });
      router.refresh();
    } catch (error) {
      setState({ status: 'error', message: error instanceof Error ? error.message : String(error) });
    }
  }

  const pasted = (prefix: 'reference' | 'model', label: string, path: string) => (
    <fieldset className="space-y-1">
      <legend className={ui.label}>{label}</legend>
      <div className="flex gap-2">
        <input
          name={`${prefix}Path`}
          defaultValue={path}
          aria-label={`${label} file name`}
          className={`${ui.input} w-48`}
          data-testid={`review-create-${prefix}-path`}
        />
        <input
          name={`${prefix}File`}
          type="file"
          aria-label={`${label} file`}
          className="text-xs"
          data-testid={`review-create-${prefix}-file`}
        />
      </div>
      <textarea
        name={`${prefix}Text`}
        rows={6}
        placeholder="…or paste it here"
        className={`${ui.input} font-mono`}
        data-testid={`review-create-${prefix}-text`}
      />
    </fieldset>
  );

  return (
    <div className="space-y-3">
      <form onSubmit={submit} data-testid="review-create-form" className="space-y-3 rounded-lg bg-white p-4 ring-1 ring-slate-200">
        <div className="flex flex-wrap items-end gap-3">
          <label className={ui.label}>
            Input
            <select value={kind} onChange={(e) => setKind(e.target.value as Kind)} className={ui.input} data-testid="review-create-kind">
              <option value="task">Task folder (PROMPT.md, MODEL_RESPONSE.md, IDEAL_RESPONSE.md, lib/…)</option>
              <option value="templates">Two CloudFormation templates</option>
              <option value="markdown">A markdown answer</option>
            </select>
          </label>
          <label className={ui.label}>
            Name (optional)
            <input name="name" maxLength={200} className={ui.input} data-testid="review-create-name" />
          </label>
        </div>
        {kind === 'task' ? (
          <div className="flex flex-wrap gap-6 text-xs text-slate-600">
            <label>
              Files of a task
              <input name="files" type="file" multiple className="mt-1 block" data-testid="review-create-files" />
            </label>
            <label>
              …or the whole folder
              {/* @ts-expect-error webkitdirectory is not in React's input attributes */}
              <input name="folder" type="file" multiple webkitdirectory="" className="mt-1 block" data-testid="review-create-folder" />
            </label>
          </div>
        ) : (
          <div className="grid gap-3 md:grid-cols-2">
            {pasted(
              'reference',
              kind === 'markdown' ? 'Reference template (empty: the infra/ reference)' : 'Reference template',
              'reference.yaml',
            )}
            {pasted(
              'model',
              kind === 'markdown' ? 'Model answer (markdown)' : 'Model template',
              kind === 'markdown' ? 'MODEL_RESPONSE.md' : 'model.yaml',
            )}
          </div>
        )}
        <button type="submit" disabled={state.status === 'sending'} className={ui.button} data-testid="review-create-submit">
          {state.status === 'sending' ? 'Importing and analyzing…' : 'Create review'}
        </button>
      </form>
      {state.status === 'error' && (
        <p role="alert" className={ui.error} data-testid="review-create-error">
          {state.message}
        </p>
      )}
      {state.status === 'ok' && (
        <div role="status" className={ui.success} data-testid="review-create-result" data-review-id={state.review.id}>
          Imported “{state.review.name}” ({state.review.status}
          {state.review.statusNote ? `: ${state.review.statusNote}` : ''}):{' '}
          <span data-testid="review-create-model-total">{state.review.totals.model}</span> open model findings,{' '}
          {state.review.totals.reference} on the reference.{' '}
          <Link href={`/review/${state.review.id}`} className="font-medium underline" data-testid="review-create-open">
            Open the review
          </Link>
        </div>
      )}
    </div>
  );
}
