import { linkSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readAssembly } from './assembly';
import { contextEnv, readCdkJson } from './cdk-json';
import { planTypeScriptEntry } from './entry';
import { createSlots } from './slots';
import { permissionFlag } from './node-worker';
import { frameInside, unsafePath } from './workspace';

const root = mkdtempSync(path.join(os.tmpdir(), 'isolated-parts-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** A cloud assembly directory with `files` (name → JSON value or raw text). */
function assembly(name: string, files: Record<string, unknown>): string {
  const dir = path.join(root, name);
  mkdirSync(dir, { recursive: true });
  for (const [file, value] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), typeof value === 'string' ? value : JSON.stringify(value));
  }
  return dir;
}

const stackArtifact = (templateFile: string, stackName?: string) => ({
  type: 'aws:cloudformation:stack',
  properties: { templateFile, ...(stackName ? { stackName } : {}) },
});
const queue = { Resources: { Q: { Type: 'AWS::SQS::Queue' } } };

describe('readAssembly', () => {
  it('reads each stack of a manifest, nested stage assemblies included', () => {
    const dir = assembly('ok', {
      'manifest.json': {
        artifacts: {
          Top: stackArtifact('Top.template.json', 'TopStack'),
          Tree: { type: 'cdk:tree' },
          Stage: { type: 'cdk:cloud-assembly', properties: { directoryName: 'assembly-Stage' } },
        },
      },
      'Top.template.json': queue,
      'assembly-Stage/manifest.json': { artifacts: { Inner: stackArtifact('Inner.template.json') } },
      'assembly-Stage/Inner.template.json': {},
    });
    const read = readAssembly(dir, root);
    expect(read).toEqual({
      ok: true,
      stacks: [
        { stackName: 'TopStack', template: queue },
        { stackName: 'Inner', template: { Resources: {} } },
      ],
    });
  });

  it('refuses a template that is a symbolic link, a hard link, or a path leaving the assembly', () => {
    const secret = path.join(root, 'secret.json');
    writeFileSync(secret, JSON.stringify(queue));
    const linked = assembly('symlink', { 'manifest.json': { artifacts: { S: stackArtifact('S.template.json') } } });
    symlinkSync(secret, path.join(linked, 'S.template.json'));
    expect(readAssembly(linked, linked)).toMatchObject({ ok: false, message: expect.stringContaining('not a regular file') });
    const hard = assembly('hardlink', { 'manifest.json': { artifacts: { S: stackArtifact('S.template.json') } } });
    linkSync(secret, path.join(hard, 'S.template.json'));
    expect(readAssembly(hard, hard)).toMatchObject({ ok: false, message: expect.stringContaining('not a regular file') });
    const climbing = assembly('climb', { 'manifest.json': { artifacts: { S: stackArtifact('../secret.json') } } });
    expect(readAssembly(climbing, climbing)).toMatchObject({ ok: false, message: expect.stringContaining('outside the assembly') });
    const linkedDir = path.join(root, 'linked-dir');
    symlinkSync(path.join(root, 'ok'), linkedDir);
    expect(readAssembly(linkedDir, path.join(root, 'climb'))).toMatchObject({
      ok: false,
      message: expect.stringContaining('outside the assembly'),
    });
  });

  it('explains a missing or malformed manifest instead of throwing', () => {
    expect(readAssembly(path.join(root, 'nothing'), root)).toMatchObject({ ok: false });
    const bad = assembly('bad', { 'manifest.json': '{ not json' });
    expect(readAssembly(bad, bad)).toMatchObject({ ok: false, message: expect.stringContaining('cannot be read') });
  });
});

describe('planTypeScriptEntry', () => {
  const stack = (name: string, extra = '') => `import { Stack } from 'aws-cdk-lib';\nexport class ${name} extends Stack {}\n${extra}`;

  it('prefers a file under bin/ that creates an App', () => {
    const plan = planTypeScriptEntry([
      { path: 'lib/tap-stack.ts', text: stack('TapStack') },
      { path: 'app.ts', text: 'const app = new cdk.App();' },
      { path: 'bin/tap.ts', text: "const app = new App();\nnew TapStack(app, 'T');" },
    ]);
    expect(plan).toEqual({ kind: 'file', path: 'bin/tap.ts' });
  });

  it('among several apps under bin/, takes the first the answer gives (its main one, not a later variant)', () => {
    const app = "const app = new App();\nnew TapStack(app, 'T');";
    const plan = planTypeScriptEntry([
      { path: 'bin/tap.ts', text: app },
      { path: 'bin/tap-modular.ts', text: app },
    ]);
    expect(plan).toEqual({ kind: 'file', path: 'bin/tap.ts' });
  });

  it('generates an entry for the Stack class no other file instantiates', () => {
    const plan = planTypeScriptEntry([
      { path: 'lib/network-stack.ts', text: stack('NetworkStack') },
      { path: 'lib/main-stack.ts', text: stack('MainStack', "new NetworkStack(this, 'Net');") },
      { path: 'lib/nested.ts', text: 'export class Part extends NestedStack {}' },
    ]);
    expect(plan).toMatchObject({ kind: 'generated', stackClass: 'MainStack', module: './lib/main-stack' });
    expect(plan.kind === 'generated' && plan.text).toContain('new answer["MainStack"](app, "MainStack", {});');
  });

  it('says so when there is neither an App nor a Stack class, or the given entry is missing', () => {
    expect(planTypeScriptEntry([{ path: 'lib/x.ts', text: 'export const x = 1;' }])).toMatchObject({ kind: 'missing' });
    expect(planTypeScriptEntry([{ path: 'lib/x.ts', text: stack('X') }], 'bin/app.ts')).toMatchObject({
      kind: 'missing',
      message: expect.stringContaining('bin/app.ts'),
    });
  });
});

