'use client';

import { useCallback, useEffect, useState } from 'react';
import { CommentItem } from '@/components/session/comment-thread';
import { sendJson, sessionUrl } from '@/components/session/session-api';
import type { SessionStreamEvent } from '@/components/session/types';
import { useSessionEvents } from '@/components/session/use-session-events';
import type { LineCommentView } from '@/lib/audit/types';
import type { LineFinding, SourceView } from '@/lib/source/source-view';
import { LineFindings } from './line-findings';

/**
 * A file's numbered lines: each line is `#L<n>` (id and link; the line in the URL's hash is highlighted) and, in a
 * session, carries its comments underneath, live, with a "+" to add one when I may; a line that findings point at
 * links to their cards on the review page (`reviewPage`).
 */
export function SourceLines({
  side,
  file,
  session,
  reviewPage,
}: Pick<SourceView, 'side'> & Required<Pick<SourceView, 'file'>> & Pick<SourceView, 'session'> & { reviewPage: string }) {
  const [comments, setComments] = useState<LineCommentView[]>(session?.comments ?? []);
  const [composing, setComposing] = useState<number | null>(null);
  const highlighted = useHashLine();
  const add = useCallback((comment: LineCommentView) => {
    setComments((list) => (list.some((c) => c.id === comment.id) ? list : [...list, comment]));
  }, []);
  const byLine = new Map<number, LineCommentView[]>();
  for (const c of comments) byLine.set(c.line, [...(byLine.get(c.line) ?? []), c]);
  const findingsByLine = new Map<number, LineFinding[]>();
  for (const f of file.findings) findingsByLine.set(f.line, [...(findingsByLine.get(f.line) ?? []), f]);

  return (
    <div className="overflow-x-auto rounded-lg bg-white ring-1 ring-slate-200">
      {session?.open && <LiveLineComments sessionId={session.id} side={side} path={file.path} onComment={add} />}
      <table data-testid="source-file" data-path={file.path} className="w-full border-collapse font-mono text-xs leading-5">
        <tbody>
          {file.lines.map((text, index) => {
            const n = index + 1;
            const here = byLine.get(n) ?? [];
            return [
              <tr
                key={n}
                id={`L${n}`}
                data-testid={`source-line-${n}`}
                data-highlighted={highlighted === n ? 'true' : undefined}
                className="group scroll-mt-24 target:bg-amber-100 data-[highlighted=true]:bg-amber-100"
              >
                <td className="w-0 select-none border-r border-slate-100 px-2 text-right align-top text-slate-600">
                  <a href={`#L${n}`} className="hover:text-slate-900 hover:underline">
                    {n}
                  </a>
                </td>
                <td className="w-0 px-1 align-top">
                  {session?.canEdit && (
                    <button
                      type="button"
                      data-testid={`line-comment-add-${n}`}
                      aria-label={`Comment on line ${n}`}
                      onClick={() => setComposing(n)}
                      className="rounded bg-sky-600 px-1 leading-4 text-white opacity-0 group-hover:opacity-100 focus:opacity-100"
                    >
                      +
                    </button>
                  )}
                </td>
                <td className="whitespace-pre px-2 text-slate-900">
                  {text}
                  <LineFindings line={n} findings={findingsByLine.get(n)} reviewPage={reviewPage} />
                </td>
              </tr>,
              (here.length > 0 || composing === n) && (
                <tr key={`c${n}`} data-testid={`line-comments-${n}`}>
                  <td colSpan={3} className="border-y border-slate-200 bg-slate-50 px-3 py-2 font-sans">
                    <LineThread comments={here} />
                    {composing === n && session && (
                      <LineCommentForm
                        sessionId={session.id}
                        side={side}
                        path={file.path}
                        line={n}
                        onDone={(comment) => {
                          if (comment) add(comment);
                          setComposing(null);
                        }}
                      />
                    )}
                  </td>
                </tr>
              ),
            ];
          })}
        </tbody>
      </table>
    </div>
  );
}

