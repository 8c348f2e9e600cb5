import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { AppError, zodErrorMessage } from '../errors';
import { exportFindings, modelTemplateFiles } from '../report/export';
import { failsAt } from '../report/junit';
import { templateFilesOfText } from '../report/locate';
import { renderModelFailures } from '../report/model-failures';
import { SEVERITIES, type Severity } from '../rules/types';
import { analyzeFile } from '../pipeline/analyze-file';
import { bundledReview } from '../pipeline/bundled';
import { runReview } from '../pipeline/run';
import { modelOwnFindings } from '../pipeline/shared';
import { parseRulePacks, RULE_PACK_IDS } from '../rules/cdk-nag/packs';

const USAGE = `usage: infra-review <command> [options]

commands:
  analyze <file> [--format json|md|sarif|junit] [--fail-on error|warning|info] [--packs <ids>]
                                         findings for one template (.json/.yaml/.yml) or markdown answer (.md)
  review [--reference <file>] [--model <file>] [--format json|md|sarif|junit] [--fail-on error|warning|info] [--packs <ids>]
                                         the full review; defaults: the infra/ reference (synthesized) and the bundled model
                                         --fail-on: exit 1 when an unacknowledged (model) finding is at or above it
                                         --packs: cdk-nag packs, comma-separated (${RULE_PACK_IDS.join(', ')}, or all);
                                         findings are then deduplicated across sources
  import <folder>... [--no-analyze] [--concurrency N] [--json]
                                         store task folders (or folders of them) as reviews; exit 1 when some failed
  user add|list|set-role, token create|list|revoke
                                         accounts and API tokens on the configured database (user help, token help)
`;

const formatSchema = z.enum(['json', 'md', 'sarif', 'junit']);

/** The value of option `--<name>` parsed by `schema`; invalid, its ZodError names the option. */
function parseOption<T>(name: string, schema: z.ZodType<T>, value: unknown): T {
  return z.object({ [name]: schema }).parse({ [name]: value })[name] as T;
}

/** The CLI's name for a path of invalid input: the option it came from (`expiresInDays` is `--expires-in-days`). */
function optionName(path: string): string {
  return path ? `--${path.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}` : 'input';
}

/** The `--fail-on` severity, if given; anything but a severity is bad input (exit 2). */
function parseFailOn(value: string | undefined): Severity | undefined {
  if (value === undefined) return undefined;
  const severity = SEVERITIES.find((s) => s === value);
  if (!severity) throw new AppError('bad_request:input', `invalid --fail-on: expected ${SEVERITIES.join(', ')}`);
  return severity;
}

/** Exit code of a command run with `--fail-on`: 1 when an unacknowledged finding is at or above it, else 0. */
function gate(findings: Parameters<typeof failsAt>[0], failOn: Severity | undefined): number {
  return failOn && failsAt(findings, failOn) ? 1 : 0;
}

function out(text: string): void {
  process.stdout.write(text.endsWith('\n') ? text : `${text}\n`);
}

async function analyzeCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    options: { format: { type: 'string', default: 'json' }, 'fail-on': { type: 'string' }, packs: { type: 'string' } },
    allowPositionals: true,
  });
  const format = parseOption('format', formatSchema, values.format);
  const failOn = parseFailOn(values['fail-on']);
  if (positionals.length !== 1) throw new AppError('bad_request:input', 'analyze takes exactly one file');
  const file = positionals[0];
  const findings = await analyzeFile(file, { packs: parseRulePacks(values.packs) });
  if (format === 'sarif' || format === 'junit') {
    const templates = templateFilesOfText(file, await readFile(file, 'utf8'));
    out(exportFindings(format, { findings, templates, artifact: file, name: file }).body);
  } else
    out(format === 'json' ? JSON.stringify({ findings }) : renderModelFailures(findings, { title: `Findings: ${file}`, artifact: file }));
  return gate(findings, failOn);
}

async function reviewCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    options: {
      format: { type: 'string', default: 'json' },
      reference: { type: 'string' },
      model: { type: 'string' },
      'fail-on': { type: 'string' },
      packs: { type: 'string' },
    },
    allowPositionals: true,
  });
  if (positionals.length > 0) throw new AppError('bad_request:input', `unexpected argument: ${positionals[0]}`);
  const format = parseOption('format', formatSchema, values.format);
  const failOn = parseFailOn(values['fail-on']);
  const def = bundledReview();
  if (values.reference) def.reference = { label: 'reference', file: values.reference };
  if (values.model) def.model = { label: 'model', file: values.model };
  if (values.reference || values.model) def.id = 'cli';
  if (values.packs !== undefined) def.rulePacks = parseRulePacks(values.packs);
  const review = await runReview(def);
  if (review.reference.status === 'failed') process.stderr.write(`warning: reference: ${review.reference.message}\n`);
  const modelFindings = modelOwnFindings(review.findings);
  if (format === 'json') out(JSON.stringify(review));
  else if (format === 'md') out(renderModelFailures(modelFindings, { artifact: values.model ?? 'MODEL_RESPONSE.md' }));
  else
    out(
      exportFindings(format, {
        findings: modelFindings,
        templates: await modelTemplateFiles(def),
        artifact: review.model.origin,
        name: `review ${def.id}`,
      }).body,
    );
  return gate(modelFindings, failOn);
}

/** Runs the CLI; returns the exit code (0 on success, 1 when `--fail-on` is met, 2 when input cannot be read or parsed). */
export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  try {
    if (command === 'analyze') return await analyzeCommand(rest);
    else if (command === 'review') return await reviewCommand(rest);
    // Loaded on demand: the review commands should not pay for the auth and database libraries.
    else if (command === 'import') return await (await import('./import')).importCommand(rest, out);
    else if (command === 'user') await (await import('./users')).userCommand(rest, out);
    else if (command === 'token') await (await import('./users')).tokenCommand(rest, out);
    else if (!command || command === 'help' || command === '--help') out(USAGE);
    else throw new AppError('bad_request:input', `unknown command: ${command}\n${USAGE}`);
    return 0;
  } catch (error) {
    const message =
      error instanceof z.ZodError
        ? `invalid ${zodErrorMessage(error, optionName)}`
        : error instanceof Error
          ? error.message
          : String(error);
    process.stderr.write(`infra-review: ${message}\n`);
    return 2;
  }
}
