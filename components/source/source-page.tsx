import Link from 'next/link';
import type { SourceView } from '@/lib/source/source-view';
import { SourceLines } from './source-lines';
import { sourceUrl } from './source-url';
import { reviewHref } from '@/components/findings/links';

const KIND_LABEL = { template: 'template', markdown: 'markdown', source: 'code' } as const;

/** A review's files on one side (tabs for the sides, the file list) and the chosen file's lines, as in a PR's files view. */
export function SourcePage({ view }: { view: SourceView }) {
  const { reviewId, side, files, file, session } = view;
  const link = (to: { side?: 'model' | 'reference'; file?: string }) =>
    sourceUrl({ reviewId, side: to.side ?? side, file: to.file, sessionId: session?.id });
  return (
    <div data-testid="source-page" data-side={side} className="space-y-4">
      <header className="space-y-2">
        <p className="text-xs text-slate-600">
          Review{' '}
          <Link href={reviewHref(reviewId)} className="text-slate-800 underline decoration-slate-300">
            {reviewId}
          </Link>
          {session && (
            <>
              {' '}
              · session{' '}
              <Link
                data-testid="source-session-link"
                href={`/sessions/${encodeURIComponent(session.id)}`}
                className="text-slate-800 underline decoration-slate-300"
              >
                {session.name}
              </Link>
              {session.canEdit ? ' · click + beside a line to comment on it' : session.open ? '' : ' (closed, read-only)'}
            </>
          )}
        </p>
        <h1 data-testid="source-title" className="break-all font-mono text-base font-semibold text-slate-900">
          {file ? file.path : `Files of the ${side}`}
        </h1>
        <nav aria-label="Side" className="flex gap-1 text-xs">
          {(['model', 'reference'] as const).map((s) => (
            <Link
              key={s}
              href={link({ side: s })}
              data-testid={`source-side-${s}`}
              aria-current={s === side ? 'page' : undefined}
              className={`rounded-md px-2 py-1 ring-1 ring-inset ${s === side ? 'bg-slate-800 text-white ring-slate-800' : 'text-slate-700 ring-slate-300 hover:bg-slate-50'}`}
            >
              {s}
            </Link>
          ))}
        </nav>
      </header>
      <details open={!file} className="rounded-lg bg-white ring-1 ring-slate-200">
        <summary className="cursor-pointer px-3 py-1.5 text-xs font-semibold uppercase tracking-wide text-slate-600">
          Files <span className="font-normal normal-case">· {files.length}</span>
        </summary>
        {files.length === 0 ? (
          <p className="px-3 pb-2 text-xs text-slate-600">This side holds no files of its own (a synthesized app without sources).</p>
        ) : (
          <ul data-testid="source-files" className="divide-y divide-slate-100 text-xs">
            {files.map((f) => (
              <li key={f.path} className="flex items-baseline gap-2 px-3 py-1">
                <Link
                  href={link({ file: f.path })}
                  data-testid="source-file-link"
                  aria-current={f.path === file?.path ? 'page' : undefined}
                  className="break-all font-mono text-slate-800 underline decoration-slate-300 hover:decoration-slate-600"
                >
                  {f.path}
                </Link>
                <span className="text-slate-600">{KIND_LABEL[f.kind]}</span>
              </li>
            ))}
          </ul>
        )}
      </details>
      {file && <SourceLines side={side} file={file} session={session} reviewPage={reviewHref(reviewId)} />}
    </div>
  );
}
