/* The bare floor of a cold review: load the libraries, synthesize the reference once, diff once. Nothing else. */
import { readFileSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const { fullDiff } = await import('@aws-cdk/cloudformation-diff');
const { buildReferenceApp } = await import(path.join(root, 'infra/lib/reference-stack.ts'));
const { app, stack } = buildReferenceApp();
const reference = app.synth().getStackByName(stack.stackName).template;
const model = JSON.parse(readFileSync(path.join(root, 'infra/model/model.template.json'), 'utf8'));
const diff = fullDiff(reference, model);
process.stdout.write(`${diff.differenceCount}\n`);
