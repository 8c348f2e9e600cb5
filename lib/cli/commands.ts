import { parseArgs } from 'node:util';
import { z } from 'zod';
import { AppError } from '../errors';
import { renderModelFailures } from '../report/model-failures';
import { analyzeFile } from '../review/analyze-file';
import { bundledReview } from '../review/bundled';
import { runReview } from '../review/run';

const USAGE = `usage: infra-review <command> [options]

commands:
  analyze <file> [--format json|md]     findings for one template (.json/.yaml/.yml) or markdown answer (.md)
  review [--reference <file>] [--model <file>] [--format json|md]
                                         the full review; defaults: the infra/ reference (synthesized) and the bundled model
  import <folder>... [--no-analyze] [--concurrency N] [--json]
                                         store task folders (or folders of them) as reviews; exit 1 when some failed
  user add|list|set-role, token create|list|revoke
                                         accounts and API tokens on the configured database (user help, token help)
`;

const formatSchema = z.enum(['json', 'md']);

function out(text: string): void {
  process.stdout.write(text.endsWith('\n') ? text : `${text}\n`);
}

async function analyzeCommand(args: string[]): Promise<void> {
  const { values, positionals } = parseArgs({ args, options: { format: { type: 'string', default: 'json' } }, allowPositionals: true });
  const format = formatSchema.parse(values.format);
  if (positionals.length !== 1) throw new AppError('bad_request:input', 'analyze takes exactly one file');
  const findings = await analyzeFile(positionals[0]);
  out(format === 'json' ? JSON.stringify({ findings }) : renderModelFailures(findings, { title: `Findings: ${positionals[0]}`, artifact: positionals[0] }));
}

async function reviewCommand(args: string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args,
    options: { format: { type: 'string', default: 'json' }, reference: { type: 'string' }, model: { type: 'string' } },
    allowPositionals: true,
  });
  if (positionals.length > 0) throw new AppError('bad_request:input', `unexpected argument: ${positionals[0]}`);
  const format = formatSchema.parse(values.format);
  const def = bundledReview();
  if (values.reference) def.reference = { label: 'reference', file: values.reference };
  if (values.model) def.model = { label: 'model', file: values.model };
  if (values.reference || values.model) def.id = 'cli';
  const review = await runReview(def);
  if (review.reference.status === 'failed') process.stderr.write(`warning: reference: ${review.reference.message}\n`);
  if (format === 'json') return out(JSON.stringify(review));
  out(renderModelFailures(review.findings.filter((f) => f.side === 'model'), { artifact: values.model ?? 'MODEL_RESPONSE.md' }));
}

/** Runs the CLI; returns the exit code (0 on success, 2 when input cannot be read or parsed). */
export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  try {
    if (command === 'analyze') await analyzeCommand(rest);
    else if (command === 'review') await reviewCommand(rest);
    // Loaded on demand: the review commands should not pay for the auth and database libraries.
    else if (command === 'import') return await (await import('./import')).importCommand(rest, out);
    else if (command === 'user') await (await import('./users')).userCommand(rest, out);
    else if (command === 'token') await (await import('./users')).tokenCommand(rest, out);
    else if (!command || command === 'help' || command === '--help') out(USAGE);
    else throw new AppError('bad_request:input', `unknown command: ${command}\n${USAGE}`);
    return 0;
  } catch (error) {
    const message =
      error instanceof z.ZodError ? `invalid --format: expected json or md` : error instanceof Error ? error.message : String(error);
    process.stderr.write(`infra-review: ${message}\n`);
    return 2;
  }
}