function LineThread({ comments }: { comments: LineCommentView[] }) {
  if (comments.length === 0) return null;
  return (
    <ul className="max-w-3xl space-y-2">
      {comments.map((c) => (
        <CommentItem key={c.id} comment={c} kind="line-comment" />
      ))}
    </ul>
  );
}

function LineCommentForm(props: { sessionId: string; side: string; path: string; line: number; onDone: (c?: LineCommentView) => void }) {
  const [body, setBody] = useState('');
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  async function submit(event: React.FormEvent) {
    event.preventDefault();
    setPending(true);
    const { sessionId, side, path, line } = props;
    const result = await sendJson('POST', sessionUrl(sessionId, 'line-comments'), { side, file: path, line, body });
    setPending(false);
    if (!result.ok) return setError(result.message);
    props.onDone((result.body as { lineComment: LineCommentView }).lineComment);
  }
  return (
    <form onSubmit={submit} className="mt-2 max-w-3xl space-y-1.5">
      <label htmlFor={`line-comment-${props.line}`} className="sr-only">
        Comment on line {props.line}
      </label>
      <textarea
        id={`line-comment-${props.line}`}
        data-testid="line-comment-input"
        autoFocus
        required
        maxLength={10_000}
        rows={3}
        value={body}
        onChange={(e) => setBody(e.target.value)}
        placeholder="Comment on this line (markdown)"
        aria-describedby={error ? `line-comment-error-${props.line}` : undefined}
        className="w-full rounded-md px-2 py-1 text-sm ring-1 ring-slate-300 focus:outline-none focus:ring-slate-500"
      />
      <div className="flex gap-2 text-xs">
        <button
          type="submit"
          data-testid="line-comment-submit"
          disabled={pending || body.trim() === ''}
          className="rounded-md bg-slate-800 px-2 py-1 font-medium text-white hover:bg-slate-700 disabled:opacity-60"
        >
          Comment
        </button>
        <button type="button" onClick={() => props.onDone()} className="rounded-md px-2 py-1 ring-1 ring-slate-300 hover:bg-white">
          Cancel
        </button>
      </div>
      {error && (
        <p id={`line-comment-error-${props.line}`} role="alert" data-testid="line-comment-error" className="text-xs text-red-700">
          {error}
        </p>
      )}
    </form>
  );
}

/** Adds the session's new comments on this file, as others write them. */
function LiveLineComments({
  sessionId,
  side,
  path,
  onComment,
}: {
  sessionId: string;
  side: string;
  path: string;
  onComment: (c: LineCommentView) => void;
}) {
  // After a reconnect or a resync, events may have been missed: take the stored comments again (adding is idempotent).
  const reload = useCallback(async () => {
    const response = await fetch(sessionUrl(sessionId, 'line-comments'), { cache: 'no-store' }).catch(() => null);
    if (!response?.ok) return;
    const { lineComments } = (await response.json()) as { lineComments: LineCommentView[] };
    for (const c of lineComments) if (c.side === side && c.file === path) onComment(c);
  }, [sessionId, side, path, onComment]);
  const onEvent = useCallback(
    (event: SessionStreamEvent) => {
      if (event.type === 'resync') return void reload();
      const c = event.data as LineCommentView | null;
      if (event.type === 'line-comment' && c && c.side === side && c.file === path) onComment(c);
    },
    [side, path, onComment, reload],
  );
  useSessionEvents(sessionId, onEvent, reload);
  return null;
}

/** The line the URL's `#L<n>` names, following hash changes. */
function useHashLine(): number | null {
  const [line, setLine] = useState<number | null>(null);
  useEffect(() => {
    const read = () => {
      const match = /^#L(\d+)$/.exec(window.location.hash);
      setLine(match ? Number(match[1]) : null);
    };
    read();
    window.addEventListener('hashchange', read);
    return () => window.removeEventListener('hashchange', read);
  }, []);
  return line;
}
