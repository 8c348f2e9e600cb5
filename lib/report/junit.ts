import { CATALOG } from '../rules/catalog';
import type { Finding } from '../rules/finding';
import { CATEGORIES, SEVERITIES, type Severity } from '../rules/types';
import { placeOf, type TemplateFile } from './locate';

/** Escapes text for an XML attribute or element (and drops characters XML 1.0 cannot carry). */
export function xmlEscape(text: string): string {
  return text
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

interface TestCase {
  rule: string;
  name: string;
  findings: Finding[];
}

/** Test cases of one category: one per rule and resource (or file:line), plus a passing one per catalog rule that found nothing. */
function casesOf(category: string, findings: readonly Finding[], templates: readonly TemplateFile[], artifact: string): TestCase[] {
  const cases = new Map<string, TestCase>();
  for (const f of findings.filter((x) => x.category === category)) {
    const place = placeOf(f, templates, artifact);
    const resource = f.resources[0] && f.stack ? `${f.stack}/${f.resources[0]}` : f.resources[0];
    const subject = resource ?? (f.location ? `${place.file}:${place.line}` : place.file);
    const key = `${f.rule}\0${subject}`;
    const entry = cases.get(key) ?? { rule: f.rule, name: `${f.rule}: ${subject}`, findings: [] };
    entry.findings.push(f);
    cases.set(key, entry);
  }
  const reported = new Set([...cases.values()].map((c) => c.rule));
  for (const [rule, entry] of Object.entries(CATALOG)) {
    if (entry.category === category && !reported.has(rule)) cases.set(rule, { rule, name: rule, findings: [] });
  }
  return [...cases.values()];
}

/** One test case: failed by its open findings, skipped when every finding is acknowledged, passed without findings. */
function renderCase(category: string, c: TestCase): string {
  const open = c.findings.filter((f) => !f.acknowledged);
  const head = `    <testcase classname="infra-review.${category}.${xmlEscape(c.rule)}" name="${xmlEscape(c.name)}"`;
  if (c.findings.length === 0) return `${head}/>`;
  if (open.length === 0) {
    const reasons = c.findings.map((f) => f.acknowledged!.reason).join('; ');
    return `${head}>\n      <skipped message="${xmlEscape(`acknowledged: ${reasons}`)}"/>\n    </testcase>`;
  }
  const worst = SEVERITIES.find((s) => open.some((f) => f.severity === s))!;
  const body = open.map((f) => `[${f.severity}] ${f.message}`).join('\n');
  return `${head}>\n      <failure type="${worst}" message="${xmlEscape(open[0].title)}">${xmlEscape(body)}</failure>\n    </testcase>`;
}

/**
 * A JUnit XML report of the findings: one testsuite per category (all five, in the seed's order), one testcase per
 * rule and resource, failed by unacknowledged findings, skipped when acknowledged, passing for catalog rules that
 * found nothing.
 */
export function renderJunit({
  findings,
  templates,
  artifact,
  name,
}: {
  findings: readonly Finding[];
  templates: readonly TemplateFile[];
  artifact: string;
  name: string;
}): string {
  let total = 0;
  let failed = 0;
  let skipped = 0;
  const suites = CATEGORIES.map((category) => {
    const cases = casesOf(category, findings, templates, artifact);
    const failures = cases.filter((c) => c.findings.some((f) => !f.acknowledged)).length;
    const skips = cases.filter((c) => c.findings.length > 0 && c.findings.every((f) => f.acknowledged)).length;
    total += cases.length;
    failed += failures;
    skipped += skips;
    const attrs = `name="${category}" tests="${cases.length}" failures="${failures}" errors="0" skipped="${skips}"`;
    return `  <testsuite ${attrs}>\n${cases.map((c) => renderCase(category, c)).join('\n')}\n  </testsuite>`;
  });
  const head = `<testsuites name="${xmlEscape(name)}" tests="${total}" failures="${failed}" errors="0" skipped="${skipped}">`;
  return `<?xml version="1.0" encoding="UTF-8"?>\n${head}\n${suites.join('\n')}\n</testsuites>\n`;
}

/** Whether findings should fail a CI run at this threshold: some unacknowledged finding is at or above `failOn`. */
export function failsAt(findings: readonly Finding[], failOn: Severity): boolean {
  const rank = SEVERITIES.indexOf(failOn);
  return findings.some((f) => !f.acknowledged && SEVERITIES.indexOf(f.severity) <= rank);
}
