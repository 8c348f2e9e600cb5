import { z } from 'zod';
import { AppError } from '../../errors';
import { pythonToolchain, synthesizePython } from './python';
import { SYNTH_SLOTS } from './slots';
import { DEFAULT_LIMITS, SUPPORTED_LANGUAGES, type IsolatedSynthRequest, type IsolatedSynthResult } from './types';
import { synthesizeTypeScript } from './typescript';
import { unsafePath } from './workspace';

export * from './types';
export { isolatedSynthFindings } from './findings';

const Request = z.object({
  files: z
    .array(z.object({ path: z.string().max(1024), text: z.string().max(4 * 1024 * 1024) }))
    .min(1)
    .max(2000),
  entry: z.string().max(1024).optional(),
  language: z.string(),
  limits: z
    .object({
      timeoutMs: z
        .number()
        .int()
        .min(100)
        .max(30 * 60_000)
        .optional(),
      memoryMb: z.number().int().min(32).max(16_384).optional(),
      rssSlackMb: z.number().int().min(0).max(16_384).optional(),
      fileMb: z.number().int().min(1).max(1_000_000).optional(),
      outputBytes: z
        .number()
        .int()
        .min(1024)
        .max(16 * 1024 * 1024)
        .optional(),
    })
    .optional(),
  network: z.enum(['auto', 'module']).optional(),
  typeCheck: z.boolean().optional(),
});

/**
 * Compiles and synthesizes an untrusted CDK answer in a separate, contained process: a fresh scratch directory
 * (removed afterwards), an empty environment, a wall-clock and a memory limit, no network, and for TypeScript
 * Node's permission model (reads: the scratch directory and the app's node_modules; writes: the scratch
 * directory; no child processes). Python runs with the installed Python CDK toolchain (pythonToolchain); other languages
 * are `unsupported`. At most one worker per core runs at once; further calls wait. Never throws for the answer's faults; throws AppError `bad_request:input` for a malformed request.
 */
export async function synthesizeIsolated(request: IsolatedSynthRequest): Promise<IsolatedSynthResult> {
  const parsed = Request.safeParse(request);
  if (!parsed.success) throw new AppError('bad_request:input', `Invalid synthesis request: ${parsed.error.issues[0]?.message}`);
  const { files, entry, language } = parsed.data;
  const limits = { ...DEFAULT_LIMITS, ...parsed.data.limits };
  const unsafe = unsafePath(files) ?? (entry !== undefined ? unsafePath([{ path: entry, text: '' }]) : undefined);
  if (unsafe !== undefined) {
    return {
      status: 'failed',
      stage: 'sandbox',
      message: `The file path ${JSON.stringify(unsafe)} leaves the answer's directory.`,
      diagnostics: [],
      durationMs: 0,
    };
  }
  if (language === 'typescript')
    return SYNTH_SLOTS.run(() => synthesizeTypeScript(files, entry, limits, parsed.data.network ?? 'auto', parsed.data.typeCheck ?? false));
  if (language === 'python') {
    const python = pythonToolchain();
    if (python) return SYNTH_SLOTS.run(() => synthesizePython(python, files, entry, limits));
    return {
      status: 'unsupported',
      language,
      supported: SUPPORTED_LANGUAGES,
      message:
        'Python CDK answers get source rules only: no Python CDK toolchain is installed (run scripts/ensure-python-cdk.sh, or set INFRA_REVIEW_PYTHON to a python with aws-cdk-lib installed).',
    };
  }
  return {
    status: 'unsupported',
    language,
    supported: SUPPORTED_LANGUAGES,
    message: `CDK answers in ${language || 'an unknown language'} are not supported; only ${SUPPORTED_LANGUAGES.join(' and ')} answers can be synthesized.`,
  };
}
