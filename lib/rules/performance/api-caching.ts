import { getPath, referencedOfType } from '../../templates/query';
import type { CfnTemplate, CfnValue } from '../../templates/types';
import type { Evidence, Rule, RuleInput, Violation } from '../types';
import { apiIds, cloudFrontBehaviorsForApi, stageCachingEvidence, type ApiCacheBehavior } from '../util/api';

/** Managed CloudFront policy "CachingDisabled". */
const CACHING_DISABLED = '4135ea2d-6df8-44a3-9df3-4b5a84be39ad';

/** Each API must be cached: by a CloudFront behavior in front of it, or by API Gateway stage caching. */
function check({ template }: RuleInput): Violation[] {
  if (!template) return [];
  const violations: Violation[] = [];
  for (const apiId of apiIds(template)) {
    if (stageCachingEvidence(template, apiId).length > 0) continue;
    const behaviors = cloudFrontBehaviorsForApi(template, apiId);
    const judged = behaviors.map((b) => ({ ...b, reason: whyNotCaching(template, b) }));
    if (judged.some((b) => b.reason === undefined)) continue;
    const distributions = [...new Set(behaviors.map((b) => b.distributionId))];
    const evidence: Evidence[] = judged.map((b) => ({ resource: b.distributionId, path: b.path, value: b.behavior, note: b.reason! }));
    evidence.push({ resource: apiId, note: 'no AWS::ApiGateway::Stage with CacheClusterEnabled and CachingEnabled method settings' });
    violations.push({
      message: distributions.length
        ? `API ${apiId} is served through CloudFront distribution ${distributions.join(', ')}, but no cache behavior for it caches, and it has no stage caching.`
        : `API ${apiId} is not served through a CloudFront distribution and has no API Gateway stage caching.`,
      resources: [apiId, ...distributions],
      evidence,
    });
  }
  return violations;
}

export const rule: Rule = { id: 'api-caching', check };

/** Why a cache behavior does not cache, or undefined when it does (or cannot be judged). */
function whyNotCaching(template: CfnTemplate, { behavior }: ApiCacheBehavior): string | undefined {
  const policyId = behavior.CachePolicyId;
  if (policyId === CACHING_DISABLED) return 'uses the managed CachingDisabled cache policy';
  const [policy] = referencedOfType(template, policyId, 'AWS::CloudFront::CachePolicy');
  if (policy) {
    const config = template.Resources[policy].Properties?.CachePolicyConfig;
    return positive(getPath(config, 'DefaultTTL')) || positive(getPath(config, 'MaxTTL'))
      ? undefined
      : `cache policy ${policy} has DefaultTTL and MaxTTL 0`;
  }
  // Another managed policy id, or a parameter: assume it caches.
  if (policyId !== undefined) return undefined;
  const ttl = behavior.DefaultTTL ?? 86400;
  return positive(ttl) ? undefined : 'legacy ForwardedValues behavior with DefaultTTL 0';
}

/** Whether a TTL value is a number above 0 (YAML may give it as a string). */
function positive(value: CfnValue | undefined): boolean {
  return Number(value ?? 0) > 0;
}
