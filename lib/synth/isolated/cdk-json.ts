import { readFileSync } from 'node:fs';
import path from 'node:path';
import { appNodeModules } from './node-worker';
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

/** Context an answer's documentation asks for on the command line (`-c environmentSuffix=dev`), used when its code reads the key with no fallback of its own. */
export const DEFAULT_CONTEXT: Readonly<Record<string, unknown>> = { environmentSuffix: 'dev' };

/**
 * The DEFAULT_CONTEXT keys some file of the answer reads with no fallback (`tryGetContext('environmentSuffix')` not
 * followed by `||` or `??`): those it expects from the command line. A key read with a fallback keeps the answer's own default.
 */
export function contextDefaults(files: readonly AnswerFile[]): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(DEFAULT_CONTEXT).filter(([key]) =>
      files.some((f) => new RegExp(`tryGetContext\\(\\s*['"\`]${key}['"\`]\\s*\\)(?!\\s*(\\|\\||\\?\\?))`).test(f.text)),
    ),
  );
}

/** CDK's context key naming the stacks whose assets are bundled; `[]` skips bundling, as `cdk synth --exclusively` and `cdk diff` do for unselected stacks. */
export const BUNDLING_STACKS = 'aws:cdk:bundling-stacks';

let recommended: Record<string, unknown> | undefined;

/** The feature flags `cdk init` writes into a new app's cdk.json, from the installed aws-cdk-lib. */
export function recommendedFeatureFlags(): Record<string, unknown> {
  recommended ??= JSON.parse(readFileSync(path.join(appNodeModules(), 'aws-cdk-lib', 'recommended-feature-flags.json'), 'utf8')) as Record<
    string,
    unknown
  >;
  return recommended;
}

/**
 * The context an answer is synthesized with, as on a developer's machine after `cdk init`: the feature flags `cdk init`
 * writes when the answer brings no cdk.json of its own, contextDefaults, then cdk.json's context (unless `withCdkJson`
 * is false); bundling is always skipped (it starts esbuild or Docker, which the worker may not).
 */
export function synthContext(files: readonly AnswerFile[], withCdkJson = true): Record<string, unknown> {
  const flags = files.some((f) => f.path === 'cdk.json') ? {} : recommendedFeatureFlags();
  return { ...flags, ...contextDefaults(files), ...(withCdkJson ? readCdkJson(files).context : {}), [BUNDLING_STACKS]: [] };
}

/** Region the CDK CLI gives an app when no profile or AWS_REGION names one; an app reads it as `CDK_DEFAULT_REGION`. */
export const CLI_DEFAULT_REGION = 'us-east-1';

/**
 * The environment the CDK CLI gives an app: `CDK_CONTEXT_JSON` (synthContext; cdk.json's context is left out beyond
 * 64 KB) and `CDK_DEFAULT_REGION`. No `CDK_DEFAULT_ACCOUNT`: the CLI sets it only from credentials, which the worker never has.
 */
export function contextEnv(files: readonly AnswerFile[]): Record<string, string> {
  const json = JSON.stringify(synthContext(files));
  // An environment string is limited to 128 KB on Linux; beyond 64 KB the answer's context is left out rather than failing the start.
  const context = json.length <= 64 * 1024 ? json : JSON.stringify(synthContext(files, false));
  return { CDK_CONTEXT_JSON: context, CDK_DEFAULT_REGION: CLI_DEFAULT_REGION };
}
