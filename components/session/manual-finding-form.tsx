'use client';

import { useState, type FormEvent } from 'react';
import { CATEGORY_HEADINGS } from '@/lib/report/category-headings';
import { CATEGORIES, SEVERITIES } from '@/lib/rules/types';
import { sendJson, sessionUrl } from './session-api';

const FIELD =
  'block w-full rounded-md px-2 py-1.5 text-sm ring-1 ring-slate-300 placeholder:text-slate-400 focus:outline-none focus:ring-slate-500';
const LABEL = 'space-y-1 text-xs font-medium text-slate-600';

/** "Add a finding the rules missed": category, severity, title, problem, impact, fix and comma-separated resources. */
export function ManualFindingForm({ sessionId }: { sessionId: string }) {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [fields, setFields] = useState<Record<string, string>>({});
  // Each field names its own error (aria-invalid, aria-describedby), as the other forms do.
  const errorOf = (name: string) => ({
    invalid: fields[name] ? true : undefined,
    describedBy: fields[name] ? `manual-${name}-error` : undefined,
    message: fields[name],
  });

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    const text = (name: string) => String(data.get(name) ?? '').trim();
    const resources = text('resources')
      .split(',')
      .map((r) => r.trim())
      .filter(Boolean);
    setPending(true);
    setError(null);
    setFields({});
    const result = await sendJson('POST', sessionUrl(sessionId, 'manual-findings'), {
      category: text('category'),
      severity: text('severity'),
      title: text('title'),
      problem: text('problem'),
      impact: text('impact'),
      fix: text('fix'),
      resources,
    });
    setPending(false);
    if (result.ok) return form.reset();
    setError(result.message);
    setFields(result.fields ?? {});
  }

  return (
    <details data-testid="manual-finding-panel" className="group rounded-lg bg-white ring-1 ring-slate-200">
      <summary className="cursor-pointer px-3 py-2 text-sm font-medium text-slate-800 hover:bg-slate-50">
        <span aria-hidden className="mr-1 inline-block text-slate-400 transition-transform group-open:rotate-90">
          ›
        </span>
        Add a finding the rules missed
      </summary>
      <form data-testid="manual-finding-form" onSubmit={submit} className="grid gap-3 border-t border-slate-200 p-3 sm:grid-cols-2">
        <label className={LABEL}>
          Category
          <select name="category" data-testid="manual-category" required className={FIELD}>
            {CATEGORIES.map((c) => (
              <option key={c} value={c}>
                {CATEGORY_HEADINGS[c].heading}
              </option>
            ))}
          </select>
        </label>
        <label className={LABEL}>
          Severity
          <select name="severity" data-testid="manual-severity" required className={FIELD}>
            {SEVERITIES.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </select>
        </label>
        <label className={`${LABEL} sm:col-span-2`}>
          Title
          <input
            name="title"
            data-testid="manual-title"
            required
            maxLength={200}
            aria-invalid={errorOf('title').invalid}
            aria-describedby={errorOf('title').describedBy}
            className={FIELD}
          />
          <FieldError name="title" message={errorOf('title').message} />
        </label>
        <TextArea name="problem" label="Problem" error={errorOf('problem')} />
        <TextArea name="impact" label="Impact" error={errorOf('impact')} />
        <TextArea name="fix" label="Fix" error={errorOf('fix')} />
        <label className={LABEL}>
          Resources (comma-separated logical IDs)
          <input
            name="resources"
            data-testid="manual-resources"
            placeholder="ApiFunction, DataTable"
            aria-invalid={errorOf('resources').invalid}
            aria-describedby={errorOf('resources').describedBy}
            className={FIELD}
          />
          <FieldError name="resources" message={errorOf('resources').message} />
        </label>
        <div className="flex items-center gap-2 sm:col-span-2">
          <button
            type="submit"
            data-testid="manual-submit"
            disabled={pending}
            className="rounded-md bg-slate-800 px-3 py-1.5 text-xs font-medium text-white hover:bg-slate-700 disabled:opacity-50"
          >
            {pending ? 'Adding…' : 'Add finding'}
          </button>
          {error && (
            <p role="alert" data-testid="manual-error" className="text-xs text-red-700">
              {error}
            </p>
          )}
        </div>
      </form>
    </details>
  );
}

type FieldErrorState = { invalid?: boolean; describedBy?: string; message?: string };

function TextArea({ name, label, error }: { name: string; label: string; error: FieldErrorState }) {
  return (
    <label className={LABEL}>
      {label}
      <textarea
        name={name}
        data-testid={`manual-${name}`}
        required
        rows={2}
        maxLength={5000}
        aria-invalid={error.invalid}
        aria-describedby={error.describedBy}
        className={FIELD}
      />
      <FieldError name={name} message={error.message} />
    </label>
  );
}

function FieldError({ name, message }: { name: string; message?: string }) {
  if (!message) return null;
  return (
    <span id={`manual-${name}-error`} data-testid={`manual-${name}-error`} className="block font-normal text-red-700">
      {message}
    </span>
  );
}
