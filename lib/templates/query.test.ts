import { describe, expect, it } from 'vitest';
import { deepFreeze } from './load';
import { resourcesOfType } from './query';
import type { CfnResource, CfnTemplate } from './types';

const template = (): CfnTemplate & { Resources: Record<string, CfnResource> } => ({
  Resources: {
    A: { Type: 'AWS::S3::Bucket' },
    Q: { Type: 'AWS::SQS::Queue' },
    B: { Type: 'AWS::S3::Bucket', Properties: { BucketName: 'b' } },
  },
});

describe('resourcesOfType', () => {
  it('a frozen template: the resources of a type, or all, in template order, in a new array each call', () => {
    const frozen = deepFreeze(template());
    expect(resourcesOfType(frozen, 'AWS::S3::Bucket').map(([id]) => id)).toEqual(['A', 'B']);
    expect(resourcesOfType(frozen).map(([id]) => id)).toEqual(['A', 'Q', 'B']);
    expect(resourcesOfType(frozen, 'AWS::SNS::Topic')).toEqual([]);
    const first = resourcesOfType(frozen, 'AWS::SQS::Queue');
    first.pop();
    expect(resourcesOfType(frozen, 'AWS::SQS::Queue').map(([id]) => id)).toEqual(['Q']);
  });

  it('an unfrozen template is read as it is at each call', () => {
    const open = template();
    expect(resourcesOfType(open, 'AWS::SQS::Queue')).toHaveLength(1);
    open.Resources.Q2 = { Type: 'AWS::SQS::Queue' };
    expect(resourcesOfType(open, 'AWS::SQS::Queue').map(([id]) => id)).toEqual(['Q', 'Q2']);
  });
});
