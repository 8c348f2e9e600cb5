import { sourceUrl } from '@/components/source/source-url';
import { formatTime } from './format';
import { MarkdownBody } from './markdown-body';
import type { SessionView } from './types';

/** The session's comments on lines of the review's files, each linking to its line, and where to add more. */
export function LineCommentList({ view }: { view: SessionView }) {
  const { session, lineComments } = view;
  const browse = (side: 'model' | 'reference') => sourceUrl({ reviewId: session.reviewId, side, sessionId: session.id });
  return (
    <section aria-labelledby="line-comments-heading" data-testid="line-comments" className="space-y-2">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="line-comments-heading" className="text-base font-semibold text-slate-900">
          Comments on code <span className="font-mono text-xs font-normal text-slate-600">{lineComments.length}</span>
        </h2>
        <p className="text-xs text-slate-600">
          Browse the{' '}
          <a data-testid="browse-model-files" href={browse('model')} className="text-slate-800 underline decoration-slate-300">
            model&apos;s files
          </a>{' '}
          or the{' '}
          <a data-testid="browse-reference-files" href={browse('reference')} className="text-slate-800 underline decoration-slate-300">
            reference&apos;s
          </a>{' '}
          {view.me.canEdit ? 'to comment on a line.' : 'with the comments on their lines.'}
        </p>
      </div>
      {lineComments.length === 0 ? (
        <p className="text-xs text-slate-600">No comments on lines yet.</p>
      ) : (
        <ul className="space-y-2">
          {lineComments.map((c) => (
            <li key={c.id} data-testid="line-comment-entry" className="rounded-md bg-white px-3 py-2 ring-1 ring-slate-200">
              <p className="text-xs text-slate-600">
                <a
                  data-testid="line-comment-link"
                  href={sourceUrl({ reviewId: session.reviewId, side: c.side, file: c.file, line: c.line, sessionId: session.id })}
                  className="font-mono text-slate-800 underline decoration-slate-300"
                >
                  {c.file}:{c.line}
                </a>{' '}
                ({c.side}) · <span className="font-medium text-slate-700">{c.userLabel}</span> ·{' '}
                <time dateTime={c.createdAt}>{formatTime(c.createdAt)}</time>
              </p>
              <MarkdownBody text={c.body} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
