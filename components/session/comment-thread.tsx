'use client';

import { useState, type FormEvent } from 'react';
import { MarkdownBody } from './markdown-body';
import { formatTime } from './format';
import { sendJson, sessionUrl } from './session-api';
import type { CommentView } from './types';

const MAX_COMMENT = 10_000;

/** One finding's comments, oldest first, and (for those who may edit) a markdown comment form. */
export function CommentThread({
  sessionId,
  findingKey,
  comments,
  canEdit,
}: {
  sessionId: string;
  findingKey: string;
  comments: CommentView[];
  canEdit: boolean;
}) {
  return (
    <div className="space-y-2">
      {comments.length > 0 && (
        <ol className="space-y-2">
          {comments.map((c) => (
            <CommentItem key={c.id} comment={c} kind="comment" />
          ))}
        </ol>
      )}
      {canEdit && <CommentForm sessionId={sessionId} findingKey={findingKey} />}
    </div>
  );
}

/** One comment: author, time, and its markdown rendered inert; `kind` names its test ids (`<kind>`, `<kind>-author`). */
export function CommentItem({ comment: c, kind }: { comment: CommentView; kind: 'comment' | 'line-comment' }) {
  return (
    <li data-testid={kind} data-comment-id={c.id} className="rounded-md bg-slate-50 px-3 py-2 ring-1 ring-slate-200">
      <p className="mb-1 text-xs text-slate-600">
        <span data-testid={`${kind}-author`} className="font-medium text-slate-700">
          {c.userLabel}
        </span>{' '}
        · <time dateTime={c.createdAt}>{formatTime(c.createdAt)}</time>
      </p>
      <MarkdownBody text={c.body} />
    </li>
  );
}

function CommentForm({ sessionId, findingKey }: { sessionId: string; findingKey: string }) {
  const [body, setBody] = useState('');
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!body.trim()) return;
    setPending(true);
    setError(null);
    const result = await sendJson('POST', sessionUrl(sessionId, 'findings', findingKey, 'comments'), { body });
    setPending(false);
    if (result.ok) setBody('');
    else setError(result.message);
  }

  return (
    <form onSubmit={submit} className="space-y-1">
      <div className="flex items-start gap-2">
        <textarea
          data-testid="comment-input"
          aria-label="Comment (markdown)"
          placeholder="Comment (markdown)"
          rows={1}
          maxLength={MAX_COMMENT}
          value={body}
          onChange={(e) => setBody(e.target.value)}
          className="block min-h-7 flex-1 resize-y rounded-md px-2 py-1 text-xs ring-1 ring-slate-300 placeholder:text-slate-400 focus:outline-none focus:ring-slate-500"
        />
        <button
          type="submit"
          data-testid="comment-submit"
          disabled={pending || !body.trim()}
          className="rounded-md bg-slate-800 px-2.5 py-1 text-xs font-medium text-white hover:bg-slate-700 disabled:opacity-40"
        >
          {pending ? 'Posting…' : 'Comment'}
        </button>
      </div>
      {error && (
        <p role="alert" data-testid="comment-error" className="text-xs text-red-700">
          {error}
        </p>
      )}
    </form>
  );
}
