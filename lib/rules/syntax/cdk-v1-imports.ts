import type { Rule, RuleInput, Violation } from '../types';
import { sourceLines, type SourceLine } from '../util/source';

/** Flags each source line that imports (or depends on) an AWS CDK v1 module, in any of the CDK languages. */
function check(input: RuleInput): Violation[] {
  const violations: Violation[] = [];
  for (const line of pythonImportStatements(sourceLines(input.sources))) {
    const module = v1Module(line.text);
    if (!module) continue;
    violations.push({
      message: `${line.location.file}:${line.location.line} imports the AWS CDK v1 module \`${module}\`; CDK v2 ships everything in \`aws-cdk-lib\` (\`aws_cdk\`).`,
      location: line.location,
      evidence: [{ location: line.location, value: line.text.trim(), note: `CDK v1 module \`${module}\`` }],
    });
  }
  return violations;
}

export const rule: Rule = { id: 'cdk-v1-imports', check };

/**
 * CDK v1 signals, each capturing the module named. CDK v2 keeps `aws_cdk.aws_s3` (Python) and
 * `software.amazon.awscdk.services.*` (Java), so only `core` is v1 there; `-alpha` modules are v2.
 */
const V1_PATTERNS: RegExp[] = [
  /^\s*from\s+aws_cdk\s+import\s+\(?[^#]*?\b(core)\b(?!\.)/, // Python: from aws_cdk import core [as cdk]
  /^\s*(?:from|import)\s+[^#]*?\b(aws_cdk\.core)\b/, // Python: import aws_cdk.core / from aws_cdk.core import App
  /(?:^|["'\s])(aws-cdk\.(?:core|aws-[a-z0-9-]+?))(?<!-alpha)["']?\s*(?:[=<>~!;,\]\[]|$)/, // requirements.txt / setup.py
  /["'](@aws-cdk\/(?:core|assert|assertions|custom-resources|pipelines|aws-[a-z0-9-]+?)(?<!-alpha))(?:\/[^"']*)?["']/, // TS/JS, package.json
  /^\s*import\s+(?:static\s+)?(software\.amazon\.awscdk\.core)\b/, // Java
  /["'`](github\.com\/aws\/aws-cdk-go\/awscdk)(?!\/v2)(?:\/[^"'`]*)?["'`]/, // Go: v2 is .../awscdk/v2
  /<PackageReference\s+Include="(Amazon\.CDK(?:\.AWS\.[\w.]+)?)(?<!\.Alpha)"/i, // C# project: v2 is Amazon.CDK.Lib
];

/** The v1 module a line (or joined Python import statement) imports, if any; comments are ignored. */
function v1Module(text: string): string | undefined {
  if (/^\s*(#|\/\/|\/?\*)/.test(text)) return undefined;
  for (const pattern of V1_PATTERNS) {
    const match = text.match(pattern);
    if (match) return match[1];
  }
  return undefined;
}

/** Lines, with each parenthesized Python `from aws_cdk import (...)` joined into its first line. */
function pythonImportStatements(lines: SourceLine[]): SourceLine[] {
  const out: SourceLine[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (!/^\s*from\s+aws_cdk\S*\s+import\s*\(/.test(line.text) || line.text.includes(')')) {
      out.push(line);
      continue;
    }
    let j = i;
    while (j + 1 < lines.length && lines[j + 1].source === line.source && !lines[j].text.includes(')')) j++;
    const joined = lines
      .slice(i, j + 1)
      .map((l) => l.text.replace(/#.*$/, ''))
      .join(' ');
    out.push({ ...line, text: joined });
    i = j;
  }
  return out;
}
