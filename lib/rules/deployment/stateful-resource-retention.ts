import { resourcesOfType } from '../../templates/query';
import type { Rule, RuleInput, Violation } from '../types';
import { holdsData } from '../util/data';

/**
 * Resources that hold data must say what happens to it on stack deletion and replacement: a template that sets neither
 * DeletionPolicy nor UpdateReplacePolicy deletes them by default (an explicit `Delete` is a deliberate choice; a single
 * policy without the other is cfn-lint's W3011).
 */
function check({ template }: RuleInput): Violation[] {
  if (!template) return [];
  const unset = resourcesOfType(template).filter(
    ([, resource]) => holdsData(resource) && resource.DeletionPolicy === undefined && resource.UpdateReplacePolicy === undefined,
  );
  if (unset.length === 0) return [];
  const names = unset.map(([id, resource]) => `${id} (${resource.Type})`);
  return [
    {
      message:
        `${names.join(', ')} ${unset.length > 1 ? 'have' : 'has'} neither DeletionPolicy nor UpdateReplacePolicy: CloudFormation ` +
        'deletes the data when the stack is deleted or the resource replaced (and fails to delete a bucket that still holds objects).',
      resources: unset.map(([id]) => id),
      evidence: unset.map(([id]) => ({
        resource: id,
        path: 'DeletionPolicy',
        note: 'neither DeletionPolicy nor UpdateReplacePolicy is set',
      })),
    },
  ];
}

export const rule: Rule = { id: 'stateful-resource-retention', check };
