import { describe, expect, it } from 'vitest';
import { inputFromText } from '../test-util';
import type { CfnTemplate } from '../../templates/types';
import { apiIds, apiLambdaInvocations, cloudFrontBehaviorsForApi, functionOf, stageCachingEvidence } from './api';

const t = inputFromText(`
Resources:
  Fn: { Type: AWS::Lambda::Function }
  V1: { Type: AWS::Lambda::Version, Properties: { FunctionName: !Ref Fn } }
  Live: { Type: AWS::Lambda::Alias, Properties: { FunctionName: !Ref Fn, FunctionVersion: !GetAtt V1.Version, Name: live } }
  Rest: { Type: AWS::ApiGateway::RestApi }
  Http: { Type: AWS::ApiGatewayV2::Api, Properties: { ProtocolType: HTTP, Target: !GetAtt Fn.Arn } }
  Get:
    Type: AWS::ApiGateway::Method
    Properties: { RestApiId: !Ref Rest, Integration: { Uri: !Sub 'arn:aws:apigateway:\${AWS::Region}:lambda:path/2015-03-31/functions/\${Live}/invocations' } }
  Integ: { Type: AWS::ApiGatewayV2::Integration, Properties: { ApiId: !Ref Http, IntegrationUri: !Ref V1 } }
  ApiGrant: { Type: AWS::Lambda::Permission, Properties: { FunctionName: !Ref Live, Principal: apigateway.amazonaws.com } }
  S3Grant: { Type: AWS::Lambda::Permission, Properties: { FunctionName: !Ref Fn, Principal: s3.amazonaws.com } }
  Stage:
    Type: AWS::ApiGateway::Stage
    Properties: { RestApiId: !Ref Rest, CacheClusterEnabled: true, MethodSettings: [{ CachingEnabled: false }, { CachingEnabled: true }] }
  Cdn:
    Type: AWS::CloudFront::Distribution
    Properties:
      DistributionConfig:
        Origins:
          - { Id: rest, DomainName: !Select [2, !Split ['/', !Sub 'https://\${Rest}.execute-api.\${AWS::Region}.amazonaws.com/prod/']] }
          - { Id: site, DomainName: example.com }
        DefaultCacheBehavior: { TargetOriginId: site }
        CacheBehaviors: [{ PathPattern: /api/*, TargetOriginId: rest }, { PathPattern: /x/*, TargetOriginId: !Ref OriginParam }]
`).template as CfnTemplate;

describe('api helpers', () => {
  it('lists REST and V2 APIs', () => {
    expect(apiIds(t)).toEqual(['Rest', 'Http']);
  });

  it('finds every Lambda target an API invokes and the function behind it, ignoring non-API permissions', () => {
    const found = apiLambdaInvocations(t).map(({ source, path, target, functionId }) => [source, path, target, functionId]);
    expect(found).toEqual([
      ['Http', 'Properties.Target', 'Fn', 'Fn'],
      ['Get', 'Properties.Integration.Uri', 'Live', 'Fn'],
      ['Integ', 'Properties.IntegrationUri', 'V1', 'Fn'],
      ['ApiGrant', 'Properties.FunctionName', 'Live', 'Fn'],
    ]);
    expect([functionOf(t, 'V1'), functionOf(t, 'Fn'), functionOf(t, 'Rest')]).toEqual(['Fn', 'Fn', undefined]);
  });

  it('reports stage caching only with a cache cluster and a caching method setting', () => {
    expect(stageCachingEvidence(t, 'Rest')).toEqual([
      { resource: 'Stage', path: 'Properties.MethodSettings.1.CachingEnabled', value: true, note: 'stage caching is enabled' },
    ]);
    expect(stageCachingEvidence(t, 'Http')).toEqual([]);
  });

  it('returns the CloudFront behaviors that target the API origin (and those whose target cannot be compared)', () => {
    expect(cloudFrontBehaviorsForApi(t, 'Rest').map((b) => [b.distributionId, b.path])).toEqual([
      ['Cdn', 'Properties.DistributionConfig.CacheBehaviors.0'],
      ['Cdn', 'Properties.DistributionConfig.CacheBehaviors.1'],
    ]);
    expect(cloudFrontBehaviorsForApi(t, 'Http')).toEqual([]);
  });
});
