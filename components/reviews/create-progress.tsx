'use client';

/** A step of creating a review, as the server streams it. */
export type CreateStep = 'sending' | 'stored' | 'synthesizing' | 'parsing' | 'analyzing';

const STEPS: { id: CreateStep | 'load'; label: string }[] = [
  { id: 'sending', label: 'Uploading' },
  { id: 'stored', label: 'Stored' },
  { id: 'load', label: 'Synthesizing or parsing' },
  { id: 'analyzing', label: 'Analyzing' },
];

function indexOf(step: CreateStep): number {
  return step === 'synthesizing' || step === 'parsing' ? 2 : STEPS.findIndex((s) => s.id === step);
}

/** Where a review's creation is: done steps ticked, the current one named (synthesizing CDK code or parsing templates). */
export function CreateProgress({ step }: { step: CreateStep }) {
  const current = indexOf(step);
  return (
    <ol role="status" aria-live="polite" data-testid="review-create-progress" data-phase={step} className="flex flex-wrap gap-2 text-xs">
      {STEPS.map((s, i) => {
        const label =
          i === 2 && (step === 'synthesizing' || step === 'parsing')
            ? step === 'synthesizing'
              ? 'Synthesizing the CDK apps'
              : 'Parsing the templates'
            : s.label;
        const state = i < current ? 'done' : i === current ? 'current' : 'todo';
        return (
          <li
            key={s.id}
            data-state={state}
            aria-current={state === 'current' ? 'step' : undefined}
            className={`rounded-full px-2 py-0.5 ring-1 ${state === 'done' ? 'bg-emerald-50 text-emerald-900 ring-emerald-200' : state === 'current' ? 'bg-sky-50 text-sky-900 ring-sky-300' : 'text-slate-600 ring-slate-200'}`}
          >
            {state === 'done' ? '✓ ' : state === 'current' ? '… ' : ''}
            {label}
          </li>
        );
      })}
    </ol>
  );
}
