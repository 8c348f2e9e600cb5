import type { AnswerFile } from './types';

/** What an answer's `cdk.json` says: the file its `app` command runs, and the context (feature flags) the CLI would pass. */
export interface CdkJson {
  appFile?: string;
  context?: Record<string, unknown>;
}

/**
 * Reads the answer's root `cdk.json` as the CDK CLI would: `app` (e.g. `npx ts-node --prefer-ts-exts bin/tap.ts`,
 * `python3 app.py`) names the entry when that file is among the answer's files; `context` becomes CDK_CONTEXT_JSON.
 * A missing or malformed cdk.json gives `{}`.
 */
export function readCdkJson(files: readonly AnswerFile[]): CdkJson {
  const file = files.find((f) => f.path === 'cdk.json');
  if (!file) return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(file.text);
  } catch {
    return {};
  }
  if (!parsed || typeof parsed !== 'object') return {};
  const { app, context } = parsed as { app?: unknown; context?: unknown };
  const result: CdkJson = {};
  if (typeof app === 'string') {
    const named = app
      .split(/\s+/)
      .map((word) => word.replace(/^\.\//, ''))
      .find((word) => files.some((f) => f.path === word));
    if (named) result.appFile = named;
  }
  if (context && typeof context === 'object' && !Array.isArray(context)) result.context = context as Record<string, unknown>;
  return result;
}

/** `CDK_CONTEXT_JSON` for the worker when the answer's cdk.json has context (up to 64 KB), as the CDK CLI sets it; else nothing. */
export function contextEnv(files: readonly AnswerFile[]): Record<string, string> {
  const { context } = readCdkJson(files);
  const json = context ? JSON.stringify(context) : '';
  // An environment string is limited to 128 KB on Linux; beyond 64 KB the context is left out rather than failing the start.
  return json && json.length <= 64 * 1024 ? { CDK_CONTEXT_JSON: json } : {};
}
