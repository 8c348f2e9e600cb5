import fs from 'node:fs';
import path from 'node:path';
import { synthesizeTemplate } from '../lib/synth';
import { buildModelApp } from './model-stack';

/** Path of the committed template of the model's stack; model-stack.test.ts fails when it drifts. */
export const MODEL_TEMPLATE_PATH = path.join(__dirname, 'model.template.json');

/** The committed file's exact text for a template: 1-space indented JSON and a final newline. */
export function formatTemplate(template: unknown): string {
  return `${JSON.stringify(template, null, 1)}\n`;
}

// Run as a script (`npx tsx infra/model/generate.ts`), not when imported by the test.
if (process.argv[1] && path.resolve(process.argv[1]) === __filename) {
  fs.writeFileSync(MODEL_TEMPLATE_PATH, formatTemplate(synthesizeTemplate(buildModelApp())));
  console.log(`wrote ${path.relative(process.cwd(), MODEL_TEMPLATE_PATH)}`);
}
