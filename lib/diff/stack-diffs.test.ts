import { describe, expect, it } from 'vitest';
import { poldoc, resource, template } from '../rules/test-util';
import { deepFreeze } from '../templates/load';
import { diffForResources } from './evidence';
import { diffStacks } from './stack-diffs';

const role = (action: string) =>
  resource('AWS::IAM::Role', {
    AssumeRolePolicyDocument: poldoc({ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }),
    Policies: [{ PolicyName: 'p', PolicyDocument: poldoc({ Effect: 'Allow', Action: action, Resource: '*' }) }],
  });
const queue = (timeout: number) => resource('AWS::SQS::Queue', { VisibilityTimeout: timeout });

describe('diffStacks', () => {
  const referenceApp = deepFreeze(template({ Queue: queue(30) }, { Outputs: { Url: { Value: 'a' } } }));
  const modelApp = deepFreeze(template({ Queue: queue(60) }, { Outputs: { Url: { Value: 'b' } } }));
  const modelData = deepFreeze(template({ Queue: queue(30), Role: role('s3:*') }));
  const diff = diffStacks(
    [
      { from: { name: 'AppStack', template: referenceApp }, to: { name: 'AppStackdev', template: modelApp }, pairedBy: 'name' },
      { to: { name: 'AppStackdev/Data', template: modelData } },
    ],
    { from: 'reference', to: 'model' },
  );

  it('tags each resource and other change with the stack it belongs to, the same logical id apart in each stack', () => {
    expect(diff.resources.map((r) => [r.stack, r.logicalId, r.change])).toEqual([
      ['AppStackdev', 'Queue', 'updated'],
      ['AppStackdev/Data', 'Queue', 'added'],
      ['AppStackdev/Data', 'Role', 'added'],
    ]);
    expect(diff.other).toEqual([
      {
        path: 'Outputs.Url',
        change: 'updated',
        before: { Value: 'a' },
        after: { Value: 'b' },
        nested: [{ path: 'Value', depth: 0, change: 'updated', before: 'a', after: 'b' }],
        stack: 'AppStackdev',
      },
    ]);
  });

  it('sums the counts, lists the pairs with their own counts, and adds a Stack column to change tables', () => {
    expect(diff.counts).toEqual({ added: 2, removed: 0, updated: 1, destructive: 0 });
    expect(diff.stacks).toEqual([
      {
        from: 'AppStack',
        to: 'AppStackdev',
        pairedBy: 'name',
        stack: 'AppStackdev',
        counts: { added: 0, removed: 0, updated: 1, destructive: 0 },
      },
      { to: 'AppStackdev/Data', stack: 'AppStackdev/Data', counts: { added: 2, removed: 0, updated: 0, destructive: 0 } },
    ]);
    expect(diff.iamStatements?.headers[1]).toBe('Stack');
    expect(diff.iamStatements?.rows.map((row) => [row.change, row.cells[1]])).toContainEqual(['added', 'AppStackdev/Data']);
    expect(diff.permissionsBroadened).toBe(true);
  });

  it("gives a finding's resources only in the stack it names, from either side", () => {
    expect(diffForResources(diff, ['Queue'])).toHaveLength(2);
    expect(diffForResources(diff, ['Queue'], { side: 'to', name: 'AppStackdev/Data' }).map((r) => r.change)).toEqual(['added']);
    expect(diffForResources(diff, ['Queue'], { side: 'from', name: 'AppStack' }).map((r) => r.change)).toEqual(['updated']);
    expect(diffForResources(diff, ['Queue'], { side: 'from', name: 'Elsewhere' })).toEqual([]);
  });

  it('is empty only when every pair is', () => {
    const same = diffStacks(
      [{ from: { name: 'A', template: referenceApp }, to: { name: 'A', template: referenceApp }, pairedBy: 'name' }],
      {
        from: 'r',
        to: 'm',
      },
    );
    expect(same).toMatchObject({ empty: true, resources: [], other: [], stacks: [{ from: 'A', to: 'A', stack: 'A' }] });
  });
});
