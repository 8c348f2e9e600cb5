'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import { ui } from '@/components/admin/styles';
import { CreateProgress, type CreateStep } from './create-progress';
import { createReviewWithProgress } from './review-api';
import { readUploads, unreadableReason, type UploadFile } from './task-files';

// webkitdirectory (pick a whole folder) is not in React's input attributes.
const FOLDER_PICKER = { webkitdirectory: '' } as Record<string, string>;

type Kind = 'task' | 'templates' | 'markdown';
type Field = 'files' | 'reference' | 'model' | 'name' | 'form';
type Created = {
  id: string;
  name: string;
  status: string;
  statusNote: string | null;
  totals: { model: number; reference: number };
};
type State =
  | { status: 'idle' }
  | { status: 'sending'; step: CreateStep }
  | { status: 'error'; field: Field; message: string }
  | { status: 'ok'; review: Created; phases: string[] };

/** The body of POST /api/reviews from the form's fields, or the field and plain reason it cannot be sent. */
async function bodyOf(kind: Kind, form: HTMLFormElement): Promise<{ body: unknown } | { field: Field; message: string }> {
  const data = new FormData(form);
  const name = String(data.get('name') ?? '').trim() || undefined;
  const input = (key: string) => (form.elements.namedItem(key) as HTMLInputElement).files;
  if (kind === 'task') {
    const files = [...(await readUploads(input('files'))), ...(await readUploads(input('folder'), { folder: true }))];
    if (files.length === 0)
      return {
        field: 'files',
        message: 'No task files: choose a task folder (or its files) with PROMPT.md, MODEL_RESPONSE.md and the reference.',
      };
    const unreadable = files.map((f) => unreadableReason(f)).find(Boolean);
    return unreadable ? { field: 'files', message: unreadable } : { body: { kind, name, files } };
  }
  const side = async (prefix: 'reference' | 'model'): Promise<UploadFile | undefined> => {
    const upload = (await readUploads(input(`${prefix}File`)))[0];
    const text = String(data.get(`${prefix}Text`) ?? '');
    return upload ?? (text.trim() ? { path: String(data.get(`${prefix}Path`) ?? '').trim(), text } : undefined);
  };
  const [reference, model] = [await side('reference'), await side('model')];
  if (!model) return { field: 'model', message: `No model ${kind === 'markdown' ? 'answer' : 'template'}: choose a file or paste it.` };
  if (!reference && kind === 'templates') return { field: 'reference', message: 'No reference template: choose a file or paste it.' };
  for (const [field, file] of [
    ['model', model],
    ['reference', reference],
  ] as const) {
    const reason = file && unreadableReason(file, true);
    if (reason) return { field, message: reason };
  }
  return { body: { kind, name, model, ...(reference ? { reference } : {}) } };
}

/** Creates a review from a task folder's files, two templates or a markdown answer, shows each step of the work, and links to it once analyzed. */
export function CreateReviewForm() {
  const router = useRouter();
  const [kind, setKind] = useState<Kind>('task');
  const [state, setState] = useState<State>({ status: 'idle' });

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setState({ status: 'sending', step: 'sending' });
    const prepared = await bodyOf(kind, event.currentTarget);
    if ('field' in prepared) return setState({ status: 'error', ...prepared });
    // Phases can arrive in one chunk and render as one update: the list keeps every phase the server reported.
    const phases: string[] = [];
    const result = await createReviewWithProgress(prepared.body, (step) => {
      phases.push(step);
      setState({ status: 'sending', step: step as CreateStep });
    });
    if (!result.ok) {
      const field = (['name', 'files', 'reference', 'model'] as const).find((f) => result.fields[f]) ?? 'form';
      return setState({ status: 'error', field, message: result.message });
    }
    setState({ status: 'ok', review: (result.body as { review: Created }).review, phases });
    router.refresh();
  }

  const error = state.status === 'error' ? state : null;
  // A field error is tied to its inputs (aria-invalid, aria-describedby) so a screen reader reads it with the field.
  const described = (field: Field) =>
    error?.field === field ? { 'aria-invalid': true as const, 'aria-describedby': 'review-create-error' } : {};

  const pasted = (prefix: 'reference' | 'model', label: string, path: string) => (
    <fieldset className="space-y-1">
      <legend className={ui.label}>{label}</legend>
      <div className="flex flex-wrap gap-2">
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
          {...described(prefix)}
        />
      </div>
      <textarea
        name={`${prefix}Text`}
        rows={6}
        aria-label={`${label} text`}
        placeholder="…or paste it here"
        className={`${ui.input} font-mono`}
        data-testid={`review-create-${prefix}-text`}
        {...described(prefix)}
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
            Name (optional: else the prompt’s first heading)
            <input name="name" maxLength={200} className={ui.input} data-testid="review-create-name" {...described('name')} />
          </label>
        </div>
        {kind === 'task' ? (
          <div className="flex flex-wrap gap-6 text-xs text-slate-600">
            <label>
              Files of a task
              <input name="files" type="file" multiple className="mt-1 block" data-testid="review-create-files" {...described('files')} />
            </label>
            <label>
              …or the whole folder
              <input
                name="folder"
                type="file"
                multiple
                {...FOLDER_PICKER}
                className="mt-1 block"
                data-testid="review-create-folder"
                {...described('files')}
              />
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
        <div className="flex flex-wrap items-center gap-3">
          <button type="submit" disabled={state.status === 'sending'} className={ui.button} data-testid="review-create-submit">
            {state.status === 'sending' ? 'Creating…' : 'Create review'}
          </button>
          {state.status === 'sending' && <CreateProgress step={state.step} />}
        </div>
      </form>
      {error && (
        <p id="review-create-error" role="alert" className={ui.error} data-testid="review-create-error" data-field={error.field}>
          {error.message}
        </p>
      )}
      {state.status === 'ok' && (
        <div
          role="status"
          className={ui.success}
          data-testid="review-create-result"
          data-review-id={state.review.id}
          data-phases={state.phases.join(' ')}
        >
          Imported “<span data-testid="review-create-name-result">{state.review.name}</span>” ({state.review.status}
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
