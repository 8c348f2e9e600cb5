/* Small builders for rule tests: hand-written templates, CDK-synthesized templates, and sources. */
import { App, Stack } from 'aws-cdk-lib';
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

/** A policy document with the given statements. */
export function poldoc(...statements: Record<string, CfnValue>[]): Record<string, CfnValue> {
  return { Version: '2012-10-17', Statement: statements };
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
