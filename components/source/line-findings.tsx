import { SEVERITY_STYLES } from '@/components/findings/labels';
import type { LineFinding } from '@/lib/source/source-view';

/** The findings that point at one source line, each a link back to its card on the review page (`#finding-<key>`). */
export function LineFindings({ line, findings, reviewPage }: { line: number; findings?: LineFinding[]; reviewPage: string }) {
  if (!findings?.length) return null;
  const unique = [...new Map(findings.map((f) => [f.key, f])).values()];
  return (
    <span data-testid={`source-findings-${line}`} className="ml-3 inline-flex flex-wrap gap-1 align-middle font-sans">
      {unique.map((f) => (
        <a
          key={f.key}
          href={`${reviewPage}#finding-${f.key}`}
          title={f.title}
          className={`rounded px-1.5 text-[11px] leading-4 ring-1 ring-inset hover:underline ${SEVERITY_STYLES[f.severity].chip}`}
        >
          {f.rule}
        </a>
      ))}
    </span>
  );
}
