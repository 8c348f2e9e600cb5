import { Duration } from 'aws-cdk-lib';
import * as apigateway from 'aws-cdk-lib/aws-apigateway';
import * as cloudfront from 'aws-cdk-lib/aws-cloudfront';
import * as origins from 'aws-cdk-lib/aws-cloudfront-origins';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import { Construct } from 'constructs';

/** Props of {@link Edge}. */
export interface EdgeProps {
  /** What the API invokes: the function's provisioned-concurrency alias, not the function itself. */
  handler: lambda.IFunction;
}

/**
 * A regional REST API proxying every route to `handler`, served through a CloudFront
 * distribution whose default behavior caches GET/HEAD/OPTIONS responses (default TTL 60 s).
 */
export class Edge extends Construct {
  public readonly api: apigateway.LambdaRestApi;
  public readonly cachePolicy: cloudfront.CachePolicy;
  public readonly distribution: cloudfront.Distribution;

  constructor(scope: Construct, id: string, props: EdgeProps) {
    super(scope, id);
    this.api = new apigateway.LambdaRestApi(this, 'Api', {
      handler: props.handler,
      proxy: true,
      // CloudFront is the edge; an edge-optimized API would put a second distribution behind it.
      endpointTypes: [apigateway.EndpointType.REGIONAL],
      // The CloudWatch role is an account-wide setting (AWS::ApiGateway::Account), not this stack's to own.
      cloudWatchRole: false,
    });
    // The stack exports the endpoint as ApiUrl; the construct's own duplicate output is dropped.
    this.api.node.tryRemoveChild('Endpoint');
    this.cachePolicy = new cloudfront.CachePolicy(this, 'ApiCachePolicy', {
      comment: 'Caches API reads briefly; writes pass through uncached',
      defaultTtl: Duration.seconds(60),
      minTtl: Duration.seconds(0),
      maxTtl: Duration.seconds(300),
      queryStringBehavior: cloudfront.CacheQueryStringBehavior.all(),
      headerBehavior: cloudfront.CacheHeaderBehavior.none(),
      cookieBehavior: cloudfront.CacheCookieBehavior.none(),
      enableAcceptEncodingGzip: true,
      enableAcceptEncodingBrotli: true,
    });
    this.distribution = new cloudfront.Distribution(this, 'Distribution', {
      comment: 'Caching edge for the items API',
      priceClass: cloudfront.PriceClass.PRICE_CLASS_100,
      defaultBehavior: {
        origin: new origins.RestApiOrigin(this.api),
        cachePolicy: this.cachePolicy,
        // API Gateway routes on its own Host header, so every viewer header except Host is forwarded.
        originRequestPolicy: cloudfront.OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER,
        allowedMethods: cloudfront.AllowedMethods.ALLOW_ALL,
        cachedMethods: cloudfront.CachedMethods.CACHE_GET_HEAD_OPTIONS,
        viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
      },
    });
  }
}
