/* Small builders for rule tests: hand-written templates, CDK-synthesized templates, and sources. */
import { beforeAll } from 'vitest';
import { App, Stack, type CfnElement } from 'aws-cdk-lib';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import type { Construct, IConstruct } from 'constructs';
import { parseTemplate } from '../templates/load';
import type { CfnResource, CfnTemplate, CfnValue, SourceFile } from '../templates/types';
import type { RuleInput } from './types';

/** A template with the given resources. */
export function template(resources: Record<string, CfnResource>, extra: Partial<CfnTemplate> = {}): CfnTemplate {
  return { AWSTemplateFormatVersion: '2010-09-09', ...extra, Resources: resources };
}

/** A resource of `type` with `properties`. */
export function resource(type: string, properties: Record<string, CfnValue> = {}, extra: Partial<CfnResource> = {}): CfnResource {
  return { Type: type, Properties: properties, ...extra };
}

/** An `AWS::Lambda::Function` resource (Python, inline code, a fixed role ARN) with `extra` properties. */
export function functionResource(extra: Record<string, CfnValue> = {}): CfnResource {
  return resource('AWS::Lambda::Function', {
    Runtime: 'python3.12',
    Handler: 'i.h',
    Code: { ZipFile: 'x' },
    Role: 'arn:aws:iam::1:role/r',
    ...extra,
  });
}

/** YAML for a Lambda function `name` under `Resources:` (Python, inline code, `role` or a fixed role ARN), then the `extra` property lines. */
export function functionYaml(name: string, extra = '', role = 'arn:aws:iam::123456789012:role/r'): string {
  return `  ${name}:
    Type: AWS::Lambda::Function
    Properties:
      Runtime: python3.12
      Handler: index.handler
      Role: ${role}
      Code: { ZipFile: x }
${extra}`;
}

/** A policy document with the given statements. */
export function poldoc(...statements: Record<string, CfnValue>[]): Record<string, CfnValue> {
  return { Version: '2012-10-17', Statement: statements };
}

/** YAML text of a bucket `Data` with a bucket policy `DataPolicy` whose `Statement` is `statements` (YAML flow text). */
export function bucketWithPolicy(statements: string): string {
  return `
Resources:
  Data: { Type: AWS::S3::Bucket }
  DataPolicy:
    Type: AWS::S3::BucketPolicy
    Properties:
      Bucket: !Ref Data
      PolicyDocument:
        Version: '2012-10-17'
        Statement: ${statements}
`;
}

/** Rule input for a template (and optional sources). */
export function input(t?: CfnTemplate, sources: SourceFile[] = []): RuleInput {
  return { template: t, sources };
}

/** Rule input from YAML or JSON template text (parsed the way the CLI parses files). */
export function inputFromText(text: string): RuleInput {
  return { template: parseTemplate(text, 'test.yaml').template, sources: [] };
}

/** A source file for source rules. */
export function source(text: string, language: SourceFile['language'] = 'python', path = 'app.py'): SourceFile {
  return { path, language, text, startLine: 1 };
}

/** Synthesizes a CDK stack built by `build` (env us-east-1) and returns its template. */
export function synth(build: (stack: Stack) => void): CfnTemplate {
  const app = new App();
  const stack = new Stack(app, 'TestStack', { env: { account: '123456789012', region: 'us-east-1' } });
  build(stack);
  return app.synth().getStackByName('TestStack').template as CfnTemplate;
}

/** Synthesizes `build`'s stack once, before the tests of the enclosing describe; read `template` and the `ids` the builder recorded in the tests. */
export function synthOnce(build: (stack: Stack, ids: Record<string, string>) => void): {
  readonly template: CfnTemplate;
  readonly ids: Record<string, string>;
} {
  const synthesized = { template: undefined as unknown as CfnTemplate, ids: {} as Record<string, string> };
  beforeAll(() => {
    synthesized.template = synth((stack) => build(stack, synthesized.ids));
  });
  return synthesized;
}

/** A Python 3.12 Lambda function `id` with inline code; `props` add to or override those. */
export function inlineFunction(scope: Construct, id: string, props: Partial<lambda.FunctionProps> = {}): lambda.Function {
  return new lambda.Function(scope, id, {
    runtime: lambda.Runtime.PYTHON_3_12,
    handler: 'index.handler',
    code: lambda.Code.fromInline('def handler(e, c): pass'),
    ...props,
  });
}

/** The logical id of a construct's CloudFormation resource (its default child) in its stack. */
export function logicalId(construct: IConstruct): string {
  return Stack.of(construct).getLogicalId(construct.node.defaultChild as CfnElement);
}
