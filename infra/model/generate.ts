import fs from 'node:fs';
import path from 'node:path';
import type { App, Stack } from 'aws-cdk-lib';
import { synthesizeTemplate } from '../lib/synth';
import { buildModelApp } from './model-stack';

/** Path of the committed template of the model's stack; model-stack.test.ts fails when it drifts. */
export const MODEL_TEMPLATE_PATH = path.join(__dirname, 'model.template.json');
/** Path of the committed construct path of each resource of that template (it has no construct metadata); tested the same way. */
export const MODEL_CONSTRUCTS_PATH = path.join(__dirname, 'model.constructs.json');

/** Logical ID → construct path (without the leading `/`) of each resource of `stack`, from the assembly's `aws:cdk:logicalId` metadata. */
export function constructPathsOf(built: { app: App; stack: Stack }): Record<string, string> {
  const assembly = built.app.synth();
  try {
    const artifact = assembly.getStackArtifact(built.stack.artifactId);
    const resources = (artifact.template as { Resources: Record<string, unknown> }).Resources;
    const entries = artifact.findMetadataByType('aws:cdk:logicalId').filter((e) => Object.hasOwn(resources, String(e.data)));
    return Object.fromEntries(entries.map((e) => [String(e.data), e.path.replace(/^\//, '')]).sort(([a], [b]) => a.localeCompare(b)));
  } finally {
    fs.rmSync(assembly.directory, { recursive: true, force: true });
  }
}

/** The committed file's exact text for a template: 1-space indented JSON and a final newline. */
export function formatTemplate(template: unknown): string {
  return `${JSON.stringify(template, null, 1)}\n`;
}

// Run as a script (`npx tsx infra/model/generate.ts`), not when imported by the test.
if (process.argv[1] && path.resolve(process.argv[1]) === __filename) {
  fs.writeFileSync(MODEL_TEMPLATE_PATH, formatTemplate(synthesizeTemplate(buildModelApp())));
  fs.writeFileSync(MODEL_CONSTRUCTS_PATH, formatTemplate(constructPathsOf(buildModelApp())));
  console.log(`wrote ${path.relative(process.cwd(), MODEL_TEMPLATE_PATH)} and ${path.relative(process.cwd(), MODEL_CONSTRUCTS_PATH)}`);
}
