import { fullDiff } from '@aws-cdk/cloudformation-diff';
import { describe, expect, it } from 'vitest';
import { installLinearDifferenceCollections } from './linear-collections';

installLinearDifferenceCollections();

const from = {
  Resources: {
    Kept: { Type: 'AWS::SQS::Queue' },
    Gone: { Type: 'AWS::SQS::Queue' },
    Tuned: { Type: 'AWS::SQS::Queue', Properties: { DelaySeconds: 1 } },
  },
};
const to = {
  Resources: {
    Kept: { Type: 'AWS::SQS::Queue' },
    Tuned: { Type: 'AWS::SQS::Queue', Properties: { DelaySeconds: 2 } },
    New: { Type: 'AWS::SQS::Queue' },
  },
};

describe('installLinearDifferenceCollections', () => {
  it('forEachDifference visits changed resources only, removed then added then updated, as the library documents', () => {
    const seen: string[] = [];
    fullDiff(from, to).resources.forEachDifference((id) => seen.push(id));
    expect(seen).toEqual(['Gone', 'New', 'Tuned']);
  });

  it('filter keeps the changes the predicate accepts, and no unchanged resource', () => {
    const removals = fullDiff(from, to).resources.filter((change) => !!change?.isRemoval);
    expect(removals.logicalIds).toEqual(['Gone']);
    expect(
      fullDiff(from, to)
        .resources.filter(() => true)
        .logicalIds.sort(),
    ).toEqual(['Gone', 'New', 'Tuned']);
  });

  it('a 3,000-resource diff is visited once per change', () => {
    const many = (prefix: string) => ({
      Resources: Object.fromEntries(Array.from({ length: 3000 }, (_, i) => [`${prefix}${i}`, { Type: 'AWS::SQS::Queue' }])),
    });
    const diff = fullDiff(many('A'), many('B'));
    let visits = 0;
    diff.resources.forEachDifference(() => visits++);
    expect(visits).toBe(6000);
    expect(diff.resources.differenceCount).toBe(6000);
  });
});
