import { rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { CfnTemplate, ConstructRecord } from '../templates/types';
import { constructRecords, creationFrame, type MetadataEntry } from './constructs';
import { hashSources } from './sources';

/** Outcome of synthesizing a CDK app: its template, or an explained failure (never a thrown error). */
export type SynthOutcome =
  | {
      status: 'ok';
      template: CfnTemplate;
      stackName: string;
      /** Each resource's construct by logical ID (lib/synth/constructs): path and, from its creation stack, the line of the app's sources. */
      constructs: Record<string, ConstructRecord>;
      sourceHash: string;
      durationMs: number;
    }
  | { status: 'failed'; message: string; detail?: string; sourceHash: string; durationMs: number };

/** Which CDK app to synthesize: a TypeScript module under `appDir` exporting a builder function. */
export interface SynthTarget {
  /** Directory whose sources key the cache (e.g. `infra`). */
  appDir: string;
  /** Module path relative to `appDir` (e.g. `lib/reference-stack.ts`). */
  module: string;
  /** Exported function returning `{ app, stack }`. */
  builder: string;
  /** Passed to the builder; part of the cache key. */
  config?: Record<string, unknown>;
}

interface BuiltApp {
  app: {
    synth(options?: unknown): {
      directory: string;
      getStackByName(name: string): { template: unknown; findMetadataByType(type: string): MetadataEntry[] };
    };
  };
  stack: { stackName: string; node?: unknown };
}

const cache = new Map<string, Promise<SynthOutcome>>();

/** Synthesizes a target in-process, once per distinct (sources, config): a warm call with unchanged sources does not re-synthesize. */
export function synthesize(target: SynthTarget): Promise<SynthOutcome> {
  const appDir = path.resolve(target.appDir);
  const sourceHash = hashSources(appDir, JSON.stringify([target.module, target.builder, target.config ?? {}]));
  let outcome = cache.get(sourceHash);
  if (!outcome) {
    outcome = run({ ...target, appDir }, sourceHash);
    cache.set(sourceHash, outcome);
  }
  return outcome;
}

async function run(target: SynthTarget, sourceHash: string): Promise<SynthOutcome> {
  const started = performance.now();
  try {
    const mod = await importFresh(target.appDir, target.module);
    const build = mod[target.builder] as ((config?: unknown) => BuiltApp) | undefined;
    if (typeof build !== 'function') throw new Error(`${target.module} does not export a function named ${target.builder}`);
    const { app, stack } = build(target.config ?? {});
    const assembly = app.synth();
    let template: CfnTemplate;
    let constructs: Record<string, ConstructRecord>;
    try {
      const artifact = assembly.getStackByName(stack.stackName);
      template = artifact.template as CfnTemplate;
      const entries = ['aws:cdk:logicalId', 'aws:cdk:creationStack'].flatMap((type) =>
        artifact.findMetadataByType(type).map((e) => ({ ...e, type })),
      );
      constructs = constructRecords(entries, template.Resources ?? {}, (trace) => creationFrame(trace, process.cwd()));
    } finally {
      rmSync(assembly.directory, { recursive: true, force: true });
    }
    return { status: 'ok', template, stackName: stack.stackName, constructs, sourceHash, durationMs: performance.now() - started };
  } catch (error) {
    const err = error as Error;
    return {
      status: 'failed',
      message: `Synthesis of ${target.module} failed: ${err?.message ?? String(error)}`,
      detail: err?.stack,
      sourceHash,
      durationMs: performance.now() - started,
    };
  }
}

/** Imports a TypeScript module with tsx, dropping earlier copies of the app's own modules so edits take effect. */
async function importFresh(appDir: string, modulePath: string): Promise<Record<string, unknown>> {
  const { tsImport } = await import('tsx/esm/api');
  const requireCache = createRequire(path.join(appDir, 'index.js')).cache;
  for (const key of Object.keys(requireCache)) if (key.startsWith(appDir + path.sep)) delete requireCache[key];
  const mod = (await tsImport(pathToFileURL(path.join(appDir, modulePath)).href, pathToFileURL(appDir + path.sep).href)) as Record<
    string,
    unknown
  >;
  // A CommonJS module imported from ESM exposes its exports under `default` too.
  return { ...((mod.default as Record<string, unknown>) ?? {}), ...mod };
}
