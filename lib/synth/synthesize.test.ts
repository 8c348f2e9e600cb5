import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { synthesize } from './synthesize';

// A tiny CDK app in a scratch directory, so the test can edit its sources.
const dir = mkdtempSync(path.join(process.cwd(), '.synth-test-'));
const write = (file: string, text: string) => writeFileSync(path.join(dir, file), text);
write('name.ts', "export const topicName = 'first';\n");
write(
  'app.ts',
  `import { App, Stack } from 'aws-cdk-lib';
import * as sns from 'aws-cdk-lib/aws-sns';
import { topicName } from './name';
export function build(config: { suffix?: string } = {}) {
  const app = new App();
  const stack = new Stack(app, 'Tiny');
  new sns.Topic(stack, 'Topic' + (config.suffix ?? ''), { topicName });
  return { app, stack };
}
export function broken() { throw new Error('the stack refuses to build'); }
`,
);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('synthesize', () => {
  it('synthesizes a TypeScript CDK app in-process', async () => {
    const outcome = await synthesize({ appDir: dir, module: 'app.ts', builder: 'build' });
    expect(outcome.status).toBe('ok');
    if (outcome.status !== 'ok') return;
    expect(outcome.stackName).toBe('Tiny');
    const [topic] = Object.values(outcome.template.Resources);
    expect(topic.Properties?.TopicName).toBe('first');
  });

  it('does not synthesize again while sources and config are unchanged', async () => {
    const first = synthesize({ appDir: dir, module: 'app.ts', builder: 'build' });
    const second = synthesize({ appDir: dir, module: 'app.ts', builder: 'build' });
    expect(second).toBe(first);
  });

  it('synthesizes again when a source file changes, picking up the edit', async () => {
    write('name.ts', "export const topicName = 'second';\n");
    const outcome = await synthesize({ appDir: dir, module: 'app.ts', builder: 'build' });
    if (outcome.status !== 'ok') throw new Error(outcome.message);
    expect(Object.values(outcome.template.Resources)[0].Properties?.TopicName).toBe('second');
  });

  it('keys the cache on the config passed to the builder', async () => {
    const outcome = await synthesize({ appDir: dir, module: 'app.ts', builder: 'build', config: { suffix: 'B' } });
    if (outcome.status !== 'ok') throw new Error(outcome.message);
    expect(Object.keys(outcome.template.Resources)[0]).toMatch(/^TopicB/);
  });

  it('reports a failing synthesis as an explained state instead of throwing', async () => {
    const outcome = await synthesize({ appDir: dir, module: 'app.ts', builder: 'broken' });
    expect(outcome).toMatchObject({ status: 'failed' });
    if (outcome.status === 'failed') expect(outcome.message).toContain('the stack refuses to build');
  });

  it('reports a missing builder and a syntax error the same way', async () => {
    const missing = await synthesize({ appDir: dir, module: 'app.ts', builder: 'nope' });
    expect(missing.status === 'failed' && missing.message).toContain('does not export a function named nope');
    write('bad.ts', 'export function build( {');
    const bad = await synthesize({ appDir: dir, module: 'bad.ts', builder: 'build' });
    expect(bad.status).toBe('failed');
  });
});
