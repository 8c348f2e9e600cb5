import { describe, expect, it } from 'vitest';
import { Duration } from 'aws-cdk-lib';
import * as apigateway from 'aws-cdk-lib/aws-apigateway';
import * as cloudfront from 'aws-cdk-lib/aws-cloudfront';
import * as origins from 'aws-cdk-lib/aws-cloudfront-origins';
import { inlineFunction, input, inputFromText, logicalId, synthOnce } from '../test-util';
import { rule } from './api-caching';

const DISABLED = '4135ea2d-6df8-44a3-9df3-4b5a84be39ad';

/** A REST API `Api` with a plain `prod` stage, followed by `extra` resources. */
const restApi = (extra = '', stage = '') => `
Resources:
  Api: { Type: AWS::ApiGateway::RestApi, Properties: { Name: api } }
  Deployment: { Type: AWS::ApiGateway::Deployment, Properties: { RestApiId: !Ref Api } }
  Prod:
    Type: AWS::ApiGateway::Stage
    Properties: { RestApiId: !Ref Api, DeploymentId: !Ref Deployment, StageName: prod${stage} }
${extra}`;

/** A distribution `Cdn` with an origin on the API and `behavior` as default cache behavior. */
const cdn = (behavior: string, more = '') => `
  Cdn:
    Type: AWS::CloudFront::Distribution
    Properties:
      DistributionConfig:
        Enabled: true
        Origins:
          - { Id: api, DomainName: !Sub '\${Api}.execute-api.\${AWS::Region}.amazonaws.com', OriginPath: /prod, CustomOriginConfig: { OriginProtocolPolicy: https-only } }
          - { Id: site, DomainName: site.example.com, CustomOriginConfig: { OriginProtocolPolicy: https-only } }
        DefaultCacheBehavior: ${behavior}
${more}`;

const flagged = (text: string) => rule.check(inputFromText(text)).map((v) => v.resources);

