import { describe, expect, it } from 'vitest';
import { changeKindOf, countTypes, DIFF_FILTER_NONE, diffFilterQuery, isFiltering, matchesDiffFilter, parseDiffFilter } from './filter';
import type { ResourceChange } from './types';

const change = (logicalId: string, type: string, kind: ResourceChange['change'], extra: Partial<ResourceChange> = {}): ResourceChange => ({
  logicalId,
  type,
  change: kind,
  impact: kind === 'added' ? 'create' : kind === 'removed' ? 'destroy' : 'update',
  destructive: kind === 'removed',
  properties: [],
  ...extra,
});

const bucket = change('DataBucket', 'AWS::S3::Bucket', 'updated', {
  properties: [
    {
      path: 'Properties.LifecycleConfiguration',
      change: 'updated',
      nested: [{ path: 'Rules[0].ExpirationInDays', depth: 1, change: 'updated', before: 30, after: 90 }],
    },
  ],
});
const subnet = change('PublicSubnet1', 'AWS::EC2::Subnet', 'updated', { impact: 'replace', destructive: true });
const table = change('DataTable', 'AWS::DynamoDB::Table', 'updated', { modelLogicalId: 'OrdersTable' });
const queue = change('Jobs', 'AWS::SQS::Queue', 'added');
const alarm = change('ErrorsAlarm', 'AWS::CloudWatch::Alarm', 'removed');
const all = [bucket, subnet, table, queue, alarm];
const kept = (filter: Parameters<typeof matchesDiffFilter>[1], withFindings: string[] = []) =>
  all.filter((c) => matchesDiffFilter(c, filter, withFindings.includes(c.logicalId))).map((c) => c.logicalId);

describe('parseDiffFilter and diffFilterQuery', () => {
  it('read back what they write, repeated and comma-separated values alike', () => {
    const filter = {
      query: 'bucket',
      types: ['AWS::S3::Bucket', 'AWS::SQS::Queue'],
      kinds: ['added' as const, 'replaced' as const],
      findingsOnly: true,
    };
    const query = diffFilterQuery(filter);
    expect(query).toBe('q=bucket&type=AWS%3A%3AS3%3A%3ABucket&type=AWS%3A%3ASQS%3A%3AQueue&change=added&change=replaced&findings=1');
    expect(parseDiffFilter(Object.fromEntries(new URLSearchParams(query)))).toMatchObject({ query: 'bucket', findingsOnly: true });
    expect(parseDiffFilter({ q: ' bucket ', type: filter.types, change: 'replaced,added', findings: '1' })).toEqual(filter);
  });

  it('ignore unknown change kinds and missing parameters, and write nothing for the empty filter', () => {
    expect(parseDiffFilter({ change: ['deleted', 'removed'] }).kinds).toEqual(['removed']);
    expect(parseDiffFilter({})).toEqual(DIFF_FILTER_NONE);
    expect(diffFilterQuery(DIFF_FILTER_NONE)).toBe('');
    expect(isFiltering(DIFF_FILTER_NONE)).toBe(false);
    expect(isFiltering({ ...DIFF_FILTER_NONE, findingsOnly: true })).toBe(true);
  });
});

describe('matchesDiffFilter', () => {
  it('keeps everything with the empty filter', () => {
    expect(kept(DIFF_FILTER_NONE)).toEqual(all.map((c) => c.logicalId));
  });

  it('searches logical IDs of both sides, types and property paths, nested ones included, ignoring case', () => {
    expect(kept({ ...DIFF_FILTER_NONE, query: 'ordersTABLE' })).toEqual(['DataTable']);
    expect(kept({ ...DIFF_FILTER_NONE, query: 'ec2::subnet' })).toEqual(['PublicSubnet1']);
    expect(kept({ ...DIFF_FILTER_NONE, query: 'ExpirationInDays' })).toEqual(['DataBucket']);
    expect(kept({ ...DIFF_FILTER_NONE, query: 'LifecycleConfiguration.Rules[0]' })).toEqual(['DataBucket']);
    expect(kept({ ...DIFF_FILTER_NONE, query: 'nothing like it' })).toEqual([]);
  });

  it('filters by type, by change kind (an update that replaces is `replaced`, not `updated`) and to resources with findings', () => {
    expect(kept({ ...DIFF_FILTER_NONE, types: ['AWS::SQS::Queue', 'AWS::S3::Bucket'] })).toEqual(['DataBucket', 'Jobs']);
    expect(kept({ ...DIFF_FILTER_NONE, kinds: ['replaced'] })).toEqual(['PublicSubnet1']);
    expect(kept({ ...DIFF_FILTER_NONE, kinds: ['updated'] })).toEqual(['DataBucket', 'DataTable']);
    expect(kept({ ...DIFF_FILTER_NONE, kinds: ['added', 'removed'] })).toEqual(['Jobs', 'ErrorsAlarm']);
    expect(kept({ ...DIFF_FILTER_NONE, findingsOnly: true }, ['Jobs', 'DataTable'])).toEqual(['DataTable', 'Jobs']);
  });

  it('combines filters: every one must hold', () => {
    expect(kept({ query: 'data', types: [], kinds: ['updated'], findingsOnly: true }, ['DataBucket', 'Jobs'])).toEqual(['DataBucket']);
  });
});

describe('changeKindOf and countTypes', () => {
  it('calls an update that may replace its resource replaced', () => {
    expect(changeKindOf({ ...table, impact: 'may-replace' })).toBe('replaced');
    expect(changeKindOf(alarm)).toBe('removed');
  });

  it('counts changes per type, by type name', () => {
    expect(countTypes([bucket, queue, { ...queue, logicalId: 'Other' }])).toEqual([
      { type: 'AWS::S3::Bucket', count: 1 },
      { type: 'AWS::SQS::Queue', count: 2 },
    ]);
  });
});
