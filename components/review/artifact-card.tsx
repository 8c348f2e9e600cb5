import path from 'node:path';
import { projectRoot } from '@/lib/pipeline/bundled';
import type { ArtifactState, Side, SynthesisFailure } from '@/lib/pipeline/types';
import { SynthesisError } from './synthesis-error';

const KIND_LABELS: Record<Extract<ArtifactState, { status: 'ok' }>['kind'], string> = {
  'cdk-synthesized': 'CDK app, synthesized',
  'template-file': 'Template file',
  markdown: 'Markdown answer',
};

const TITLES: Record<Side, string> = { reference: 'Reference', model: 'Model' };

/** One artifact of a review: where it came from, its template hash and resource count, its stacks (multi-stack apps), its sources; or its failure. */
export function ArtifactCard({ side, artifact }: { side: Side; artifact: ArtifactState }) {
  // A CDK side whose synthesis failed still has its sources analyzed, but it has no template: never a green "ok".
  const ok = artifact.status === 'ok' && !artifact.synthesis;
  return (
    <section
      data-testid={`artifact-${side}`}
      data-status={ok ? 'ok' : 'failed'}
      data-synthesis={artifact.status === 'ok' && artifact.synthesis ? 'failed' : undefined}
      aria-labelledby={`artifact-${side}-title`}
      className={`min-w-0 space-y-2 rounded-lg px-4 py-3 ring-1 ${side === 'model' ? 'bg-white ring-slate-300' : 'bg-slate-50 ring-slate-200'}`}
    >
      <div className="flex items-center gap-2">
        <h2 id={`artifact-${side}-title`} className="text-sm font-semibold text-slate-900">
          {TITLES[side]}
        </h2>
        <StatusPill ok={ok} />
        <code className="ml-auto truncate text-xs text-slate-500" title={artifact.origin}>
          {relative(artifact.origin)}
        </code>
      </div>
      {artifact.status === 'failed' ? (
        <SynthesisError artifact={artifact} />
      ) : (
        <>
          {artifact.synthesis && <SynthesisFailureNote failure={artifact.synthesis} />}
          {artifact.note && (
            <p data-testid="artifact-note" className="text-xs text-slate-600">
              {artifact.note}
            </p>
          )}
          <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-0.5 text-xs">
            <dt className="text-slate-500">Kind</dt>
            <dd data-testid="artifact-kind" className="text-slate-800">
              {KIND_LABELS[artifact.kind]}
            </dd>
            <dt className="text-slate-500">Template</dt>
            <dd className="font-mono text-slate-800" title={artifact.hash}>
              {artifact.hash ? artifact.hash.slice(0, 12) : '—'}
            </dd>
            <dt className="text-slate-500">Resources</dt>
            <dd data-testid="artifact-resource-count" className="font-mono tabular-nums text-slate-800">
              {artifact.resourceCount}
            </dd>
            {artifact.stacks && (
              <>
                <dt className="text-slate-500">Stacks</dt>
                <dd data-testid="artifact-stacks" className="font-mono text-slate-800">
                  {artifact.stacks.map((s) => `${s.name} (${s.resourceCount})`).join(', ')}
                </dd>
              </>
            )}
          </dl>
          {artifact.sources.length > 0 && (
            <details className="text-xs">
              <summary className="text-slate-600 hover:text-slate-900">
                {artifact.sources.length} source {artifact.sources.length === 1 ? 'file' : 'files'} analyzed
              </summary>
              <ul className="mt-1 space-y-0.5 font-mono text-slate-700">
                {artifact.sources.map((s) => (
                  <li key={s.path} className="flex gap-2">
                    <span className="truncate">{relative(s.path)}</span>
                    <span className="shrink-0 text-slate-400">
                      {s.language} · {s.lines} lines
                    </span>
                  </li>
                ))}
              </ul>
            </details>
          )}
        </>
      )}
    </section>
  );
}

/**
 * Why the CDK code gave no template, and whose fault that is (a tool fault is infra-review's, and no finding blames the
 * answer); or, when a template was obtained despite the failure (`lenient`), how it falls short.
 */
function SynthesisFailureNote({ failure }: { failure: SynthesisFailure }) {
  return (
    <p
      data-testid="artifact-synthesis-failure"
      data-fault={failure.fault}
      data-lenient={failure.lenient ? 'true' : undefined}
      className="rounded-md bg-red-50 px-3 py-2 text-xs text-red-800 ring-1 ring-inset ring-red-600/20"
    >
      <span className="font-semibold">
        {failure.fault === 'tool' ? 'Synthesis failed in infra-review, not in the answer' : `Synthesis failed (${failure.stage})`}:
      </span>{' '}
      {failure.message}{' '}
      {failure.lenient ? (
        <span data-testid="artifact-synthesis-lenient">Rules ran on a {failure.lenient}.</span>
      ) : (
        'Only the source files were analyzed.'
      )}
    </p>
  );
}

function StatusPill({ ok }: { ok: boolean }) {
  return (
    <span
      data-testid="artifact-status"
      className={`rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset ${ok ? 'bg-emerald-50 text-emerald-700 ring-emerald-600/20' : 'bg-red-50 text-red-700 ring-red-600/20'}`}
    >
      {ok ? 'ok' : 'failed'}
    </span>
  );
}

/** A path relative to the project root when it lies inside it; as given otherwise. */
function relative(p: string): string {
  const rel = path.relative(projectRoot(), p);
  return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : p;
}
