import { AppError } from '../errors';
import type { InlineFile } from '../pipeline/types';
import type { ReviewFile } from './input';
import type { ReviewPlan } from './plan-types';
import { promptTitle } from './prompt-title';

/** Where a task's ideal CloudFormation template may be, in order of preference. */
const IDEAL_TEMPLATES = ['lib/TapStack.yml', 'lib/TapStack.yaml', 'lib/TapStack.json'];
const CODE_FILE = /^(lib|bin)\/.+\.(ts|py)$/;
const NOT_CODE = /(^|\/)(node_modules|cdk\.out|test|tests|__pycache__)\/|\.d\.ts$|\.test\.ts$/;

/** Platform names as tasks write them, normalized: `cfn`, `cdk`, `cdktf`, `pulumi`, `terraform`, ... */
export function normalizePlatform(value: unknown): string {
  const text = typeof value === 'string' ? value.trim().toLowerCase() : '';
  if (['cfn', 'cloudformation', 'aws-cloudformation'].includes(text)) return 'cfn';
  if (['cdk', 'aws-cdk'].includes(text)) return 'cdk';
  if (['tf', 'terraform', 'hcl'].includes(text)) return 'terraform';
  return text || 'unknown';
}

/** Language names normalized: `ts`, `py`, `yaml`, `json`, `js`, `go`, `java`, ... */
export function normalizeLanguage(value: unknown): string {
  const text = typeof value === 'string' ? value.trim().toLowerCase() : '';
  return (
    ({ typescript: 'ts', python: 'py', yml: 'yaml', javascript: 'js', golang: 'go' } as Record<string, string>)[text] ?? (text || 'unknown')
  );
}

/**
 * Plans a review from a task folder's files (`PROMPT.md`, `MODEL_RESPONSE.md`, `IDEAL_RESPONSE.md`, optional
 * `MODEL_FAILURES.md`, `metadata.json`, the ideal code): CloudFormation tasks compare templates, CDK tasks get their
 * code synthesized in isolation when analyzed (TypeScript; Python with a configured toolchain), other platforms are kept and marked not supported.
 * Throws `bad_request:input` naming what is missing.
 */
export function planTask(files: readonly ReviewFile[], fallbackName?: string): ReviewPlan {
  const byPath = new Map(files.map((f) => [f.path.replace(/^\.\//, ''), f.text]));
  const response = byPath.get('MODEL_RESPONSE.md');
  if (response === undefined) throw new AppError('bad_request:input', 'no MODEL_RESPONSE.md: a task needs the model’s answer');
  const metadata = parseMetadata(byPath.get('metadata.json'));
  const idealTemplate = IDEAL_TEMPLATES.find((p) => byPath.has(p));
  const code = [...byPath.keys()].filter((p) => CODE_FILE.test(p) && !NOT_CODE.test(p)).sort();
  const platform = normalizePlatform(metadata.platform ?? (idealTemplate ? 'cfn' : code.length > 0 ? 'cdk' : undefined));
  const language = normalizeLanguage(metadata.language ?? (idealTemplate ? idealTemplate.split('.').pop() : code[0]?.split('.').pop()));
  const ideal = byPath.get('IDEAL_RESPONSE.md');
  const model: InlineFile[] = [{ name: 'MODEL_RESPONSE.md', text: response, role: 'markdown' }];
  const common = {
    kind: 'task' as const,
    name: metadata.name ?? fallbackName ?? promptTitle(byPath.get('PROMPT.md')) ?? 'Task',
    platform,
    language,
    prompt: byPath.get('PROMPT.md') ?? null,
    modelFailures: byPath.get('MODEL_FAILURES.md') ?? null,
    metadata: metadata.raw,
  };
  if (platform === 'cfn') {
    const reference: InlineFile[] = idealTemplate
      ? [{ name: idealTemplate, text: byPath.get(idealTemplate)!, role: 'template' }]
      : ideal !== undefined
        ? [{ name: 'IDEAL_RESPONSE.md', text: ideal, role: 'markdown' }]
        : [];
    if (reference.length === 0)
      throw new AppError('bad_request:input', 'no reference: a CloudFormation task needs lib/TapStack.yml|json or IDEAL_RESPONSE.md');
    return { ...common, status: 'pending', statusNote: null, reference: { files: reference }, model: { files: model } };
  }
  const referenceFiles: InlineFile[] =
    code.length > 0
      ? code.map((p) => ({ name: p, text: byPath.get(p)!, role: 'source' as const }))
      : ideal !== undefined
        ? [{ name: 'IDEAL_RESPONSE.md', text: ideal, role: 'markdown' }]
        : [];
  if (referenceFiles.length === 0)
    throw new AppError('bad_request:input', 'no reference: the task has neither ideal code (lib/, bin/) nor IDEAL_RESPONSE.md');
  if (platform === 'cdk' && (language === 'ts' || language === 'py')) {
    // Untrusted code: synthesized in a contained process when the review is analyzed (lib/synth/isolated).
    return {
      ...common,
      status: 'pending',
      statusNote: null,
      reference: { files: referenceFiles, synthesize: language },
      model: { files: model, synthesize: language },
    };
  }
  const note = `platform ${platform}/${language} is not supported: source rules only, no template analysis`;
  return {
    ...common,
    status: 'unsupported',
    statusNote: note,
    reference: { files: referenceFiles, note },
    model: { files: model, note },
  };
}

/** metadata.json's platform, language and name; a missing or broken file gives nothing (the layout decides). */
function parseMetadata(text: string | undefined): { platform?: string; language?: string; name?: string; raw: Record<string, unknown> } {
  if (text === undefined) return { raw: {} };
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new AppError('bad_request:input', 'metadata.json is not valid JSON');
  }
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) throw new AppError('bad_request:input', 'metadata.json is not a JSON object');
  const record = raw as Record<string, unknown>;
  const str = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : undefined);
  return { platform: str(record.platform), language: str(record.language), name: str(record.name) ?? str(record.title), raw: record };
}
