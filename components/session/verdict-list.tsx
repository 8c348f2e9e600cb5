import { VERDICT_STYLES } from './labels';
import type { VerdictView } from './types';

/** Everybody's verdict on one finding ("alice: Confirmed"), with reasons; a note when nobody has judged it yet. */
export function VerdictList({ verdicts }: { verdicts: VerdictView[] }) {
  if (verdicts.length === 0) return <p className="py-1 text-xs text-slate-400">No verdicts yet.</p>;
  return (
    <ul className="flex flex-wrap gap-1.5 py-0.5">
      {verdicts.map((v) => (
        <li
          key={v.userId}
          data-testid="verdict-entry"
          data-verdict={v.verdict}
          title={v.reason ?? undefined}
          className={`rounded-md px-1.5 py-0.5 text-xs ring-1 ring-inset ${VERDICT_STYLES[v.verdict].chip}`}
        >
          {v.userLabel}: {VERDICT_STYLES[v.verdict].label}
          {v.reason && <span className="text-slate-600"> — {v.reason}</span>}
        </li>
      ))}
    </ul>
  );
}
