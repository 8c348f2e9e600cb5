/* API Gateway plumbing shared by API rules: which APIs exist, which Lambda targets they invoke, how they are cached. */
import { asList, getPath, referencedIds, referencedOfType, refersTo, resourcesOfType, stringLiterals } from '../../templates/query';
import type { CfnResource, CfnTemplate, CfnValue } from '../../templates/types';
import type { Evidence } from '../types';

/** Logical IDs of the REST (`AWS::ApiGateway::RestApi`) and HTTP/WebSocket (`AWS::ApiGatewayV2::Api`) APIs. */
export function apiIds(template: CfnTemplate): string[] {
  return [...resourcesOfType(template, 'AWS::ApiGateway::RestApi'), ...resourcesOfType(template, 'AWS::ApiGatewayV2::Api')].map(
    ([id]) => id,
  );
}

/** One place where an API invokes Lambda: `source` resource, the property `path` and its `value`, the invoked `target`
 * (a function, alias or version) and the `functionId` behind it. */
export interface ApiInvocation {
  source: string;
  path: string;
  value: CfnValue;
  target: string;
  functionId: string;
}

const LAMBDA_TARGETS = ['AWS::Lambda::Function', 'AWS::Lambda::Alias', 'AWS::Lambda::Version'];

/** Where properties that invoke Lambda live, per resource type. */
const INVOKING_PATHS: Record<string, string[]> = {
  'AWS::ApiGateway::Method': ['Properties.Integration.Uri'],
  'AWS::ApiGatewayV2::Integration': ['Properties.IntegrationUri'],
  'AWS::ApiGateway::RestApi': ['Properties.Body'],
  'AWS::ApiGatewayV2::Api': ['Properties.Body', 'Properties.Target'],
};

/** Every Lambda function, alias or version that an API invokes: method and V2 integrations, OpenAPI bodies,
 * quick-create targets, and `AWS::Lambda::Permission`s granted to apigateway.amazonaws.com. */
export function apiLambdaInvocations(template: CfnTemplate): ApiInvocation[] {
  const found: ApiInvocation[] = [];
  for (const [source, resource] of resourcesOfType(template)) {
    const paths = INVOKING_PATHS[resource.Type] ?? (isApiGatewayPermission(resource) ? ['Properties.FunctionName'] : []);
    for (const path of paths) {
      const value = getPath(resource, path);
      for (const target of LAMBDA_TARGETS.flatMap((type) => referencedOfType(template, value, type))) {
        const functionId = functionOf(template, target);
        if (functionId && value !== undefined) found.push({ source, path, value, target, functionId });
      }
    }
  }
  return found;
}

/** The Lambda function behind a function, alias or version logical ID (via FunctionName), if resolvable. */
export function functionOf(template: CfnTemplate, targetId: string): string | undefined {
  const target = template.Resources[targetId];
  if (target?.Type === 'AWS::Lambda::Function') return targetId;
  return referencedOfType(template, target?.Properties?.FunctionName, 'AWS::Lambda::Function')[0];
}

/** Evidence that a REST API caches at the stage (a Stage with a cache cluster and caching method settings, or a
 * Deployment whose StageDescription enables caching); empty when it does not. */
export function stageCachingEvidence(template: CfnTemplate, apiId: string): Evidence[] {
  const evidence: Evidence[] = [];
  for (const [id, stage] of resourcesOfType(template, 'AWS::ApiGateway::Stage')) {
    const props = stage.Properties;
    if (!refersTo(props?.RestApiId, apiId) || !isTrue(props?.CacheClusterEnabled)) continue;
    const settings = asList(props?.MethodSettings);
    const index = settings.findIndex((s) => isTrue(getPath(s, 'CachingEnabled')));
    if (index >= 0)
      evidence.push({
        resource: id,
        path: `Properties.MethodSettings.${index}.CachingEnabled`,
        value: true,
        note: 'stage caching is enabled',
      });
  }
  for (const [id, deployment] of resourcesOfType(template, 'AWS::ApiGateway::Deployment')) {
    if (!refersTo(deployment.Properties?.RestApiId, apiId)) continue;
    const description = deployment.Properties?.StageDescription;
    const methodCaching =
      isTrue(getPath(description, 'CacheClusterEnabled')) &&
      asList(getPath(description, 'MethodSettings')).some((s) => isTrue(getPath(s, 'CachingEnabled')));
    if (isTrue(getPath(description, 'CachingEnabled')) || methodCaching) {
      evidence.push({
        resource: id,
        path: 'Properties.StageDescription',
        value: description ?? null,
        note: 'the deployment stage enables caching',
      });
    }
  }
  return evidence;
}

/** A CloudFront cache behavior that serves an origin pointing at an API. */
export interface ApiCacheBehavior {
  distributionId: string;
  /** Dotted path of the behavior, e.g. `Properties.DistributionConfig.DefaultCacheBehavior`. */
  path: string;
  behavior: { [key: string]: CfnValue };
}

/** Cache behaviors of CloudFront distributions that route to an origin whose DomainName is built from `apiId`. */
export function cloudFrontBehaviorsForApi(template: CfnTemplate, apiId: string): ApiCacheBehavior[] {
  const found: ApiCacheBehavior[] = [];
  for (const [distributionId, distribution] of resourcesOfType(template, 'AWS::CloudFront::Distribution')) {
    const config = distribution.Properties?.DistributionConfig;
    const origins = asList(getPath(config, 'Origins')).filter((o) => referencedIds(getPath(o, 'DomainName')).has(apiId));
    if (origins.length === 0) continue;
    const originIds = origins.map((o) => getPath(o, 'Id'));
    const base = 'Properties.DistributionConfig';
    const behaviors = [
      { path: `${base}.DefaultCacheBehavior`, behavior: getPath(config, 'DefaultCacheBehavior') },
      ...asList(getPath(config, 'CacheBehaviors')).map((behavior, i) => ({ path: `${base}.CacheBehaviors.${i}`, behavior })),
    ];
    for (const { path, behavior } of behaviors) {
      if (!behavior || typeof behavior !== 'object' || Array.isArray(behavior)) continue;
      // A behavior whose target cannot be compared (not a literal) is assumed to serve the API origin.
      const target = behavior.TargetOriginId;
      if (typeof target === 'string' && originIds.every((o) => typeof o === 'string') && !originIds.includes(target)) continue;
      found.push({ distributionId, path, behavior });
    }
  }
  return found;
}

/** Whether a resource is an `AWS::Lambda::Permission` granted to API Gateway. */
function isApiGatewayPermission(resource: CfnResource): boolean {
  return (
    resource.Type === 'AWS::Lambda::Permission' &&
    stringLiterals(resource.Properties?.Principal).some((p) => p.value.startsWith('apigateway.'))
  );
}

/** Whether a template value is boolean true (or the string "true"). */
function isTrue(value: CfnValue | undefined): boolean {
  return value === true || value === 'true';
}
