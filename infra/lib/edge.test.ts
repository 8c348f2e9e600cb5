import { Match, Template } from 'aws-cdk-lib/assertions';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { describe, expect, it } from 'vitest';
import { Edge } from './edge';
import { unitStack } from './testing';

function edgeUnit() {
  const stack = unitStack();
  const fn = new lambda.Function(stack, 'Fn', {
    runtime: lambda.Runtime.PYTHON_3_12,
    handler: 'index.handler',
    code: lambda.Code.fromInline('def handler(e, c): pass'),
  });
  const alias = new lambda.Alias(stack, 'Live', { aliasName: 'live', version: fn.currentVersion });
  new Edge(stack, 'Edge', { handler: alias });
  return { template: Template.fromStack(stack), aliasId: stack.getLogicalId(alias.node.defaultChild as lambda.CfnAlias) };
}

describe('Edge', () => {
  it('integrates every API method with the alias, not the function', () => {
    const { template, aliasId } = edgeUnit();
    const methods = Object.values(template.findResources('AWS::ApiGateway::Method'));
    expect(methods.length).toBeGreaterThan(0);
    for (const method of methods) {
      expect(JSON.stringify(method.Properties.Integration.Uri)).toContain(JSON.stringify({ Ref: aliasId }));
    }
  });

  it('caches the default behavior with a cache policy whose default TTL is above zero', () => {
    const { template } = edgeUnit();
    const policyId = Object.keys(template.findResources('AWS::CloudFront::CachePolicy'))[0]!;
    template.hasResourceProperties('AWS::CloudFront::CachePolicy', {
      CachePolicyConfig: { DefaultTTL: 60, MinTTL: 0, MaxTTL: 300 },
    });
    template.hasResourceProperties('AWS::CloudFront::Distribution', {
      DistributionConfig: {
        DefaultCacheBehavior: Match.objectLike({
          CachePolicyId: { Ref: policyId },
          CachedMethods: ['GET', 'HEAD', 'OPTIONS'],
          ViewerProtocolPolicy: 'redirect-to-https',
        }),
      },
    });
  });

  it('points the distribution at the API stage over HTTPS', () => {
    edgeUnit().template.hasResourceProperties('AWS::CloudFront::Distribution', {
      DistributionConfig: {
        Origins: [
          Match.objectLike({
            CustomOriginConfig: Match.objectLike({ OriginProtocolPolicy: 'https-only' }),
            OriginPath: Match.anyValue(),
          }),
        ],
      },
    });
  });

  it('creates no account-level API Gateway CloudWatch role', () => {
    const { template } = edgeUnit();
    template.resourceCountIs('AWS::ApiGateway::Account', 0);
    template.resourceCountIs('AWS::IAM::Role', 1); // the function's own role only
  });
});
