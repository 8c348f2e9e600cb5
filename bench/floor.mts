/*
 * The bare floor of a cold review: load the libraries a review uses (aws-cdk-lib, cloudformation-diff,
 * and cloudformation-validate's engine), synthesize the reference once, diff once. Nothing else, one thread.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const { CelEngine } = await import('@aws/cloudformation-validate');
const engine = new CelEngine();
const { fullDiff } = await import('@aws-cdk/cloudformation-diff');
const { buildReferenceApp } = await import(path.join(root, 'infra/lib/reference-stack.ts'));
const { app, stack } = buildReferenceApp();
const reference = app.synth().getStackByName(stack.stackName).template;
const model = JSON.parse(readFileSync(path.join(root, 'infra/model/model.template.json'), 'utf8'));
const diff = fullDiff(reference, model);
engine.free();
process.stdout.write(`${diff.differenceCount}\n`);
