import { describe, expect, it } from 'vitest';
import { dialects, useMigratedDb } from '../db/test-dialects';
import { cfnTaskFiles, templateVariant } from '../../bench/generators/task-corpus';
import { createReviewSchema, type ReviewFile } from './input';
import { createReview } from './create';
import { getStoredReviewDefinition, getStoredReviewTexts, listStoredReviews, runStoredReview, storePlannedReview } from './service';
import { planReview } from './plan';

const asFiles = (files: Record<string, string>): ReviewFile[] => Object.entries(files).map(([path, text]) => ({ path, text }));
const create = (body: unknown, db: Parameters<typeof createReview>[1]) =>
  createReview({ input: createReviewSchema.parse(body), createdBy: 'tester@test.invalid' }, db);

describe.each(dialects())('stored reviews on $name', (dialect) => {
  const t = useMigratedDb(dialect);

  it('creates a review from two templates (YAML and JSON), analyzes it and caches its counts', async () => {
    const reference = { path: 'ref.json', text: JSON.stringify({ Resources: { Q: { Type: 'AWS::SQS::Queue' } } }) };
    const summary = await create({ kind: 'templates', reference, model: { path: 'model.yaml', text: templateVariant(1) } }, t.handle.db);
    expect(summary).toMatchObject({
      kind: 'templates',
      platform: 'cfn',
      language: 'yaml',
      status: 'analyzed',
      analyzed: true,
      name: 'model.yaml vs. ref.json',
    });
    expect(summary.model).toMatchObject({ status: 'ok', kind: 'template-file', resourceCount: 3 });
    expect(summary.counts.security).toBeGreaterThan(0);
    expect(summary.totals.model).toBeGreaterThan(0);
    const review = await runStoredReview({ id: summary.id }, t.handle.db);
    expect(review.findings.some((f) => f.rule === 'iam-least-privilege' && f.side === 'model' && f.resources.includes('Role'))).toBe(true);
    expect(review.diff?.resources.some((r) => r.logicalId === 'Q' && r.change === 'removed')).toBe(true);
  });

  it('creates a review from a markdown answer against a template', async () => {
    const summary = await create(
      {
        kind: 'markdown',
        model: {
          path: 'answer.md',
          text: '# Answer\n\n```yaml\n' + templateVariant(2) + '```\n\n`app.py`:\n\n```python\nfrom aws_cdk import core\n```\n',
        },
        reference: { path: 'ideal.yaml', text: templateVariant(2, { fixed: true }) },
      },
      t.handle.db,
    );
    expect(summary).toMatchObject({ kind: 'markdown', status: 'analyzed', model: { kind: 'markdown', resourceCount: 3 } });
    const review = await runStoredReview({ id: summary.id }, t.handle.db);
    expect(review.findings.filter((f) => f.side === 'model').map((f) => f.rule)).toEqual(
      expect.arrayContaining(['iam-least-privilege', 'cdk-v1-imports']),
    );
    expect(review.findings.some((f) => f.side === 'reference' && f.rule === 'iam-least-privilege')).toBe(false);
  });

  it('stores a markdown answer against the infra/ reference as the synthesized CDK app', async () => {
    const def = await getStoredReviewDefinition(
      {
        id: (
          await storePlannedReview(
            {
              plan: planReview(
                createReviewSchema.parse({ kind: 'markdown', model: { path: 'a.md', text: '```yaml\n' + templateVariant(3) + '```\n' } }),
              ),
              createdBy: 'x',
            },
            t.handle.db,
          )
        ).id,
      },
      t.handle.db,
    );
    expect(def.reference.cdk?.module).toBe('lib/reference-stack.ts');
    expect(def.model.inline?.[0]).toMatchObject({ name: 'a.md', role: 'markdown' });
  });

  it('creates a review from a CloudFormation task folder: ideal template as reference, answer as model, prompt and human review kept', async () => {
    const summary = await create({ kind: 'task', files: asFiles(cfnTaskFiles(4)) }, t.handle.db);
    expect(summary).toMatchObject({ kind: 'task', platform: 'cfn', language: 'yaml', status: 'analyzed', name: 'Task 4' });
    expect(summary.reference).toMatchObject({ status: 'ok', origin: 'lib/TapStack.yml', resourceCount: 3 });
    expect(summary.counts.security).toBeGreaterThan(0);
    expect(await getStoredReviewTexts({ id: summary.id }, t.handle.db)).toMatchObject({
      prompt: expect.stringContaining('Task 4'),
      modelFailures: expect.stringContaining('wildcard'),
      metadata: { po_id: 'task-4' },
    });
  });

  it('takes the template in IDEAL_RESPONSE.md when the task has no lib/TapStack file', async () => {
    const { ['lib/TapStack.yml']: _omitted, ...files } = cfnTaskFiles(5);
    const summary = await create({ kind: 'task', files: asFiles(files) }, t.handle.db);
    expect(summary.reference).toMatchObject({ status: 'ok', origin: 'IDEAL_RESPONSE.md', kind: 'markdown', resourceCount: 3 });
  });

  it('synthesizes a CDK TypeScript task in isolation: the ideal code to a template, a model answer that does not compile to cdk-compile findings', async () => {
    const cdk = await create(
      {
        kind: 'task',
        files: asFiles({
          'metadata.json': JSON.stringify({ platform: 'cdk', language: 'ts' }),
          'lib/tap-stack.ts':
            "import * as cdk from 'aws-cdk-lib';\nimport * as sqs from 'aws-cdk-lib/aws-sqs';\nexport class TapStack extends cdk.Stack {\n  constructor(scope: cdk.App, id: string) {\n    super(scope, id);\n    new sqs.Queue(this, 'Queue');\n  }\n}\n",
          'MODEL_RESPONSE.md':
            "`lib/tap-stack.ts`:\n\n```typescript\nimport * as cdk from '@aws-cdk/core';\nexport class TapStack extends cdk.Stack {}\n```\n",
        }),
      },
      t.handle.db,
    );
    expect(cdk).toMatchObject({
      platform: 'cdk',
      language: 'ts',
      status: 'partial',
      statusNote: expect.stringMatching(/synthesis failed \(compile\): source rules only/),
    });
    expect(cdk.reference).toMatchObject({ status: 'ok', kind: 'cdk-synthesized', resourceCount: 1 });
    const findings = (await runStoredReview({ id: cdk.id }, t.handle.db)).findings.filter((f) => f.side === 'model');
    expect(findings.map((f) => f.rule)).toEqual(expect.arrayContaining(['cdk-v1-imports', 'cdk-compile']));
    expect(findings.find((f) => f.rule === 'cdk-compile')?.location).toMatchObject({ file: 'lib/tap-stack.ts', line: 1 });
    const tf = await create(
      {
        kind: 'task',
        files: asFiles({
          'metadata.json': '{"platform":"tf","language":"hcl"}',
          'lib/main.py': 'x = 1',
          'MODEL_RESPONSE.md': 'resource "x" {}',
        }),
      },
      t.handle.db,
    );
    expect(tf).toMatchObject({ platform: 'terraform', status: 'unsupported', statusNote: expect.stringMatching(/not supported/) });
  });

  it('refuses a task without MODEL_RESPONSE.md or reference, and marks a reference that does not parse as failed', async () => {
    await expect(create({ kind: 'task', files: asFiles({ 'PROMPT.md': 'x' }) }, t.handle.db)).rejects.toThrow(/no MODEL_RESPONSE\.md/);
    await expect(
      create({ kind: 'task', files: asFiles({ 'metadata.json': '{"platform":"cfn"}', 'MODEL_RESPONSE.md': 'x' }) }, t.handle.db),
    ).rejects.toThrow(/no reference/);
    await expect(create({ kind: 'task', files: asFiles({ 'metadata.json': '{', 'MODEL_RESPONSE.md': 'x' }) }, t.handle.db)).rejects.toThrow(
      /metadata\.json/,
    );
    const broken = await create(
      { kind: 'task', files: asFiles({ ...cfnTaskFiles(6), 'lib/TapStack.yml': 'Resources: [\n' }) },
      t.handle.db,
    );
    expect(broken).toMatchObject({
      status: 'failed',
      analyzed: false,
      reference: { status: 'failed', stage: 'parse' },
      statusNote: expect.stringContaining('lib/TapStack.yml'),
    });
  });

  it('lists stored reviews newest first with filters on platform, status, category and severity', async () => {
    const all = await listStoredReviews({}, t.handle.db);
    expect(all.length).toBeGreaterThanOrEqual(7);
    expect(all.map((r) => r.createdAt)).toEqual([...all.map((r) => r.createdAt)].sort().reverse());
    expect((await listStoredReviews({ platform: 'cdk' }, t.handle.db)).every((r) => r.platform === 'cdk')).toBe(true);
    expect((await listStoredReviews({ status: 'failed' }, t.handle.db)).map((r) => r.status)).toEqual(['failed']);
    const security = await listStoredReviews({ category: 'security' }, t.handle.db);
    expect(security.length).toBeGreaterThan(0);
    expect(security.every((r) => r.counts.security > 0)).toBe(true);
    expect((await listStoredReviews({ severity: 'error' }, t.handle.db)).every((r) => r.counts.error > 0)).toBe(true);
    expect(await listStoredReviews({ platform: 'pulumi' }, t.handle.db)).toEqual([]);
  });
});