describe('api-caching', () => {
  it('non-compliant 1: a REST API with neither CloudFront nor stage caching', () => {
    const violations = rule.check(inputFromText(restApi()));
    expect(violations.map((v) => v.resources)).toEqual([['Api']]);
    expect(violations[0].message).toContain('not served through a CloudFront distribution');
  });

  it('non-compliant 2: CloudFront in front of the API with the managed CachingDisabled policy', () => {
    const violations = rule.check(
      inputFromText(restApi(cdn(`{ TargetOriginId: api, ViewerProtocolPolicy: https-only, CachePolicyId: ${DISABLED} }`))),
    );
    expect(violations.map((v) => v.resources)).toEqual([['Api', 'Cdn']]);
    expect(violations[0].evidence?.[0]).toMatchObject({
      resource: 'Cdn',
      path: 'Properties.DistributionConfig.DefaultCacheBehavior',
      note: 'uses the managed CachingDisabled cache policy',
    });
  });

  it('non-compliant 3: a zero-TTL cache policy, a zero-TTL legacy behavior, and an HTTP API without CloudFront (JSON template)', () => {
    const origin = (api: string) => ({ Id: api, DomainName: { 'Fn::Join': ['', [{ Ref: api }, '.execute-api.us-east-1.amazonaws.com']] } });
    const dist = (api: string, behavior: object) => ({
      Type: 'AWS::CloudFront::Distribution',
      Properties: { DistributionConfig: { Origins: [origin(api)], DefaultCacheBehavior: { TargetOriginId: api, ...behavior } } },
    });
    const json = {
      Resources: {
        Zero: { Type: 'AWS::CloudFront::CachePolicy', Properties: { CachePolicyConfig: { DefaultTTL: 0, MaxTTL: 0, MinTTL: 0 } } },
        A: { Type: 'AWS::ApiGateway::RestApi' },
        B: { Type: 'AWS::ApiGateway::RestApi' },
        Http: { Type: 'AWS::ApiGatewayV2::Api', Properties: { ProtocolType: 'HTTP' } },
        DistA: dist('A', { CachePolicyId: { Ref: 'Zero' } }),
        DistB: dist('B', { ForwardedValues: { QueryString: true }, DefaultTTL: 0 }),
      },
    };
    expect(flagged(JSON.stringify(json))).toEqual([['A', 'DistA'], ['B', 'DistB'], ['Http']]);
  });

  it('non-compliant 4: only a behavior for another origin caches; the API path has caching disabled', () => {
    const more = `        CacheBehaviors:\n          - { PathPattern: /api/*, TargetOriginId: api, ViewerProtocolPolicy: https-only, CachePolicyId: ${DISABLED} }`;
    expect(
      flagged(
        restApi(
          cdn('{ TargetOriginId: site, ViewerProtocolPolicy: https-only, CachePolicyId: 658327ea-f89d-4fab-a63d-7e88639e58f6 }', more),
        ),
      ),
    ).toEqual([['Api', 'Cdn']]);
  });

  it('compliant: stage caching on a Stage or a Deployment', () => {
    expect(
      flagged(restApi('', ", CacheClusterEnabled: true, MethodSettings: [{ HttpMethod: '*', ResourcePath: '/*', CachingEnabled: true }]")),
    ).toEqual([]);
    const deployment = restApi().replace(
      'Properties: { RestApiId: !Ref Api }',
      'Properties: { RestApiId: !Ref Api, StageDescription: { CachingEnabled: true, CacheClusterEnabled: true } }',
    );
    expect(flagged(deployment)).toEqual([]);
    expect(flagged(restApi('', ', CacheClusterEnabled: true'))).toEqual([['Api']]);
  });

  it('compliant: CloudFront with a caching cache policy, or a legacy behavior with the default TTL', () => {
    const policy =
      '  Short: { Type: AWS::CloudFront::CachePolicy, Properties: { CachePolicyConfig: { Name: short, DefaultTTL: 0, MaxTTL: 60, MinTTL: 0 } } }\n';
    expect(flagged(restApi(policy + cdn('{ TargetOriginId: api, ViewerProtocolPolicy: https-only, CachePolicyId: !Ref Short }')))).toEqual(
      [],
    );
    expect(
      flagged(restApi(cdn('{ TargetOriginId: api, ViewerProtocolPolicy: https-only, ForwardedValues: { QueryString: false } }'))),
    ).toEqual([]);
    expect(rule.check(input(undefined))).toEqual([]);
  });

  describe('on a CDK-synthesized stack', () => {
    const cdk = synthOnce((stack, ids) => {
      const handler = inlineFunction(stack, 'Fn');
      const api = (name: string, props: Partial<apigateway.LambdaRestApiProps> = {}) => {
        const a = new apigateway.LambdaRestApi(stack, name, { handler, ...props });
        ids[name] = logicalId(a);
        return a;
      };
      const distribution = (name: string, restApi: apigateway.RestApi, cachePolicy: cloudfront.ICachePolicy) => {
        const d = new cloudfront.Distribution(stack, name, {
          defaultBehavior: { origin: new origins.RestApiOrigin(restApi), cachePolicy },
        });
        ids[name] = logicalId(d);
      };
      api('Uncached');
      distribution('DisabledCdn', api('Disabled'), cloudfront.CachePolicy.CACHING_DISABLED);
      distribution('CachedCdn', api('Cached'), new cloudfront.CachePolicy(stack, 'ApiPolicy', { defaultTtl: Duration.minutes(5) }));
      api('StageCached', { deployOptions: { cacheClusterEnabled: true, cachingEnabled: true } });
    });

    it('non-compliant 1: LambdaRestApi without CloudFront or stage caching', () => {
      expect(rule.check(input(cdk.template)).find((v) => v.resources?.[0] === cdk.ids.Uncached)?.resources).toEqual([cdk.ids.Uncached]);
    });

    it('non-compliant 2: RestApiOrigin behind CachePolicy.CACHING_DISABLED', () => {
      expect(rule.check(input(cdk.template)).find((v) => v.resources?.[0] === cdk.ids.Disabled)?.resources).toEqual([
        cdk.ids.Disabled,
        cdk.ids.DisabledCdn,
      ]);
    });

    it('compliant: RestApiOrigin behind a custom cache policy, and a stage with caching enabled', () => {
      expect(
        rule
          .check(input(cdk.template))
          .map((v) => v.resources?.[0])
          .sort(),
      ).toEqual([cdk.ids.Disabled, cdk.ids.Uncached].sort());
    });
  });
});
