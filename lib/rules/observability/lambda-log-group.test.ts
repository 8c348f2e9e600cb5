import { describe, expect, it } from 'vitest';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import type { Stack } from 'aws-cdk-lib';
import { functionResource, functionYaml, inlineFunction, input, inputFromText, synth } from '../test-util';
import { rule } from './lambda-log-group';

/** A function `Fn` (extra properties appended), followed by other resources. */
const yaml = (fnExtra: string, more = '') => `
Resources:
${functionYaml('Fn', fnExtra)}
${more}`;

const group = (LogGroupName: unknown, retention?: number) => ({
  Type: 'AWS::Logs::LogGroup',
  Properties: { LogGroupName, ...(retention ? { RetentionInDays: retention } : {}) },
});

/** A CDK function `Handler` with props built in the stack. */
const cdkStack =
  (props: (stack: Stack) => Partial<lambda.FunctionProps> = () => ({})) =>
  (stack: Stack) => {
    inlineFunction(stack, 'Handler', props(stack));
  };
const idOf = (t: { Resources: Record<string, { Type: string }> }, prefix: string, type: string) =>
  Object.keys(t.Resources).find((id) => id.startsWith(prefix) && t.Resources[id].Type === type);

describe('lambda-log-group', () => {
  it('non-compliant 1: YAML function with no log group at all', () => {
    const violations = rule.check(
      inputFromText(yaml('', '  Other: { Type: AWS::Logs::LogGroup, Properties: { LogGroupName: /app/other, RetentionInDays: 7 } }')),
    );
    expect(violations.map((v) => v.resources)).toEqual([['Fn']]);
    expect(violations[0].message).toContain('Fn has no explicit log group');
    expect(violations[0].evidence?.[0]).toMatchObject({ resource: 'Fn', path: 'Properties.LoggingConfig.LogGroup' });
  });

  it('non-compliant 2: JSON log group without retention (Join name), and a LoggingConfig naming a group the template lacks', () => {
    const json = JSON.stringify({
      Resources: {
        FnA: functionResource(),
        FnALogs: group({ 'Fn::Join': ['', ['/aws/lambda/', { Ref: 'FnA' }]] }),
        FnB: functionResource({ LoggingConfig: { LogGroup: 'custom-group', LogFormat: 'JSON' } }),
        FnC: functionResource({ FunctionName: 'orders' }),
        FnCLogs: group('/aws/lambda/orders', 14),
      },
    });
    const violations = rule.check(inputFromText(json));
    expect(violations.map((v) => v.resources)).toEqual([['FnA', 'FnALogs'], ['FnB']]);
    expect(violations[0].message).toBe("FnA's log group FnALogs has no RetentionInDays, so its logs are kept forever.");
    expect(violations[0].evidence).toEqual([{ resource: 'FnALogs', path: 'Properties.RetentionInDays', note: 'retention is missing' }]);
    expect(violations[1].evidence?.[0]).toMatchObject({ path: 'Properties.LoggingConfig.LogGroup', value: 'custom-group' });
  });

  it('non-compliant 3: CDK function without a log group, and one whose log group keeps logs forever', () => {
    const plain = synth(cdkStack());
    expect(rule.check(input(plain)).map((v) => v.resources)).toEqual([[idOf(plain, 'Handler', 'AWS::Lambda::Function')]]);
    const infinite = synth(
      cdkStack((stack) => ({ logGroup: new logs.LogGroup(stack, 'Logs', { retention: logs.RetentionDays.INFINITE }) })),
    );
    expect(rule.check(input(infinite)).map((v) => v.resources)).toEqual([
      [idOf(infinite, 'Handler', 'AWS::Lambda::Function'), idOf(infinite, 'Logs', 'AWS::Logs::LogGroup')],
    ]);
  });

  it('compliant: /aws/lambda/${Fn} via Sub, LoggingConfig.LogGroup Ref, literal names, CDK logGroup and logRetention', () => {
    expect(
      rule.check(
        inputFromText(
          yaml('', '  Logs: { Type: AWS::Logs::LogGroup, Properties: { LogGroupName: !Sub "/aws/lambda/${Fn}", RetentionInDays: 30 } }'),
        ),
      ),
    ).toEqual([]);
    expect(
      rule.check(
        inputFromText(
          yaml(
            '      LoggingConfig: { LogGroup: !Ref Logs }',
            '  Logs: { Type: AWS::Logs::LogGroup, Properties: { RetentionInDays: 30 } }',
          ),
        ),
      ),
    ).toEqual([]);
    const json = JSON.stringify({
      Resources: { Fn: functionResource({ FunctionName: 'orders', LoggingConfig: { LogGroup: 'app-logs' } }), Logs: group('app-logs', 7) },
    });
    expect(rule.check(inputFromText(json))).toEqual([]);
    expect(
      rule.check(
        input(synth(cdkStack((stack) => ({ logGroup: new logs.LogGroup(stack, 'Logs', { retention: logs.RetentionDays.ONE_WEEK }) })))),
      ),
    ).toEqual([]);
    expect(rule.check(input(synth(cdkStack(() => ({ logRetention: logs.RetentionDays.ONE_MONTH })))))).toEqual([]);
  });
});
