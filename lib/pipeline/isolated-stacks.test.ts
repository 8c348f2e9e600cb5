import { describe, expect, it } from 'vitest';
import { loadSynthesizedArtifact } from './isolated-artifact';

/* A real isolated synthesis (one Node worker loading aws-cdk-lib): a two-stack app whose first stack is an empty parent. */
const APP = [
  {
    name: 'lib/stacks.ts',
    role: 'source' as const,
    text: `import { NestedStack, Stack, StackProps } from 'aws-cdk-lib';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';

class ComputeStack extends NestedStack {
  constructor(scope: Construct, id: string) {
    super(scope, id);
    new lambda.Function(this, 'Handler', {
      runtime: lambda.Runtime.NODEJS_20_X,
      handler: 'index.handler',
      code: lambda.Code.fromInline('exports.handler = async () => ({});'),
    });
  }
}

export class ParentStack extends Stack {
  constructor(scope: Construct, id: string, props?: StackProps) {
    super(scope, id, props);
    new ComputeStack(this, 'Compute');
  }
}

export class QueueStack extends Stack {
  constructor(scope: Construct, id: string, props?: StackProps) {
    super(scope, id, props);
    new sqs.Queue(this, 'Jobs');
  }
}
`,
  },
  {
    name: 'bin/app.ts',
    role: 'source' as const,
    text: `import { App } from 'aws-cdk-lib';
import { ParentStack, QueueStack } from '../lib/stacks';
const app = new App();
new ParentStack(app, 'TapStackdev');
new QueueStack(app, 'QueuesStackdev');
`,
  },
];

describe('loadSynthesizedArtifact on a multi-stack app', () => {
  it('keeps every stack of the cloud assembly, the nested one after its parent, and takes the largest as the template', async () => {
    const artifact = await loadSynthesizedArtifact('model', APP, 'ts');
    expect(artifact.extraFindings).toEqual([]);
    const stacks = (artifact.stacks ?? []).map((s) => [
      s.name,
      s.parent,
      Object.values(s.template.template.Resources)
        .map((r) => r.Type)
        .sort(),
    ]);
    expect(stacks).toEqual([
      ['TapStackdev', undefined, ['AWS::CloudFormation::Stack']],
      ['TapStackdev/Compute', 'TapStackdev', ['AWS::IAM::Role', 'AWS::Lambda::Function', 'AWS::Logs::LogGroup']],
      ['QueuesStackdev', undefined, ['AWS::SQS::Queue']],
    ]);
    expect(artifact.template?.path).toBe('model/TapStackdev/Compute.template.json');
    expect(artifact.state).toMatchObject({
      status: 'ok',
      kind: 'cdk-synthesized',
      resourceCount: 5,
      note: expect.stringContaining('3 stacks'),
    });
  });
});
