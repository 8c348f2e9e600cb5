import { asList, getPath, refersTo, resourcesOfType } from '../../templates/query';
import type { CfnResource, CfnValue } from '../../templates/types';
import type { Evidence, Rule, RuleInput, Violation } from '../types';
import { literalNumber } from '../util/cfn';
import { holdsData } from '../util/data';

/** Databases, tables and warehouses must keep backups: RDS retention above 0, DynamoDB point-in-time recovery, Redshift snapshots. */
function check({ template }: RuleInput): Violation[] {
  if (!template) return [];
  const selections = resourcesOfType(template, 'AWS::Backup::BackupSelection').map(
    ([, selection]) => selection.Properties?.BackupSelection,
  );
  // A selection by tags or conditions may cover any resource: then no resource can be said to lack a backup plan.
  if (selections.some((selection) => getPath(selection, 'ListOfTags') !== undefined || getPath(selection, 'Conditions') !== undefined))
    return [];
  const violations: Violation[] = [];
  for (const [id, resource] of resourcesOfType(template)) {
    if (!holdsData(resource) || selections.some((selection) => refersTo(getPath(selection, 'Resources'), id))) continue;
    const evidence = backupsOff(resource);
    if (!evidence) continue;
    violations.push({
      message: `${id} (${resource.Type}) has no backups: ${evidence.note}; a bad write or deletion cannot be undone.`,
      resources: [id],
      evidence: [{ resource: id, ...evidence }],
    });
  }
  return violations;
}

export const rule: Rule = { id: 'data-backups-disabled', check };

/** Evidence that a resource's own backups are off, or undefined when they are on or cannot be read (intrinsics). */
function backupsOff(resource: CfnResource): Omit<Evidence, 'resource'> | undefined {
  const props = resource.Properties ?? {};
  switch (resource.Type) {
    case 'AWS::RDS::DBInstance':
      return literalNumber(props.BackupRetentionPeriod) === 0
        ? {
            path: 'Properties.BackupRetentionPeriod',
            value: props.BackupRetentionPeriod,
            note: 'BackupRetentionPeriod 0 turns automated backups off',
          }
        : undefined;
    case 'AWS::Redshift::Cluster':
      return literalNumber(props.AutomatedSnapshotRetentionPeriod) === 0
        ? {
            path: 'Properties.AutomatedSnapshotRetentionPeriod',
            value: props.AutomatedSnapshotRetentionPeriod,
            note: 'AutomatedSnapshotRetentionPeriod 0 turns automated snapshots off',
          }
        : undefined;
    case 'AWS::DynamoDB::Table':
      return pitrOff(props.PointInTimeRecoverySpecification, 'Properties.PointInTimeRecoverySpecification');
    case 'AWS::DynamoDB::GlobalTable': {
      const replicas = asList(props.Replicas as CfnValue[] | undefined);
      const off = replicas.map((replica, i) =>
        pitrOff(getPath(replica, 'PointInTimeRecoverySpecification'), `Properties.Replicas.${i}.PointInTimeRecoverySpecification`),
      );
      return replicas.length > 0 && off.every(Boolean) ? off[0] : undefined;
    }
    default:
      return undefined;
  }
}

/** Evidence that a PointInTimeRecoverySpecification leaves point-in-time recovery off (missing, or a literal false). */
function pitrOff(spec: CfnValue | undefined, path: string): Omit<Evidence, 'resource'> | undefined {
  if (spec === undefined) return { path, note: 'point-in-time recovery is not enabled (PointInTimeRecoverySpecification is missing)' };
  const enabled = getPath(spec, 'PointInTimeRecoveryEnabled');
  if (enabled === true || enabled === 'true' || (enabled !== undefined && typeof enabled === 'object')) return undefined;
  if (typeof spec === 'object' && !Array.isArray(spec) && Object.keys(spec ?? {}).some((key) => key.startsWith('Fn::'))) return undefined;
  return { path, value: spec, note: 'point-in-time recovery is off (PointInTimeRecoveryEnabled is not true)' };
}
