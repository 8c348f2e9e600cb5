import { describe, expect, it } from 'vitest';
import * as apigateway from 'aws-cdk-lib/aws-apigateway';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { inlineFunction, input, inputFromText, logicalId, synthOnce } from '../test-util';
import { rule } from './lambda-provisioned-concurrency';

/** A function `Fn` with version `V1` and alias `Live` (provisioned `executions`), and a REST method whose Uri is `uri`. */
const api = (uri: string, executions = 5) => `
Resources:
  Fn:
    Type: AWS::Lambda::Function
    Properties: { Runtime: python3.12, Handler: index.handler, Role: arn:aws:iam::123456789012:role/r, Code: { ZipFile: x } }
  V1: { Type: AWS::Lambda::Version, Properties: { FunctionName: !Ref Fn } }
  Live:
    Type: AWS::Lambda::Alias
    Properties:
      FunctionName: !Ref Fn
      FunctionVersion: !GetAtt V1.Version
      Name: live
      ProvisionedConcurrencyConfig: { ProvisionedConcurrentExecutions: ${executions} }
  Api: { Type: AWS::ApiGateway::RestApi, Properties: { Name: api } }
  Get:
    Type: AWS::ApiGateway::Method
    Properties:
      RestApiId: !Ref Api
      ResourceId: !GetAtt Api.RootResourceId
      HttpMethod: GET
      AuthorizationType: NONE
      Integration: { Type: AWS_PROXY, IntegrationHttpMethod: POST, Uri: ${uri} }
`;

const viaAlias = "!Sub 'arn:aws:apigateway:${AWS::Region}:lambda:path/2015-03-31/functions/${Live}/invocations'";
const direct =
  "!Join ['', ['arn:aws:apigateway:', !Ref 'AWS::Region', ':lambda:path/2015-03-31/functions/', !GetAtt Fn.Arn, '/invocations']]";

describe('lambda-provisioned-concurrency', () => {
  it('non-compliant 1: an API-served function with no provisioned alias or version', () => {
    const text = api(direct).replace(/ {2}Live:[\s\S]*?(?= {2}Api:)/, '');
    const violations = rule.check(inputFromText(text));
    expect(violations.map((v) => v.resources)).toEqual([['Fn']]);
    expect(violations[0].message).toContain('has no alias or version with provisioned concurrency');
    expect(violations[0].evidence?.[0]).toMatchObject({ resource: 'Get', path: 'Properties.Integration.Uri' });
  });

  it('non-compliant 2: an alias with provisioned concurrency exists but the method invokes the function directly', () => {
    const violations = rule.check(inputFromText(api(direct)));
    expect(violations.map((v) => v.resources)).toEqual([['Fn', 'Live']]);
    expect(violations[0].message).toContain('invokes the function Fn directly');
  });

  it('non-compliant 3: an alias with ProvisionedConcurrentExecutions 0 does not count', () => {
    expect(rule.check(inputFromText(api(viaAlias, 0))).map((v) => v.resources)).toEqual([['Fn', 'Live']]);
    expect(rule.check(inputFromText(api(viaAlias, 0)))[0].message).toContain('has no alias or version');
  });

  it('non-compliant 4: an HTTP API integration on a cold alias, and a function only granted to API Gateway (JSON template)', () => {
    const json = {
      Resources: {
        Fn: { Type: 'AWS::Lambda::Function' },
        Live: {
          Type: 'AWS::Lambda::Alias',
          Properties: { FunctionName: { Ref: 'Fn' }, ProvisionedConcurrencyConfig: { ProvisionedConcurrentExecutions: 2 } },
        },
        Cold: { Type: 'AWS::Lambda::Alias', Properties: { FunctionName: { Ref: 'Fn' }, Name: 'cold' } },
        Http: { Type: 'AWS::ApiGatewayV2::Api', Properties: { ProtocolType: 'HTTP' } },
        Integ: {
          Type: 'AWS::ApiGatewayV2::Integration',
          Properties: { ApiId: { Ref: 'Http' }, IntegrationType: 'AWS_PROXY', IntegrationUri: { Ref: 'Cold' } },
        },
        Other: { Type: 'AWS::Lambda::Function' },
        Grant: {
          Type: 'AWS::Lambda::Permission',
          Properties: {
            Action: 'lambda:InvokeFunction',
            FunctionName: { 'Fn::GetAtt': ['Other', 'Arn'] },
            Principal: 'apigateway.amazonaws.com',
          },
        },
      },
    };
    const violations = rule.check(inputFromText(JSON.stringify(json)));
    expect(violations.map((v) => v.resources)).toEqual([['Fn', 'Live', 'Cold'], ['Other']]);
    expect(violations[0].message).toContain('alias Cold');
  });

  it('compliant: the method invokes the provisioned alias; functions that serve no API are ignored', () => {
    expect(rule.check(inputFromText(api(viaAlias)))).toEqual([]);
    const noApi =
      'Resources:\n  Fn: { Type: AWS::Lambda::Function }\n  S3Grant: { Type: AWS::Lambda::Permission, Properties: { FunctionName: !Ref Fn, Principal: s3.amazonaws.com, Action: lambda:InvokeFunction } }\n';
    expect(rule.check(inputFromText(noApi))).toEqual([]);
    expect(rule.check(input(undefined))).toEqual([]);
  });

  describe('on a CDK-synthesized stack', () => {
    const cdk = synthOnce((stack, ids) => {
      const fn = (name: string) => {
        const f = inlineFunction(stack, name);
        ids[name] = logicalId(f);
        return f;
      };
      const alias = (f: lambda.Function) => {
        const a = new lambda.Alias(stack, `${f.node.id}Live`, {
          aliasName: 'live',
          version: f.currentVersion,
          provisionedConcurrentExecutions: 2,
        });
        ids[`${f.node.id}Live`] = logicalId(a);
        return a;
      };
      new apigateway.LambdaRestApi(stack, 'DirectApi', { handler: fn('Direct') });
      const bypassed = fn('Bypassed');
      alias(bypassed);
      new apigateway.LambdaRestApi(stack, 'BypassedApi', { handler: bypassed });
      new apigateway.LambdaRestApi(stack, 'WarmApi', { handler: alias(fn('Warm')) });
    });

    it('non-compliant 1: LambdaRestApi with the function as handler and no alias', () => {
      const violation = rule.check(input(cdk.template)).find((v) => v.resources?.[0] === cdk.ids.Direct);
      expect(violation?.resources).toEqual([cdk.ids.Direct]);
    });

    it('non-compliant 2: LambdaRestApi with the function as handler while a provisioned alias exists', () => {
      const violation = rule.check(input(cdk.template)).find((v) => v.resources?.[0] === cdk.ids.Bypassed);
      expect(violation?.resources).toEqual([cdk.ids.Bypassed, cdk.ids.BypassedLive]);
      expect(violation?.message).toContain('directly');
    });

    it('compliant: LambdaRestApi with the provisioned alias as handler', () => {
      expect(
        rule
          .check(input(cdk.template))
          .map((v) => v.resources?.[0])
          .sort(),
      ).toEqual([cdk.ids.Bypassed, cdk.ids.Direct].sort());
    });
  });
});
