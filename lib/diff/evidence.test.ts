import { describe, expect, it } from 'vitest';
import { resource, template } from '../rules/test-util';
import { diffForResources, diffForTypes, summarizeImpact } from './evidence';
import { diffTemplates } from './template-diff';

const from = template({
  Table: resource('AWS::DynamoDB::Table', { KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }] }),
  Queue: resource('AWS::SQS::Queue', { DelaySeconds: 1 }),
  Gone: resource('AWS::SNS::Topic'),
  Morph: resource('AWS::SNS::Topic'),
});
const to = template({
  Table: resource('AWS::DynamoDB::Table', { KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }] }),
  Queue: resource('AWS::SQS::Queue', { DelaySeconds: 2 }),
  Added: resource('AWS::SQS::Queue'),
  Morph: resource('AWS::SQS::Queue'),
});
const diff = diffTemplates(from, to);

describe('diffForResources', () => {
  it('returns the changes of the given logical ids in diff order and ignores unknown ids', () => {
    expect(diffForResources(diff, ['Added', 'Table', 'Nope']).map((c) => c.logicalId)).toEqual(['Table', 'Added']);
  });

  it('returns nothing for no ids', () => {
    expect(diffForResources(diff, [])).toEqual([]);
  });
});

describe('diffForTypes', () => {
  it('returns changes whose new or old type is one of the types', () => {
    expect(diffForTypes(diff, ['AWS::SQS::Queue']).map((c) => c.logicalId)).toEqual(['Morph', 'Queue', 'Added']);
    expect(diffForTypes(diff, ['AWS::SNS::Topic']).map((c) => c.logicalId)).toEqual(['Morph', 'Gone']);
  });
});

describe('summarizeImpact', () => {
  it('gives the worst impact, counts per impact and destructive ids worst first', () => {
    expect(summarizeImpact(diff)).toEqual({
      worst: 'destroy',
      byImpact: { replace: 2, update: 1, destroy: 1, create: 1 },
      destructive: ['Gone', 'Morph', 'Table'],
    });
  });

  it('says none for an empty diff', () => {
    expect(summarizeImpact(diffTemplates(from, from))).toEqual({ worst: 'none', byImpact: {}, destructive: [] });
  });
});
