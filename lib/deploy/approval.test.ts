import { describe, expect, it } from 'vitest';
import { diffTemplates } from '../diff/template-diff';
import { decideApproval } from './approval';

const queue = { Type: 'AWS::SQS::Queue', Properties: { QueueName: 'q' } };
const role = (actions: string[]) => ({
  Type: 'AWS::IAM::Role',
  Properties: {
    AssumeRolePolicyDocument: {
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }],
    },
    Policies: [
      { PolicyName: 'p', PolicyDocument: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: actions, Resource: '*' }] } },
    ],
  },
});

describe('decideApproval', () => {
  it('asks nothing under "never", even for a destructive, broadening change', () => {
    const diff = diffTemplates({ Resources: { Q: queue } }, { Resources: { R: role(['s3:*']) } });
    expect(decideApproval('never', diff)).toEqual({ required: false, policy: 'never', reasons: [] });
  });

  it('under "broadening", asks when IAM permissions widen', () => {
    const diff = diffTemplates({ Resources: { R: role(['s3:GetObject']) } }, { Resources: { R: role(['s3:GetObject', 's3:PutObject']) } });
    const decision = decideApproval('broadening', diff);
    expect(decision.required).toBe(true);
    expect(decision.reasons).toContain('IAM permissions or security group rules are broadened');
  });

  it('under "broadening", asks when a resource is replaced or removed, naming it', () => {
    const replaced = diffTemplates({ Resources: { Q: queue } }, { Resources: { Q: { ...queue, Properties: { QueueName: 'other' } } } });
    expect(decideApproval('broadening', replaced).reasons).toEqual(['replaces Q']);
    const removed = diffTemplates(
      { Resources: { Q: queue, T: { Type: 'AWS::SNS::Topic' } } },
      { Resources: { T: { Type: 'AWS::SNS::Topic' } } },
    );
    expect(decideApproval('broadening', removed).reasons).toEqual(['removes Q']);
  });

  it('under "broadening", lets an addition through; under "any-change" it asks', () => {
    const added = diffTemplates({ Resources: { Q: queue } }, { Resources: { Q: queue, T: { Type: 'AWS::SNS::Topic' } } });
    expect(decideApproval('broadening', added).required).toBe(false);
    const anyChange = decideApproval('any-change', added);
    expect(anyChange.required).toBe(true);
    expect(anyChange.reasons[0]).toMatch(/1 resource change/);
  });

  it('asks nothing for an empty diff under any policy', () => {
    const same = diffTemplates({ Resources: { Q: queue } }, { Resources: { Q: queue } });
    for (const policy of ['never', 'broadening', 'any-change'] as const) expect(decideApproval(policy, same).required).toBe(false);
  });
});