describe('workspace helpers', () => {
  it('flags absolute and climbing paths only', () => {
    expect(
      unsafePath([
        { path: 'lib/a.ts', text: '' },
        { path: 'bin/../lib/b.ts', text: '' },
      ]),
    ).toBeUndefined();
    expect(
      unsafePath([
        { path: 'lib/a.ts', text: '' },
        { path: '/etc/passwd', text: '' },
      ]),
    ).toBe('/etc/passwd');
    expect(unsafePath([{ path: 'lib/../../x.ts', text: '' }])).toBe('lib/../../x.ts');
    expect(unsafePath([{ path: '..\\x.ts', text: '' }])).toBe('..\\x.ts');
  });

  it('finds the first Node frame and the last Python frame inside the answer', () => {
    const node =
      'Error: no\n    at Object.x (node:internal/x:1:1)\n    at new TapStack (/s/src/lib/tap-stack.ts:12:5)\n    at Object.<anonymous> (/s/src/bin/app.ts:3:1)';
    expect(frameInside(node, '/s/src')).toEqual({ file: 'lib/tap-stack.ts', line: 12, column: 5 });
    const python =
      'Traceback (most recent call last):\n  File "/s/src/app.py", line 4, in <module>\n  File "/s/src/stacks/tap.py", line 9, in __init__\nValueError: bad';
    expect(frameInside(python, '/s/src')).toEqual({ file: 'stacks/tap.py', line: 9 });
    expect(frameInside('nothing here', '/s/src')).toBeUndefined();
  });
});

describe('createSlots', () => {
  it('runs at most `size` tasks at once, in arrival order, and frees a slot when a task fails', async () => {
    const slots = createSlots(2);
    const started: number[] = [];
    const gates = [0, 1, 2, 3].map(() => {
      let resolve!: () => void;
      const promise = new Promise<void>((r) => (resolve = r));
      return { promise, resolve };
    });
    const runs = gates.map((gate, i) =>
      slots.run(async () => {
        started.push(i);
        await gate.promise;
        if (i === 0) throw new Error('task 0 fails');
        return i;
      }),
    );
    await Promise.resolve();
    expect(started).toEqual([0, 1]);
    expect(slots.stats()).toEqual({ running: 2, waiting: 2 });
    gates[0].resolve();
    await expect(runs[0]).rejects.toThrow('task 0 fails');
    await new Promise((r) => setTimeout(r, 0));
    expect(started).toEqual([0, 1, 2]);
    gates.slice(1).forEach((g) => g.resolve());
    expect(await Promise.all(runs.slice(1))).toEqual([1, 2, 3]);
    expect(slots.stats()).toEqual({ running: 0, waiting: 0 });
  });
});

describe('readCdkJson', () => {
  it("takes the entry from the app command when that file is the answer's, and the context", () => {
    const files = [
      {
        path: 'cdk.json',
        text: JSON.stringify({
          app: 'npx ts-node --prefer-ts-exts ./src/main.ts',
          context: { '@aws-cdk/core:newStyleStackSynthesis': true },
        }),
      },
      { path: 'src/main.ts', text: '' },
    ];
    expect(readCdkJson(files)).toEqual({ appFile: 'src/main.ts', context: { '@aws-cdk/core:newStyleStackSynthesis': true } });
    expect(JSON.parse(contextEnv(files).CDK_CONTEXT_JSON)).toEqual({
      '@aws-cdk/core:newStyleStackSynthesis': true,
      'aws:cdk:bundling-stacks': [],
    });
  });

  it('ignores an app file that is not among the files, a malformed cdk.json and an oversized context', () => {
    expect(readCdkJson([{ path: 'cdk.json', text: '{"app": "python3 app.py"}' }])).toEqual({});
    expect(readCdkJson([{ path: 'cdk.json', text: '{ nope' }])).toEqual({});
    const oversized = contextEnv([{ path: 'cdk.json', text: JSON.stringify({ context: { big: 'x'.repeat(70_000) } }) }]);
    expect(JSON.parse(oversized.CDK_CONTEXT_JSON)).toEqual({ 'aws:cdk:bundling-stacks': [] });
  });

  it('gives the app the region the CDK CLI defaults to, and no account (the CLI has one only from credentials)', () => {
    const env = contextEnv([{ path: 'bin/app.ts', text: '' }]);
    expect(env.CDK_DEFAULT_REGION).toBe('us-east-1');
    expect(env).not.toHaveProperty('CDK_DEFAULT_ACCOUNT');
  });
});

describe('permissionFlag', () => {
  it("names the permission model's flag as each Node version spells it", () => {
    expect(permissionFlag('20.20.2')).toBe('--experimental-permission');
    expect(permissionFlag('22.12.0')).toBe('--experimental-permission');
    expect(permissionFlag('22.13.0')).toBe('--permission');
    expect(permissionFlag('24.1.0')).toBe('--permission');
  });
});

describe('readAssembly limits', () => {
  it('refuses an assembly with more than 200 stacks', () => {
    const artifacts = Object.fromEntries(Array.from({ length: 201 }, (_, i) => [`S${i}`, stackArtifact('t.json')]));
    const dir = assembly('many', { 'manifest.json': { artifacts }, 't.json': queue });
    expect(readAssembly(dir, dir)).toMatchObject({ ok: false, message: expect.stringContaining('more than 200') });
  });
});
