import { resourcesOfType } from '../../templates/query';
import type { CfnResource, CfnTemplate } from '../../templates/types';
import type { Rule, RuleInput, Violation } from '../types';
import { holdsData, meantToBeKept } from '../util/data';

/** The property that turns deletion protection on, per type that has one. */
const PROTECTION_PROPERTY: Readonly<Record<string, string>> = {
  'AWS::RDS::DBInstance': 'DeletionProtection',
  'AWS::RDS::DBCluster': 'DeletionProtection',
  'AWS::DocDB::DBCluster': 'DeletionProtection',
  'AWS::Neptune::DBCluster': 'DeletionProtection',
  'AWS::DynamoDB::Table': 'DeletionProtectionEnabled',
};

/** A database or table the template means to keep (DeletionPolicy Retain) must also turn its deletion protection on. */
function check({ template }: RuleInput): Violation[] {
  if (!template) return [];
  const violations: Violation[] = [];
  for (const [id, resource] of resourcesOfType(template)) {
    const property = PROTECTION_PROPERTY[resource.Type];
    if (!property || !holdsData(resource) || !meantToBeKept(resource) || retainedByCdkDefault(template, resource)) continue;
    const value = resource.Properties?.[property];
    // Only a missing or literally false setting is off; a parameter or condition may turn it on.
    if (value !== undefined && value !== false && value !== 'false') continue;
    violations.push({
      message: `${id} (${resource.Type}) is kept on stack deletion (DeletionPolicy ${resource.DeletionPolicy}) but has ${property} ${value === undefined ? 'unset (off)' : 'false'}: anyone with delete rights can still drop it, outside CloudFormation.`,
      resources: [id],
      evidence: [
        { resource: id, path: 'DeletionPolicy', value: resource.DeletionPolicy, note: 'the template means to keep this resource' },
        { resource: id, path: `Properties.${property}`, value, note: 'deletion protection is off' },
      ],
    });
  }
  return violations;
}

export const rule: Rule = { id: 'deletion-protection-disabled', check };

/** CDK types whose RemovalPolicy defaults to RETAIN: in a synthesized template, their Retain may be CDK's default rather than the author's decision to keep them. */
const CDK_RETAIN_BY_DEFAULT = new Set(['AWS::DynamoDB::Table', 'AWS::DynamoDB::GlobalTable']);

/** Whether the resource comes from a CDK construct that retains by default: the template has CDK's BootstrapVersion parameter or the resource its `aws:cdk:path`. */
function retainedByCdkDefault(template: CfnTemplate, resource: CfnResource): boolean {
  if (!CDK_RETAIN_BY_DEFAULT.has(resource.Type)) return false;
  return template.Parameters?.BootstrapVersion !== undefined || resource.Metadata?.['aws:cdk:path'] !== undefined;
}
