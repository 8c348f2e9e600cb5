import type { ReactNode } from 'react';
import type { DeployedView } from '@/lib/stack/types';
import type { StackLoadError } from './load-stack';
import { StackDrift } from './stack-drift';
import { StackEvents } from './stack-events';
import { StackStatus } from './stack-status';
import { StackTarget } from './stack-target';

/**
 * The deployed side of a review: `children` (the deploy controls) first, then the target, the stack's status and outputs,
 * its drift from the reference and its events. Renders whether the stack is deployed, absent or unreachable.
 */
export function StackPanel({ view, children }: { view: DeployedView | StackLoadError; children?: ReactNode }) {
  return (
    <aside
      data-testid="stack-panel"
      aria-labelledby="stack-panel-title"
      className="space-y-4 rounded-lg bg-white px-4 py-4 ring-1 ring-slate-300"
    >
      <header className="flex items-baseline justify-between gap-2">
        <h2 id="stack-panel-title" className="text-sm font-semibold text-slate-900">
          Deployed stack
        </h2>
        {'generatedAt' in view && (
          <time dateTime={view.generatedAt} className="text-xs text-slate-400">
            read {view.generatedAt.slice(11, 19)} UTC
          </time>
        )}
      </header>
      {children}
      {'error' in view ? (
        <p
          data-testid="stack-unavailable"
          role="alert"
          className="rounded-md bg-red-50 px-3 py-2 text-xs text-red-800 ring-1 ring-inset ring-red-200"
        >
          The deployed stack cannot be shown: {view.error}
        </p>
      ) : (
        <>
          <StackTarget target={view.target} emulator={view.emulator} />
          <StackStatus stack={view.stack} stackName={view.target.stackName} />
          {view.problems.length > 0 && (
            <ul
              data-testid="stack-problems"
              className="list-disc space-y-0.5 rounded-md bg-amber-50 py-2 pr-3 pl-7 text-xs text-amber-900 ring-1 ring-inset ring-amber-200"
            >
              {view.problems.map((problem) => (
                <li key={problem}>{problem}</li>
              ))}
            </ul>
          )}
          <Section title="Deployed template vs. reference">
            <StackDrift view={view} />
          </Section>
          <Section title="Events">
            <StackEvents events={view.events} />
          </Section>
        </>
      )}
    </aside>
  );
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="space-y-1.5">
      <h3 className="text-xs font-semibold uppercase tracking-wide text-slate-500">{title}</h3>
      {children}
    </section>
  );
}
