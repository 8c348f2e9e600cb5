import { describe, expect, it } from 'vitest';
import { diffTemplates } from '../diff/template-diff';
import type { CfnTemplate } from '../templates/types';
import { decideApproval } from './approval';
import { changeSetRowsOf, deployWouldSentence, summarizeChangeRows } from './change-rows';
import type { DeployPreview } from './types';

const queue = (name: string) => ({ Type: 'AWS::SQS::Queue', Properties: { QueueName: name } });
const topic = (name: string) => ({ Type: 'AWS::SNS::Topic', Properties: { DisplayName: name } });
const bucket = { Type: 'AWS::S3::Bucket', Properties: {} };

/** A preview of deploying `reference` over `deployed` under `policy`, with the change set's `changes` as given. */
function preview(
  deployed: CfnTemplate,
  reference: CfnTemplate,
  policy: 'never' | 'broadening' | 'any-change',
  changes: DeployPreview['changes'],
): Pick<DeployPreview, 'changes' | 'diff' | 'approval'> {
  const diff = diffTemplates(deployed, reference, { from: 'deployed', to: 'reference' });
  return { changes, diff, approval: decideApproval(policy, diff) };
}

const deployed: CfnTemplate = { Resources: { Jobs: queue('jobs'), Alerts: topic('a'), Old: bucket } };
const reference: CfnTemplate = { Resources: { Jobs: queue('jobs-2'), Alerts: topic('b'), Logs: bucket } };
// What moto answers: actions and types only, no Replacement.
const motoChanges: DeployPreview['changes'] = [
  { logicalId: 'Logs', type: 'AWS::S3::Bucket', action: 'Add' },
  { logicalId: 'Jobs', type: 'AWS::SQS::Queue', action: 'Modify' },
  { logicalId: 'Alerts', type: 'AWS::SNS::Topic', action: 'Modify' },
  { logicalId: 'Old', type: 'AWS::S3::Bucket', action: 'Remove' },
];

describe('changeSetRowsOf', () => {
  it('lists each change with the console’s action, and replacement from the diff when the change set states none', () => {
    const rows = changeSetRowsOf(preview(deployed, reference, 'broadening', motoChanges));
    expect(rows.map(({ action, logicalId, type, replacement }) => [action, logicalId, type, replacement])).toEqual([
      ['Add', 'Logs', 'AWS::S3::Bucket', null],
      ['Modify', 'Jobs', 'AWS::SQS::Queue', 'True'],
      ['Modify', 'Alerts', 'AWS::SNS::Topic', 'False'],
      ['Remove', 'Old', 'AWS::S3::Bucket', null],
    ]);
  });

  it('takes CloudFormation’s own replacement over the diff’s', () => {
    const changes = motoChanges.map((c) => (c.logicalId === 'Alerts' ? { ...c, replacement: 'Conditional' } : c));
    const rows = changeSetRowsOf(preview(deployed, reference, 'broadening', changes));
    expect(rows.find((row) => row.logicalId === 'Alerts')?.replacement).toBe('Conditional');
  });

  it('names the approval reasons each resource triggers under "broadening", and none under "never"', () => {
    const rows = changeSetRowsOf(preview(deployed, reference, 'broadening', motoChanges));
    expect(Object.fromEntries(rows.map((row) => [row.logicalId, row.approvalReasons]))).toEqual({
      Logs: [],
      Jobs: ['replaced'],
      Alerts: [],
      Old: ['removed'],
    });
    const never = changeSetRowsOf(preview(deployed, reference, 'never', motoChanges));
    expect(never.every((row) => row.approvalReasons.length === 0)).toBe(true);
  });

  it('under "any-change", every row is there because of the policy unless it has a stronger reason', () => {
    const rows = changeSetRowsOf(preview(deployed, reference, 'any-change', motoChanges));
    expect(rows.find((row) => row.logicalId === 'Logs')?.approvalReasons).toEqual(['any change (policy)']);
    expect(rows.find((row) => row.logicalId === 'Jobs')?.approvalReasons).toEqual(['replaced']);
  });

  it('drops a Modify the template diff does not confirm (moto lists one for an unchanged stack) and adds what only the diff sees', () => {
    const same: CfnTemplate = { Resources: { Jobs: queue('jobs'), Logs: bucket } };
    const rows = changeSetRowsOf(
      preview({ Resources: { Jobs: queue('jobs') } }, same, 'never', [{ logicalId: 'Jobs', type: 'AWS::SQS::Queue', action: 'Modify' }]),
    );
    expect(rows.map((row) => [row.action, row.logicalId])).toEqual([['Add', 'Logs']]);
  });
});

describe('summarizeChangeRows and deployWouldSentence', () => {
  it('count additions, modifications (and the replacing ones) and removals', () => {
    expect(summarizeChangeRows(changeSetRowsOf(preview(deployed, reference, 'never', motoChanges)))).toEqual({
      add: 1,
      modify: 2,
      replace: 1,
      remove: 1,
    });
  });

  it('say what a deploy would do, in its direction', () => {
    expect(deployWouldSentence({ added: 2, updated: 1, removed: 0, destructive: 0 })).toBe(
      'A deploy would add 2 resources, update 1, remove 0',
    );
    expect(deployWouldSentence({ added: 1, updated: 0, removed: 3, destructive: 3 })).toBe(
      'A deploy would add 1 resource, update 0, remove 3',
    );
  });
});
