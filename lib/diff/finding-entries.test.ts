import { describe, expect, it } from 'vitest';
import { diffAnchorId, entriesOfFinding, findingsByAnchor } from './finding-entries';
import type { ResourceChange, TemplateDiffJson } from './types';

const change = (logicalId: string, kind: ResourceChange['change'], extra: Partial<ResourceChange> = {}): ResourceChange => ({
  logicalId,
  type: 'AWS::S3::Bucket',
  change: kind,
  impact: 'update',
  destructive: false,
  properties: [],
  ...extra,
});

const diff: TemplateDiffJson = {
  from: 'reference',
  to: 'model',
  empty: false,
  counts: { added: 1, removed: 1, updated: 2, destructive: 0 },
  resources: [
    change('Bucket', 'updated'),
    change('DataTable', 'updated', { modelLogicalId: 'OrdersTable' }),
    change('Old', 'removed'),
    change('New', 'added'),
  ],
  other: [],
};

const ids = (changes: ResourceChange[]) => changes.map((c) => c.logicalId);

describe('entriesOfFinding', () => {
  it("finds a model finding's entry through the model's own ID of an aligned pair", () => {
    expect(ids(entriesOfFinding(diff, { side: 'model', resources: ['OrdersTable', 'Bucket'] }))).toEqual(['Bucket', 'DataTable']);
    expect(ids(entriesOfFinding(diff, { side: 'model', resources: ['DataTable'] }))).toEqual([]);
  });

  it('never puts a model finding on a removed resource, nor a reference finding on an added one', () => {
    expect(ids(entriesOfFinding(diff, { side: 'model', resources: ['Old', 'New'] }))).toEqual(['New']);
    expect(ids(entriesOfFinding(diff, { side: 'reference', resources: ['Old', 'New', 'DataTable'] }))).toEqual(['DataTable', 'Old']);
  });

  it('in a multi-stack diff, looks only in the pair of stacks the finding is in', () => {
    const multi: TemplateDiffJson = {
      ...diff,
      resources: [change('Bucket', 'updated', { stack: 'Api' }), change('Bucket', 'updated', { stack: 'Data' })],
      stacks: [
        { from: 'ApiStack', to: 'ModelApi', pairedBy: 'name', stack: 'Api', counts: diff.counts },
        { from: 'DataStack', to: 'ModelData', pairedBy: 'name', stack: 'Data', counts: diff.counts },
      ],
    };
    const [entry] = entriesOfFinding(multi, { side: 'model', resources: ['Bucket'], stack: 'ModelData' });
    expect(diffAnchorId(entry)).toBe('diff-Data-Bucket');
    expect(entriesOfFinding(multi, { side: 'reference', resources: ['Bucket'], stack: 'ApiStack' }).map(diffAnchorId)).toEqual([
      'diff-Api-Bucket',
    ]);
  });
});

describe('findingsByAnchor', () => {
  it('lists the findings of each entry by its anchor, in the order given, and leaves out entries without findings', () => {
    const a = { side: 'model' as const, resources: ['Bucket'], rule: 'a' };
    const b = { side: 'reference' as const, resources: ['Bucket', 'Old'], rule: 'b' };
    const byAnchor = findingsByAnchor(diff, [a, b]);
    expect([...byAnchor.keys()]).toEqual(['diff-Bucket', 'diff-Old']);
    expect(byAnchor.get('diff-Bucket')).toEqual([a, b]);
    expect(byAnchor.has('diff-New')).toBe(false);
  });
});
