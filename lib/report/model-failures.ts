import { CATALOG, catalogEntry } from '../rules/catalog';
import type { Finding } from '../rules/finding';
import { CATEGORIES, type Category } from '../rules/types';
import { CATEGORY_HEADINGS } from './category-headings';

/** One issue of the report: all findings of one rule, with the catalog's wording when the rule has one. */
export interface ReportIssue {
  rule: string;
  category: Category;
  heading: string;
  summary: string;
  problem: string;
  impact: string;
  fix: string;
  findings: Finding[];
}

/** Wording for rules outside the catalog (e.g. findings reviewers added by hand), keyed by rule id. */
export type Explanations = Record<string, Pick<ReportIssue, 'heading' | 'summary' | 'problem' | 'impact' | 'fix'>>;

/**
 * Groups findings into issues (seed order for catalog rules, then first-seen order), using catalog (or given) wording
 * where available. A finding with its own fix (a difference from the reference) is an issue of its own, worded by itself.
 */
export function groupIssues(findings: readonly Finding[], explanations: Explanations = {}): ReportIssue[] {
  const issues = new Map<string, ReportIssue>();
  for (const f of findings) {
    const key = f.fix ? `${f.rule}#${issues.size}` : f.rule;
    let issue = issues.get(key);
    if (!issue) {
      const catalog = catalogEntry(f.rule);
      const entry = explanations[f.rule] ?? (catalog && { ...catalog, summary: catalog.title });
      issue = {
        rule: f.rule,
        category: f.category,
        findings: [],
        heading: (f.fix && f.title) || (entry?.heading ?? f.title),
        summary: (f.fix && f.title) || (entry?.summary ?? f.title),
        problem: (f.fix && f.message) || (entry?.problem ?? f.message),
        impact: entry?.impact ?? `Reported by ${f.source} as ${f.severity}.`,
        fix: f.fix ?? entry?.fix ?? 'See the rule documentation.',
      };
      issues.set(key, issue);
    }
    issue.findings.push(f);
  }
  // Catalog rules in the seed's order first, then the rest in the order they were found.
  const order = Object.keys(CATALOG);
  const rank = (rule: string) => (order.includes(rule) ? order.indexOf(rule) : order.length);
  return [...issues.values()].sort((a, b) => rank(a.rule) - rank(b.rule));
}

/** Where a finding is: `file:line` for source findings, its logical IDs otherwise (with the construct and the line that created it, when known). */
export function where(f: Finding): string {
  if (f.location) return `\`${f.location.file}:${f.location.line}\``;
  const resources = f.resources.map((r) => `\`${r}\``).join(', ');
  if (!resources) return 'the artifact';
  return `${f.stack ? `${resources} in stack \`${f.stack}\`` : resources}${constructOf(f)}`;
}

/** ` (construct `path`, created at `file:line`)`, or '' for a finding without a construct. */
export function constructOf(f: Pick<Finding, 'constructPath' | 'constructLocation'>): string {
  if (!f.constructPath) return '';
  const at = f.constructLocation ? `, created at \`${f.constructLocation.file}:${f.constructLocation.line}\`` : '';
  return ` (construct \`${f.constructPath}\`${at})`;
}

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

/** Renders findings in the seed's MODEL_FAILURES.md format: five numbered category sections, issues, summary table. */
export function renderModelFailures(
  findings: readonly Finding[],
  options: { title?: string; artifact?: string; explanations?: Explanations; appendix?: string[] } = {},
): string {
  const open = findings.filter((f) => !f.acknowledged);
  const issues = groupIssues(open, options.explanations);
  const artifact = options.artifact ?? 'MODEL_RESPONSE.md';
  const out: string[] = [`# ${options.title ?? 'Model Failures'}`, ''];
  CATEGORIES.forEach((category, index) => {
    const inCategory = issues.filter((i) => i.category === category);
    out.push(`## ${index + 1}. ${CATEGORY_HEADINGS[category].heading}`, '');
    if (inCategory.length === 0) out.push('No issues found.', '');
    inCategory.forEach((issue, n) => {
      out.push(`### **Issue ${n + 1}: ${issue.heading}**`);
      out.push(`- **Problem**: ${issue.problem} (in \`${artifact}\`)`);
      out.push(`- **Impact**: ${issue.impact}`);
      out.push(`- **Fix in Ideal Response**: ${issue.fix}`);
      out.push(`- **Evidence**: ${issue.findings.map((f) => `${where(f)}: ${f.message}`).join('; ')}`, '');
    });
    out.push('---', '');
  });
  out.push('## Summary of Fixes', '', '| **Category** | **Issue** | **Fix in Ideal Response** |', '|---|---|---|');
  for (const category of CATEGORIES) {
    issues
      .filter((i) => i.category === category)
      .forEach((issue, n) => {
        out.push(`| ${n === 0 ? CATEGORY_HEADINGS[category].summary : ''} | ${cell(issue.summary)} | ${cell(issue.fix)} |`);
      });
  }
  const acknowledged = findings.filter((f) => f.acknowledged);
  if (acknowledged.length > 0) {
    out.push('', '## Acknowledged', '');
    for (const f of acknowledged) out.push(`- \`${f.rule}\` on ${where(f)}: ${f.acknowledged!.reason}${byWhom(f.acknowledged!)}`);
  }
  // Expired acknowledgements no longer apply; they are listed so that nobody mistakes the finding for a new one.
  const expired = findings.filter((f) => f.expiredAcknowledgements?.length);
  if (expired.length > 0) {
    out.push('', '## Expired Acknowledgements (not applied)', '');
    for (const f of expired)
      for (const a of f.expiredAcknowledgements!)
        out.push(`- \`${f.rule}\` on ${where(f)}: ${a.reason} (${a.author ?? 'unknown'}, expired ${a.expiresAt.slice(0, 10)})`);
  }
  if (options.appendix?.length) out.push('', ...options.appendix);
  out.push('', '---', '');
  return out.join('\n');
}

/** ` (author, until date)` for an acknowledgement recorded on the review; empty for one read from the template. */
function byWhom(ack: NonNullable<Finding['acknowledged']>): string {
  if (!ack.author) return '';
  return ` (${ack.author}${ack.expiresAt ? `, until ${ack.expiresAt.slice(0, 10)}` : ''})`;
}
