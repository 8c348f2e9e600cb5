import { resourcesOfType } from '../../templates/query';
import type { Rule, RuleInput, Violation } from '../types';
import { valuesAt } from '../util/paths';

/** Launch template versions in resources whose CloudFormation documentation requires a version number. */
const VERSION_PATHS: readonly { type: string; path: string }[] = [
  { type: 'AWS::AutoScaling::AutoScalingGroup', path: 'LaunchTemplate.Version' },
  { type: 'AWS::AutoScaling::AutoScalingGroup', path: 'MixedInstancesPolicy.LaunchTemplate.LaunchTemplateSpecification.Version' },
  {
    type: 'AWS::AutoScaling::AutoScalingGroup',
    path: 'MixedInstancesPolicy.LaunchTemplate.Overrides.*.LaunchTemplateSpecification.Version',
  },
  { type: 'AWS::EC2::Instance', path: 'LaunchTemplate.Version' },
  { type: 'AWS::EC2::SpotFleet', path: 'SpotFleetRequestConfigData.LaunchTemplateConfigs.*.LaunchTemplateSpecification.Version' },
];

/** `$Latest` or `$Default` where CloudFormation's documentation asks for a launch template version number (Fn::GetAtt LatestVersionNumber or DefaultVersionNumber). */
function check({ template }: RuleInput): Violation[] {
  if (!template) return [];
  const violations: Violation[] = [];
  for (const [id, resource] of resourcesOfType(template)) {
    for (const { type, path } of VERSION_PATHS) {
      if (resource.Type !== type) continue;
      for (const { path: at, value } of valuesAt(resource.Properties, path, 'Properties')) {
        if (value !== '$Latest' && value !== '$Default') continue;
        const attribute = value === '$Latest' ? 'LatestVersionNumber' : 'DefaultVersionNumber';
        violations.push({
          message: `${id} (${type}) gives the launch template version as ${value} instead of a version number: CloudFormation does not roll a new launch template version out to it; use Fn::GetAtt <launch template>.${attribute}.`,
          resources: [id],
          evidence: [{ resource: id, path: at, value, note: `CloudFormation takes a version number here (Fn::GetAtt ${attribute})` }],
        });
      }
    }
  }
  return violations;
}

export const rule: Rule = { id: 'launch-template-version-keyword', check };
