/* Whether a code block is meant as a CloudFormation template, and why it does not parse when it does not. */
import { parseCloudFormationYaml, TemplateParseError } from './cfn-yaml';

/** Why template text does not parse: the parser's reason and the 1-based line (and column) in that text. */
export interface TemplateSyntaxError {
  format: 'json' | 'yaml';
  line: number;
  column?: number;
  reason: string;
}

const DATA_LANGS = new Set(['', 'json', 'jsonc', 'json5', 'yaml', 'yml', 'cfn', 'cloudformation', 'template']);
const TEMPLATE_KEY = /(?:^|[{,])\s*["']?(?:Resources|AWSTemplateFormatVersion)["']?\s*:/m;

/** The format the loader reads `text` as: JSON when it starts with `{`, else YAML (as parseTemplate decides). */
export function templateFormatOf(text: string): 'json' | 'yaml' {
  return text.trimStart().startsWith('{') ? 'json' : 'yaml';
}

/** Whether a block with this language and text is meant as a template: a data language (or none) and a `Resources` or `AWSTemplateFormatVersion` key. */
export function looksLikeTemplate(lang: string, text: string): boolean {
  return DATA_LANGS.has(lang) && TEMPLATE_KEY.test(text);
}

/** 1-based line and column of a character offset. */
function position(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset).split('\n');
  return { line: before.length, column: before[before.length - 1].length + 1 };
}

/** Why `text` does not parse as the loader would read it, or undefined when it parses. Never throws. */
export function templateSyntaxError(text: string): TemplateSyntaxError | undefined {
  const format = templateFormatOf(text);
  try {
    if (format === 'json') JSON.parse(text);
    else parseCloudFormationYaml(text);
    return undefined;
  } catch (error) {
    const lastLine = Math.max(1, text.replace(/\s+$/, '').split('\n').length);
    if (error instanceof TemplateParseError)
      return { format, line: error.line ?? lastLine, ...(error.column ? { column: error.column } : {}), reason: error.reason };
    const reason = (error as Error).message ?? String(error);
    const at = /at position (\d+)/.exec(reason);
    // Node's JSON.parse names only an offset (or nothing at the end of input): turn it into a line.
    const where = at ? position(text, Number(at[1])) : { line: lastLine };
    return { format, ...where, reason: reason.replace(/ in JSON at position \d+.*$/, '') };
  }
}
