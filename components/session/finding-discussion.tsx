import { CommentThread } from './comment-thread';
import { VerdictControls } from './verdict-controls';
import { VerdictList } from './verdict-list';
import type { CommentView, VerdictView } from './types';

/** What a session records on one finding (pinned or manual): everybody's verdicts, my verdict controls, the comments. */
export function FindingDiscussion({
  sessionId,
  findingKey,
  verdicts,
  comments,
  meId,
  canEdit,
  details,
}: {
  sessionId: string;
  findingKey: string;
  verdicts: VerdictView[];
  comments: CommentView[];
  meId: string;
  canEdit: boolean;
  /** More about the finding (its evidence), folded between the verdicts and the comments. */
  details?: React.ReactNode;
}) {
  const mine = verdicts.find((v) => v.userId === meId);
  return (
    <>
      <div className="flex flex-wrap items-start gap-x-4 gap-y-1.5">
        {canEdit && <VerdictControls sessionId={sessionId} findingKey={findingKey} mine={mine} />}
        <VerdictList verdicts={verdicts} />
      </div>
      {details && (
        <details className="group text-sm">
          <summary className="cursor-pointer text-xs text-slate-500 hover:text-slate-800">
            <span aria-hidden className="mr-1 inline-block transition-transform group-open:rotate-90">
              ›
            </span>
            Evidence
          </summary>
          <div className="mt-2 space-y-3">{details}</div>
        </details>
      )}
      <CommentThread sessionId={sessionId} findingKey={findingKey} comments={comments} canEdit={canEdit} />
    </>
  );
}
