import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { App, NestedStack, Stack } from 'aws-cdk-lib';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { afterAll, describe, expect, it } from 'vitest';
import { readAssembly } from './assembly';

const root = mkdtempSync(path.join(os.tmpdir(), 'isolated-assembly-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** A cloud assembly directory with `files` (name → JSON value). */
function assembly(name: string, files: Record<string, unknown>): string {
  const dir = path.join(root, name);
  mkdirSync(dir, { recursive: true });
  for (const [file, value] of Object.entries(files)) writeFileSync(path.join(dir, file), JSON.stringify(value));
  return dir;
}

/** An `AWS::CloudFormation::Stack` resource as CDK writes it: its template published under `<hash>.json`. */
const nestedResource = (hash: string) => ({
  Type: 'AWS::CloudFormation::Stack',
  Properties: { TemplateURL: { 'Fn::Join': ['', ['https://s3.', { Ref: 'AWS::Region' }, `/bucket/${hash}.json`]] } },
});
const assetEntry = (file: string, hash: string) => ({
  source: { path: file, packaging: 'file' },
  destinations: { d: { objectKey: `${hash}.json` } },
});
const queue = { Resources: { Q: { Type: 'AWS::SQS::Queue' } } };

describe('readAssembly with nested stacks', () => {
  it('returns each nested stack after its parent, found through the asset manifest, named <parent>/<construct id>', () => {
    const dir = assembly('nested', {
      'manifest.json': {
        artifacts: {
          'App.assets': { type: 'cdk:asset-manifest', properties: { file: 'App.assets.json' } },
          App: { type: 'aws:cloudformation:stack', properties: { templateFile: 'App.template.json', stackName: 'AppStack' } },
        },
      },
      'App.assets.json': {
        files: {
          aaa: assetEntry('AppNetworkAB12CD34.nested.template.json', 'aaa'),
          bbb: assetEntry('AppNetworkInner.nested.template.json', 'bbb'),
        },
      },
      'App.template.json': { Resources: { NetworkNestedStackNetworkNestedStackResource0124E108: nestedResource('aaa') } },
      'AppNetworkAB12CD34.nested.template.json': {
        Resources: { Q: queue.Resources.Q, InnerNestedStackInnerNestedStackResource745E041B: nestedResource('bbb') },
      },
      'AppNetworkInner.nested.template.json': queue,
    });
    const read = readAssembly(dir, root);
    if (!read.ok) throw new Error(read.message);
    expect(read.stacks.map((s) => [s.stackName, s.parent, Object.keys(s.template.Resources)])).toEqual([
      ['AppStack', undefined, ['NetworkNestedStackNetworkNestedStackResource0124E108']],
      ['AppStack/Network', 'AppStack', ['Q', 'InnerNestedStackInnerNestedStackResource745E041B']],
      ['AppStack/Network/Inner', 'AppStack/Network', ['Q']],
    ]);
  });

  it("follows the `aws:asset:path` metadata the CDK CLI adds, naming a stack by its resource's logical id otherwise", () => {
    const dir = assembly('metadata', {
      'manifest.json': { artifacts: { App: { type: 'aws:cloudformation:stack', properties: { templateFile: 'App.template.json' } } } },
      'App.template.json': {
        Resources: {
          Storage: { Type: 'AWS::CloudFormation::Stack', Metadata: { 'aws:asset:path': 'Storage.nested.template.json' }, Properties: {} },
          External: { Type: 'AWS::CloudFormation::Stack', Properties: { TemplateURL: 'https://example.com/other.json' } },
        },
      },
      'Storage.nested.template.json': queue,
    });
    const read = readAssembly(dir, root);
    expect(read).toMatchObject({ ok: true, stacks: [{ stackName: 'App' }, { stackName: 'App/Storage', parent: 'App', template: queue }] });
  });

  it('refuses a nested template outside the assembly or behind a symbolic link', () => {
    writeFileSync(path.join(root, 'secret.json'), JSON.stringify(queue));
    const stackWith = (assetPath: string) => ({
      'manifest.json': { artifacts: { App: { type: 'aws:cloudformation:stack', properties: { templateFile: 'App.template.json' } } } },
      'App.template.json': { Resources: { N: { Type: 'AWS::CloudFormation::Stack', Metadata: { 'aws:asset:path': assetPath } } } },
    });
    const climbing = assembly('nested-climb', stackWith('../secret.json'));
    expect(readAssembly(climbing, climbing)).toMatchObject({ ok: false, message: expect.stringContaining('outside the assembly') });
    const linked = assembly('nested-link', stackWith('N.nested.template.json'));
    symlinkSync(path.join(root, 'secret.json'), path.join(linked, 'N.nested.template.json'));
    expect(readAssembly(linked, linked)).toMatchObject({ ok: false, message: expect.stringContaining('not a regular file') });
  });
});

describe('readAssembly constructs', () => {
  it('gives each stack, nested ones included, the construct path and creating line of every resource from the stack metadata', () => {
    const outdir = path.join(root, 'paths');
    const app = new App({ outdir });
    const parent = new Stack(app, 'Parent', { stackName: 'ParentStack' });
    new s3.Bucket(parent, 'Bucket'); // line A
    new s3.Bucket(new NestedStack(parent, 'Inner'), 'Bucket');
    app.synth();
    const read = readAssembly(outdir, outdir, 0, __dirname);
    if (!read.ok) throw new Error(read.message);
    const [top, inner] = read.stacks;
    const lineA =
      readFileSync(__filename, 'utf8')
        .split('\n')
        .findIndex((l) => l.endsWith('// line A')) + 1;
    expect(inner.stackName).toBe('ParentStack/Inner');
    expect(
      Object.values(top.constructs ?? {})
        .map((c) => c.path)
        .sort(),
    ).toEqual(['Parent/Bucket/Resource', 'Parent/Inner.NestedStack/Inner.NestedStackResource']);
    expect(Object.values(top.constructs ?? {}).find((c) => c.path === 'Parent/Bucket/Resource')?.createdAt).toEqual({
      file: 'assembly.test.ts',
      line: lineA,
    });
    expect(Object.values(inner.constructs ?? {}).map((c) => [c.path, c.createdAt?.line])).toEqual([
      ['Parent/Inner/Bucket/Resource', lineA + 1],
    ]);
    for (const stack of read.stacks)
      expect(Object.keys(stack.constructs ?? {}).sort()).toEqual(Object.keys(stack.template.Resources).sort());
  });
});
