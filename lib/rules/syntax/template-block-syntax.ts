import { templateSyntaxError } from '../../templates/template-syntax';
import type { Rule, RuleInput, Violation } from '../types';

/** Reports each markdown block meant as a template (marked `templateFormat`) that does not parse, at its markdown line, with the parser's reason. */
function check(input: RuleInput): Violation[] {
  const violations: Violation[] = [];
  for (const source of input.sources) {
    if (!source.templateFormat) continue;
    const error = templateSyntaxError(source.text);
    if (!error) continue;
    const location = { file: source.path, line: source.startLine + error.line - 1, ...(error.column ? { column: error.column } : {}) };
    const what = `${source.name ?? 'template'} block (${error.format.toUpperCase()}, from line ${source.startLine})`;
    violations.push({
      message: `${location.file}:${location.line}: the ${what} does not parse: ${error.reason}.`,
      location,
      evidence: [{ location, value: lineAt(source.text, error.line), note: `${error.format.toUpperCase()} parser: ${error.reason}` }],
    });
  }
  return violations;
}

export const rule: Rule = { id: 'template-block-syntax', check };

/** The text of a 1-based line, trimmed ('' past the end). */
function lineAt(text: string, line: number): string {
  return (text.split('\n')[line - 1] ?? '').trim();
}
