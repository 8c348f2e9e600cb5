import { mkdtempSync, realpathSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BUNDLING_STACKS, recommendedFeatureFlags, synthContext } from './cdk-json';
import { isTestFile } from './compile';
import { GENERATED_ENTRY, planTypeScriptEntry } from './entry';
import { isolatedSynthFindings } from './findings';
import { interpretRun, type RunContext } from './interpret';
import type { ContainedRun } from './sandbox';
import { DEFAULT_LIMITS } from './types';
import { ancestorStats } from './workspace';

/* The conventions of a `cdk init` app that the isolated synthesis follows, and how it tells its own faults from the answer's. */

const scratch = realpathSync(mkdtempSync(path.join(os.tmpdir(), 'conventions-')));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('isTestFile', () => {
  it('names test/, tests/, __tests__/ and *.test.* / *.spec.* files, not sources that merely mention tests', () => {
    for (const file of ['test/tap.test.ts', 'tests/unit.ts', 'lib/__tests__/a.ts', 'lib/a.spec.ts', 'lib/b.test.js'])
      expect(isTestFile(file)).toBe(true);
    for (const file of ['lib/tap-stack.ts', 'lib/test-harness-stack.ts', 'bin/tap.ts', 'lib/lambda/contest.ts'])
      expect(isTestFile(file)).toBe(false);
  });
});

describe('planTypeScriptEntry: Stack classes', () => {
  it("follows the answer's own class hierarchy: an abstract base in another file, a `cdk.Stack` base, a Stack alias", () => {
    const plan = planTypeScriptEntry([
      { path: 'lib/base-stack.ts', text: "import * as cdk from 'aws-cdk-lib';\nexport abstract class BaseStack extends cdk.Stack {}\n" },
      { path: 'lib/tap-stack.ts', text: "import { BaseStack } from './base-stack';\nexport class ServiceStack extends BaseStack {}\n" },
    ]);
    expect(plan).toMatchObject({ kind: 'generated', stackClass: 'ServiceStack', module: './lib/tap-stack' });
    const aliased = planTypeScriptEntry([
      { path: 'lib/app-stack.ts', text: "import { Stack as CdkStack } from 'aws-cdk-lib';\nexport class AppStack extends CdkStack {}\n" },
    ]);
    expect(aliased).toMatchObject({ kind: 'generated', stackClass: 'AppStack' });
  });

  it('never picks an abstract class or a NestedStack', () => {
    const plan = planTypeScriptEntry([
      { path: 'lib/base.ts', text: 'export abstract class BaseStack extends Stack {}\nexport class Part extends NestedStack {}\n' },
    ]);
    expect(plan).toMatchObject({ kind: 'missing' });
  });

  it('passes the environment props the constructor requires, from context or `dev`, and none that are optional', () => {
    const required = planTypeScriptEntry([
      {
        path: 'lib/tap-stack.ts',
        text: `import * as cdk from 'aws-cdk-lib';
interface TapStackProps extends cdk.StackProps {
  environmentSuffix: string;
  vpcCidr?: string;
}
export class TapStack extends cdk.Stack {
  constructor(scope: Construct, id: string, props: TapStackProps) { super(scope, id, props); }
}
`,
      },
    ]);
    expect(required).toMatchObject({ kind: 'generated', props: ['environmentSuffix'] });
    expect(required.kind === 'generated' && required.text).toContain(`props[name] = app.node.tryGetContext(name) ?? 'dev'`);
    const optional = planTypeScriptEntry([
      {
        path: 'lib/tap-stack.ts',
        text: 'interface P extends StackProps { environmentSuffix?: string }\nexport class TapStack extends Stack {\n  constructor(scope: Construct, id: string, props?: P) { super(scope, id, props); }\n}\n',
      },
    ]);
    expect(optional).toMatchObject({ kind: 'generated', props: [] });
  });
});

describe('synthContext', () => {
  it("uses cdk init's feature flags without a cdk.json, the answer's context with one, and always skips bundling", () => {
    const bare = synthContext([{ path: 'lib/a.ts', text: '' }]);
    expect(bare).toMatchObject({ ...recommendedFeatureFlags(), [BUNDLING_STACKS]: [] });
    expect(bare['@aws-cdk/aws-ec2:restrictDefaultSecurityGroup']).toBe(true);
    const own = synthContext([{ path: 'cdk.json', text: JSON.stringify({ context: { stage: 'qa', [BUNDLING_STACKS]: ['**'] } }) }]);
    expect(own).toEqual({ stage: 'qa', [BUNDLING_STACKS]: [] });
  });

  it('supplies environmentSuffix only when the code reads it without a fallback of its own', () => {
    const withFallback = synthContext([{ path: 'bin/tap.ts', text: "const s = app.node.tryGetContext('environmentSuffix') || 'prod';" }]);
    expect(withFallback.environmentSuffix).toBeUndefined();
    const expected = synthContext([{ path: 'bin/tap.ts', text: "const s: string = app.node.tryGetContext('environmentSuffix');" }]);
    expect(expected.environmentSuffix).toBe('dev');
    const documented = synthContext([
      { path: 'bin/tap.ts', text: "app.node.tryGetContext('environmentSuffix');" },
      { path: 'cdk.json', text: JSON.stringify({ context: { environmentSuffix: 'pr42' } }) },
    ]);
    expect(documented.environmentSuffix).toBe('pr42');
  });
});

