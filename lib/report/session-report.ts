import { VERDICT_LABELS } from '../audit/verdict-labels';
import { consensusVerdict } from '../audit/verdicts';
import type { VerdictValue } from '../db/schema';
import type { Finding } from '../rules/finding';
import type { CatalogEntry } from '../rules/categories';
import { renderModelFailures, where, type Explanations } from './model-failures';

/** One participant's verdict as exported. */
export interface ExportedVerdict {
  user: string;
  verdict: VerdictValue;
  reason: string | null;
}

/** A finding a reviewer added by hand, worded like a catalog entry (no export heading: its title serves). */
export interface ManualFindingInput extends Omit<CatalogEntry, 'heading'> {
  id: string;
  resources: string[];
}

/** A reviewer's comment on a line of a file of the review, as exported. */
export interface ExportedLineComment {
  side: 'model' | 'reference';
  file: string;
  line: number;
  user: string;
  body: string;
  createdAt: string;
}

/** What a session export is made of: the pinned findings with their keys, the verdicts per key, manual findings and line comments. */
export interface SessionReportInput {
  name: string;
  findings: (Finding & { key: string })[];
  verdicts: Record<string, ExportedVerdict[]>;
  manual: ManualFindingInput[];
  lineComments?: ExportedLineComment[];
}

/** A finding with the session's judgement of it. */
export interface JudgedFinding extends Finding {
  key: string;
  verdicts: ExportedVerdict[];
  consensus: VerdictValue | null;
}

/** Every pinned finding with its verdicts and consensus (null when nobody judged it). */
export function judgeFindings(input: SessionReportInput): JudgedFinding[] {
  return input.findings.map((f) => {
    const verdicts = input.verdicts[f.key] ?? [];
    return { ...f, verdicts, consensus: consensusVerdict(verdicts.map((v) => v.verdict)) ?? null };
  });
}

/** Manual findings as report findings (rule `manual/<id>`) plus their wording. */
function manualAsFindings(manual: ManualFindingInput[]): { findings: Finding[]; explanations: Explanations } {
  const explanations: Explanations = {};
  const findings = manual.map((m): Finding => {
    explanations[`manual/${m.id}`] = { heading: m.title, summary: m.title, problem: m.problem, impact: m.impact, fix: m.fix };
    return {
      rule: `manual/${m.id}`,
      category: m.category,
      severity: m.severity,
      title: m.title,
      message: m.problem,
      resources: m.resources,
      source: 'infra-review',
    };
  });
  return { findings, explanations };
}

/** Line comments in the appendix, each under its `file:line` (side named), oldest first; none, no section. */
function lineCommentSection(comments: readonly ExportedLineComment[]): string[] {
  if (comments.length === 0) return [];
  const lines = ['## Appendix: Line Comments', ''];
  for (const c of comments) {
    const body = c.body.replace(/\n+/g, ' ');
    lines.push(`- \`${c.file}:${c.line}\` (${c.side}) — ${c.user}: ${body}`);
  }
  lines.push('');
  return lines;
}

function appendixSection(title: string, judged: JudgedFinding[]): string[] {
  if (judged.length === 0) return [];
  const lines = [`## ${title}`, ''];
  for (const f of judged) {
    const reasons = f.verdicts.map((v) => `${v.user}: ${VERDICT_LABELS[v.verdict]}${v.reason ? ` (${v.reason})` : ''}`).join('; ');
    lines.push(`- \`${f.rule}\` on ${where(f)}: ${f.message}${reasons ? ` — ${reasons}` : ''}`);
  }
  lines.push('');
  return lines;
}

/**
 * The session as MODEL_FAILURES.md in the seed's format: confirmed findings and reviewers' own findings
 * as numbered issues; false positives (with reasons), accepted risks and unjudged findings in appendices.
 */
export function renderSessionMarkdown(input: SessionReportInput): string {
  const judged = judgeFindings(input);
  const manual = manualAsFindings(input.manual);
  const confirmed = judged.filter((f) => f.consensus === 'confirmed');
  const appendix = [
    ...appendixSection(
      'Appendix: False Positives',
      judged.filter((f) => f.consensus === 'false_positive'),
    ),
    ...appendixSection(
      'Appendix: Accepted Risks',
      judged.filter((f) => f.consensus === 'accepted_risk'),
    ),
    ...appendixSection(
      'Appendix: Not Settled',
      judged.filter((f) => f.consensus === null || f.consensus === 'needs_discussion'),
    ),
    ...lineCommentSection(input.lineComments ?? []),
  ];
  return renderModelFailures([...confirmed, ...manual.findings], { explanations: manual.explanations, appendix });
}

/** The session as plain JSON: every finding with verdicts and consensus, and the manual findings. */
export function sessionReportJson(input: SessionReportInput) {
  return { name: input.name, findings: judgeFindings(input), manualFindings: input.manual, lineComments: input.lineComments ?? [] };
}
