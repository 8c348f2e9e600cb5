import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { App, NestedStack, Stack } from 'aws-cdk-lib';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { afterAll, describe, expect, it } from 'vitest';
import type { Finding } from '../rules/finding';
import type { IsolatedSynthResult, SynthesizedStack } from '../synth/isolated';
import { readAssembly } from '../synth/isolated/assembly';
import type { CfnTemplate } from '../templates/types';
import { pointAtConstructs } from './construct-locations';
import { artifactOfSynthesis } from './isolated-artifact';
import type { InlineFile, ReviewFinding } from './types';

const outdirs: string[] = [];
afterAll(() => outdirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

/** The app the snippets below write: a stack with a storage construct holding a bucket, a bucket of its own, an L1 queue and two queues made in a loop. */
function buildApp(app: App): Stack {
  const stack = new Stack(app, 'TapStack');
  const storage = new Construct(stack, 'Storage');
  new s3.Bucket(storage, 'DataBucket'); // storage bucket
  new sqs.Queue(storage, 'Red');
  new s3.Bucket(stack, 'Logs');
  new sqs.CfnQueue(stack, 'Jobs');
  for (const name of ['Alpha', 'Beta']) new sqs.Queue(stack, `${name}Queue`);
  new s3.Bucket(new NestedStack(stack, 'Archive'), 'Vault');
  return stack;
}

/** Every stack of the app as the isolated synthesis reads it (constructs from the metadata; creation lines in this folder). */
function synthesized(withPathMetadata = false): SynthesizedStack[] {
  const outdir = mkdtempSync(path.join(os.tmpdir(), 'construct-locations-'));
  outdirs.push(outdir);
  const app = new App({ outdir, context: withPathMetadata ? { 'aws:cdk:enable-path-metadata': true } : {} });
  buildApp(app);
  app.synth();
  const read = readAssembly(outdir, outdir, 0, __dirname);
  if (!read.ok) throw new Error(read.message);
  return read.stacks;
}

const ok = (templates: SynthesizedStack[]): IsolatedSynthResult => ({
  status: 'ok',
  templates,
  durationMs: 1,
  containment: { network: 'module', filesystem: 'permission-model' },
});

/** A finding of the model side on the resources whose construct path ends with each of `pathEnds`. */
function findingOn(template: CfnTemplate, constructPathOf: (id: string) => string | undefined, ...pathEnds: string[]): ReviewFinding {
  const resources = pathEnds.map((end) => Object.keys(template.Resources).find((id) => constructPathOf(id)?.endsWith(end))!);
  return {
    rule: 'r',
    category: 'security',
    severity: 'warning',
    title: 't',
    message: 'm',
    resources,
    source: 'infra-review',
    side: 'model',
  };
}

const TS_SNIPPET = `import * as cdk from 'aws-cdk-lib';
import { Construct } from 'constructs';

class StorageConstruct extends Construct {
  constructor(scope: Construct, id: string) {
    super(scope, id);
    new s3.Bucket(this, 'DataBucket', { versioned: true });
    for (const color of ['Red']) new sqs.Queue(this, color);
  }
}

export class TapStack extends cdk.Stack {
  constructor(scope: Construct, id: string) {
    super(scope, id);
    new StorageConstruct(this, 'Storage');
    new s3.Bucket(this, 'Logs');
    new sqs.CfnQueue(this, "Jobs");
    for (const name of ['Alpha', 'Beta']) new sqs.Queue(this, \`\${name}Queue\`);
    const archive = new cdk.NestedStack(this, 'Archive');
    new s3.Bucket(archive, 'Vault');
  }
}
`;

const PY_SNIPPET = `from aws_cdk import Stack, NestedStack
from constructs import Construct


class StorageConstruct(Construct):
    def __init__(self, scope: Construct, construct_id: str) -> None:
        super().__init__(scope, construct_id)
        s3.Bucket(self, "DataBucket", versioned=True)
        for color in ["Red"]:
            sqs.Queue(self, color)


class TapStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        StorageConstruct(self, "Storage")
        s3.Bucket(self, 'Logs')
        sqs.CfnQueue(self, "Jobs")
        for name in ["Alpha", "Beta"]:
            sqs.Queue(self, f"{name}Queue")
        archive = NestedStack(self, "Archive")
        s3.Bucket(archive, "Vault")
`;

/** 1-based line of `text` that contains `needle`. */
const lineOf = (text: string, needle: string) => text.split('\n').findIndex((l) => l.includes(needle)) + 1;

describe('pointAtConstructs', () => {
  it('gives a synthesized stack’s finding its construct path and the line its creation stack names, and leaves the input as it was', () => {
    const [top] = synthesized();
    const model = artifactOfSynthesis('model', [], ok([top]));
    const reference = artifactOfSynthesis('reference', [], ok([top]));
    const finding = findingOn(top.template, (id) => top.constructs?.[id]?.path, 'Storage/DataBucket/Resource');
    const withEvidence = { ...finding, evidence: [{ resource: finding.resources[0], side: 'reference' as const, note: 'n' }] };
    const [pointed] = pointAtConstructs([withEvidence], { reference, model });
    const line = lineOf(readFileSync(__filename, 'utf8'), '// storage bucket');
    expect(pointed.constructPath).toBe('TapStack/Storage/DataBucket/Resource');
    expect(pointed.constructLocation).toEqual({ file: 'construct-locations.test.ts', line });
    expect(pointed.evidence![0]).toMatchObject({ constructPath: 'TapStack/Storage/DataBucket/Resource', constructLocation: { line } });
    expect(withEvidence).not.toHaveProperty('constructPath');
    expect(withEvidence.evidence[0]).not.toHaveProperty('constructPath');
  });

  it('gives no line when two construct calls fit the same id and parent', () => {
    const [top] = synthesized();
    const twice = `class S extends Stack {\n  a() { new s3.Bucket(this, 'Logs'); }\n  b() { new s3.Bucket(this, 'Logs'); }\n}\n`;
    // Only the template's own `aws:cdk:path` metadata, as `cdk synth` writes it: no creation stacks.
    const withPathMetadata = {
      ...top.template,
      Resources: Object.fromEntries(
        Object.entries(top.template.Resources).map(([id, r]) => [id, { ...r, Metadata: { 'aws:cdk:path': top.constructs![id].path } }]),
      ),
    };
    const files: InlineFile[] = [{ name: 'lib/s.ts', text: twice, role: 'source' }];
    const model = artifactOfSynthesis('model', files, ok([{ stackName: 'TapStack', template: withPathMetadata }]));
    const finding = findingOn(withPathMetadata, (id) => top.constructs?.[id]?.path, 'TapStack/Logs/Resource');
    const [pointed] = pointAtConstructs([finding], { reference: model, model });
    expect(pointed.constructPath).toBe('TapStack/Logs/Resource');
    expect(pointed).not.toHaveProperty('constructLocation');
  });

  it('leaves a finding without a construct (a hand-written template, a source finding) as the same object', () => {
    const [top] = synthesized();
    const artifact = artifactOfSynthesis('model', [], ok([top]));
    const sourceFinding: ReviewFinding = {
      ...findingOn(top.template, () => undefined),
      resources: [],
      location: { file: 'a.ts', line: 1 },
    };
    expect(pointAtConstructs([sourceFinding], { reference: artifact, model: artifact })[0]).toBe(sourceFinding);
  });

  for (const [language, file, text] of [
    ['TypeScript', 'lib/tap-stack.ts', TS_SNIPPET],
    ['Python', 'tap_stack.py', PY_SNIPPET],
  ] as const) {
    describe(`without creation stacks, from the ${language} sources`, () => {
      const stacks = synthesized(true).map((s) => ({ ...s, constructs: undefined }));
      const [top, nested] = stacks;
      const files: InlineFile[] = [{ name: file, text, role: 'source' }];
      const model = artifactOfSynthesis('model', files, ok(stacks));
      const pathOf = (t: CfnTemplate) => (id: string) => t.Resources[id]?.Metadata?.['aws:cdk:path'] as string | undefined;
      const point = (finding: Finding & { stack?: string }) =>
        pointAtConstructs([{ ...finding, side: 'model' }], { reference: model, model })[0];

      it('points at the construct call of the id before Resource, disambiguated by the class its parent instantiates', () => {
        const pointed = point({ ...findingOn(top.template, pathOf(top.template), 'DataBucket/Resource'), stack: 'TapStack' });
        expect(pointed.constructPath).toBe('TapStack/Storage/DataBucket/Resource');
        expect(pointed.constructLocation).toEqual({ file, line: lineOf(text, '"DataBucket"') || lineOf(text, "'DataBucket'") });
      });

      it('points at an L1 construct by its last segment, and at a nested stack’s resource under its nested stack', () => {
        expect(point({ ...findingOn(top.template, pathOf(top.template), 'Jobs'), stack: 'TapStack' }).constructLocation?.line).toBe(
          lineOf(text, '"Jobs"'),
        );
        const vault = point({ ...findingOn(nested.template, pathOf(nested.template), 'Vault/Resource'), stack: 'TapStack/Archive' });
        expect(vault.constructPath).toBe('TapStack/Archive/Vault/Resource');
        expect(vault.constructLocation?.line).toBe(lineOf(text, '"Vault"') || lineOf(text, "'Vault'"));
      });

      it('points at the line of an id made in a loop when its literal part fits, and gives the path alone for an L2 child of a computed id', () => {
        const queue = point({ ...findingOn(top.template, pathOf(top.template), 'AlphaQueue/Resource'), stack: 'TapStack' });
        expect(queue.constructLocation?.line).toBe(lineOf(text, '{name}Queue'));
        const red = point({ ...findingOn(top.template, pathOf(top.template), 'Red/Resource'), stack: 'TapStack' });
        expect(red.constructPath).toBe('TapStack/Storage/Red/Resource');
        expect(red).not.toHaveProperty('constructLocation');
      });
    });
  }
});