describe('ancestorStats', () => {
  it('holds the stat of every directory above the scratch directory up to /, and nothing inside them', () => {
    const stats = ancestorStats(scratch);
    const parents = scratch
      .split('/')
      .slice(1, -1)
      .map((_, i, parts) => `/${parts.slice(0, parts.length - i).join('/')}`);
    expect(Object.keys(stats)).toEqual([...parents, '/']);
    expect(Object.keys(stats)).not.toContain(scratch);
    expect(stats[path.dirname(scratch)].ino).toBe(statSync(path.dirname(scratch)).ino);
  });
});

describe('interpretRun: tool faults and answer faults', () => {
  const nodeModules = '/app/node_modules';
  const ctx = (answer: RunContext['answer'] = []): RunContext => ({
    scratch,
    src: path.join(scratch, 'src'),
    outdir: path.join(scratch, 'cdk.out'),
    nodeModules,
    answer,
    limits: DEFAULT_LIMITS,
    containment: { network: 'module', filesystem: 'permission-model' },
    durationMs: 1,
  });
  const reported = (report: object): ContainedRun => ({
    exitCode: 70,
    signal: null,
    killedFor: null,
    stdout: '',
    stderr: '',
    report: `${JSON.stringify({ status: 'failed', ...report })}\n`,
  });
  const denied = (resource: string, caller: string) =>
    reported({
      stage: 'sandbox',
      code: 'ERR_ACCESS_DENIED',
      resource,
      message: `Access to this API has been restricted (FileSystemRead: ${resource})`,
      stack: `Error: Access to this API has been restricted\n    at Object.statSync (node:fs:1681:25)\n    at Object.statSync (${nodeModules}/aws-cdk-lib/core/lib/private/perf.js:1:778)\n    at ${caller}\n    at new TapStack (${scratch}/src/lib/tap-stack.js:9:5)`,
    });

  it('calls a refusal that a CDK library meets above the scratch directory a tool failure, with no finding', () => {
    const result = interpretRun(
      denied(path.dirname(scratch), `checkParentPathsSync (${nodeModules}/fs-extra/lib/util/stat.js:134:19)`),
      ctx(),
    );
    expect(result).toMatchObject({ status: 'failed', stage: 'tool' });
    expect(result.status === 'failed' && result.message).toMatch(/not the answer's code/);
    expect(isolatedSynthFindings(result)).toEqual([]);
  });

  it("keeps a refusal made by the answer's own code, or of a path of the answer's choosing, as the answer's sandbox finding", () => {
    const own = interpretRun(denied(path.dirname(scratch), `Object.<anonymous> (${scratch}/src/lib/tap-stack.js:4:1)`), ctx());
    expect(own).toMatchObject({ status: 'failed', stage: 'sandbox' });
    expect(isolatedSynthFindings(own)[0]).toMatchObject({ rule: 'cdk-sandbox', location: { file: 'lib/tap-stack.js' } });
    const chosen = interpretRun(denied('/etc/shadow', `copySync (${nodeModules}/fs-extra/lib/copy/copy-sync.js:28:8)`), ctx());
    expect(chosen).toMatchObject({ status: 'failed', stage: 'sandbox' });
  });

  it("calls a missing package a tool failure when infra-review should provide it or the answer's package.json declares it", () => {
    const missing = (name: string) =>
      reported({ stage: 'compile', code: 'MODULE_NOT_FOUND', message: `Cannot find module '${name}'\nRequire stack:\n- x`, stack: '' });
    expect(interpretRun(missing('source-map-support/register'), ctx())).toMatchObject({ stage: 'tool' });
    const declared = [{ path: 'package.json', text: JSON.stringify({ dependencies: { '@aws-cdk/aws-lambda-python-alpha': '2.0.0' } }) }];
    const tool = interpretRun(missing('@aws-cdk/aws-lambda-python-alpha'), ctx(declared));
    expect(tool).toMatchObject({ stage: 'tool' });
    expect(isolatedSynthFindings(tool)).toEqual([]);
    expect(interpretRun(missing('@aws-cdk/core'), ctx(declared))).toMatchObject({ stage: 'compile' });
    expect(interpretRun(missing('./constructs/network'), ctx(declared))).toMatchObject({ stage: 'compile' });
  });

  it("points a synthesis error at the answer's frame, never at the entry infra-review generated", () => {
    const result = interpretRun(
      reported({
        stage: 'synth',
        message: 'Resolution error',
        stack: `Error: Resolution error\n    at resolve (${nodeModules}/aws-cdk-lib/core/lib/private/resolve.js:1:1)\n    at Object.<anonymous> (${scratch}/src/${GENERATED_ENTRY}:6:5)\n    at new TapStack (${scratch}/src/lib/tap-stack.ts:12:7)`,
      }),
      ctx(),
    );
    expect(result).toMatchObject({ stage: 'synth', diagnostics: [{ file: 'lib/tap-stack.ts', line: 12, column: 7 }] });
  });

  it('calls a worker that could not start a tool failure', () => {
    const result = interpretRun(
      { exitCode: null, signal: null, killedFor: null, stdout: '', stderr: 'spawn unshare ENOENT\n', report: '' },
      ctx(),
    );
    expect(result).toMatchObject({ status: 'failed', stage: 'tool', message: expect.stringContaining('spawn unshare ENOENT') });
  });
});
