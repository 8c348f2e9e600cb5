import { getPath, referencedOfType, resourcesOfType } from '../../templates/query';
import type { CfnTemplate, CfnValue } from '../../templates/types';
import type { Evidence, Rule, RuleInput, Violation } from '../types';
import { publicSubnetEvidence } from '../util/network';
import { settingOf } from '../util/settings';

const DATABASE_TYPES = ['AWS::RDS::DBInstance', 'AWS::RDS::DBCluster'] as const;

/** Databases must not be publicly accessible, nor placed in a DB subnet group that contains public subnets. */
function check({ template }: RuleInput): Violation[] {
  if (!template) return [];
  const violations: Violation[] = [];
  for (const type of DATABASE_TYPES) {
    for (const [id, db] of resourcesOfType(template, type)) {
      const props = db.Properties ?? {};
      const evidence: Evidence[] = [];
      const reasons: string[] = [];
      if (settingOf(props.PubliclyAccessible) === true) {
        reasons.push('is publicly accessible');
        evidence.push({
          resource: id,
          path: 'Properties.PubliclyAccessible',
          value: props.PubliclyAccessible,
          note: 'the database gets a public endpoint',
        });
      }
      const placement = publicPlacement(template, props.DBSubnetGroupName);
      if (placement.subnets.length)
        reasons.push(`is placed in public subnet${placement.subnets.length > 1 ? 's' : ''} ${placement.subnets.join(', ')}`);
      evidence.push(...placement.evidence);
      if (reasons.length === 0) continue;
      violations.push({
        message: `Database ${id} ${reasons.join(' and ')}.`,
        resources: [id, ...placement.groups, ...placement.subnets],
        evidence,
      });
    }
  }
  return violations;
}

export const rule: Rule = { id: 'rds-public-access', check };

/** The DB subnet groups named by `groupName` and the public subnets among theirs, with the evidence that they are public. */
function publicPlacement(
  template: CfnTemplate,
  groupName: CfnValue | undefined,
): { groups: string[]; subnets: string[]; evidence: Evidence[] } {
  const groups = referencedOfType(template, groupName, 'AWS::RDS::DBSubnetGroup');
  const subnets: string[] = [];
  const evidence: Evidence[] = [];
  for (const group of groups) {
    const subnetIds = getPath(template.Resources[group], 'Properties.SubnetIds');
    for (const subnet of referencedOfType(template, subnetIds, 'AWS::EC2::Subnet')) {
      const found = publicSubnetEvidence(template, subnet);
      if (found.length === 0 || subnets.includes(subnet)) continue;
      subnets.push(subnet);
      evidence.push(
        { resource: group, path: 'Properties.SubnetIds', value: subnetIds, note: `includes public subnet ${subnet}` },
        ...found,
      );
    }
  }
  return { groups: subnets.length ? groups : [], subnets, evidence };
}
