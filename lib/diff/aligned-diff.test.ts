import { describe, expect, it } from 'vitest';
import { alignTemplates } from '../align/align';
import { resource, template } from '../rules/test-util';
import { deepFreeze } from '../templates/load';
import type { CfnTemplate } from '../templates/types';
import { nestedChanges } from './nested';
import { renameToReference } from './rename';
import { diffTemplates } from './template-diff';

const reference = deepFreeze(
  template(
    {
      DataTable1A2B3C4D: resource('AWS::DynamoDB::Table', { BillingMode: 'PAY_PER_REQUEST', SSESpecification: { SSEEnabled: true } }),
      Handler: resource('AWS::Lambda::Function', {
        Environment: { Variables: { TABLE: { Ref: 'DataTable1A2B3C4D' }, ARN: { 'Fn::GetAtt': ['DataTable1A2B3C4D', 'Arn'] } } },
      }),
    },
    { Outputs: { TableName: { Value: { Ref: 'DataTable1A2B3C4D' } } } },
  ),
) as CfnTemplate;

const model = deepFreeze(
  template(
    {
      DataTableEF567890: resource('AWS::DynamoDB::Table', { BillingMode: 'PAY_PER_REQUEST', SSESpecification: { SSEEnabled: false } }),
      Handler: {
        ...resource('AWS::Lambda::Function', {
          Environment: {
            Variables: { TABLE: { 'Fn::Sub': '${DataTableEF567890}' }, ARN: { 'Fn::GetAtt': 'DataTableEF567890.Arn' } },
          },
        }),
        DependsOn: ['DataTableEF567890'],
      },
    },
    {
      Outputs: { TableName: { Value: { Ref: 'DataTableEF567890' } } },
      Conditions: { HasTable: { 'Fn::Equals': [{ Ref: 'DataTableEF567890' }, ''] } },
    },
  ),
) as CfnTemplate;

describe('renameToReference', () => {
  it('renames a paired resource and every reference to it (Ref, GetAtt string form, Sub, DependsOn, Outputs, Conditions)', () => {
    const { template: renamed, renamed: pairs } = renameToReference(model, alignTemplates(reference, model));
    expect(Object.keys(renamed.Resources).sort()).toEqual(['DataTable1A2B3C4D', 'Handler']);
    const handler = renamed.Resources.Handler as unknown as Record<string, unknown>;
    expect(handler.DependsOn).toEqual(['DataTable1A2B3C4D']);
    expect(JSON.stringify(handler)).not.toContain('DataTableEF567890');
    expect(JSON.stringify(handler)).toContain('"Fn::Sub":"${DataTable1A2B3C4D}"');
    expect(JSON.stringify(handler)).toContain('"Fn::GetAtt":"DataTable1A2B3C4D.Arn"');
    expect(renamed.Outputs).toEqual({ TableName: { Value: { Ref: 'DataTable1A2B3C4D' } } });
    expect(JSON.stringify(renamed.Conditions)).toContain('DataTable1A2B3C4D');
    expect(pairs.get('DataTable1A2B3C4D')?.model).toBe('DataTableEF567890');
  });

  it('keeps a model resource apart when its reference ID is taken by another model resource', () => {
    const from = template({ Queue1: resource('AWS::SQS::Queue') });
    const to = template({ Queue1: resource('AWS::SNS::Topic'), Queue2: resource('AWS::SQS::Queue') });
    const { template: renamed } = renameToReference(to, alignTemplates(from, to));
    expect(Object.keys(renamed.Resources)).toEqual(['Queue1', 'Queue2']);
    expect(renamed.Resources.Queue1.Type).toBe('AWS::SNS::Topic');
  });
});

describe('diffTemplates with an alignment', () => {
  it('shows a renamed resource as one updated row under both IDs, with its property changes and why it was paired', () => {
    const diff = diffTemplates(reference, model, { from: 'reference', to: 'model' }, { alignment: alignTemplates(reference, model) });
    expect(diff.counts).toMatchObject({ added: 0, removed: 0 });
    const table = diff.resources.find((r) => r.logicalId === 'DataTable1A2B3C4D');
    expect(table).toMatchObject({ change: 'updated', modelLogicalId: 'DataTableEF567890', pairedBy: ['name', 'graph', 'properties'] });
    expect(table?.pairScore).toBeGreaterThan(0.5);
    expect(table?.pairEvidence?.join(' ')).toContain('names alike');
    expect(table?.properties).toEqual([
      {
        path: 'Properties.SSESpecification',
        change: 'updated',
        impact: 'update',
        before: { SSEEnabled: true },
        after: { SSEEnabled: false },
        nested: [{ path: 'SSEEnabled', depth: 0, change: 'updated', before: true, after: false }],
      },
    ]);
    expect(diff.resources.find((r) => r.logicalId === 'Handler')?.modelLogicalId).toBeUndefined();
  });

  it('without an alignment compares by logical ID as before (one removed, one added)', () => {
    const diff = diffTemplates(reference, model, { from: 'reference', to: 'model' });
    expect(diff.counts).toMatchObject({ added: 1, removed: 1 });
  });
});

describe('nestedChanges', () => {
  it('lists added, removed and updated keys depth-first, with parents of deeper changes as updated lines', () => {
    expect(nestedChanges({ A: 1, B: { C: 1, D: 2 }, E: 'x' }, { A: 1, B: { C: 2, D: 2 }, F: 'y' })).toEqual([
      { path: 'B', depth: 0, change: 'updated' },
      { path: 'B.C', depth: 1, change: 'updated', before: 1, after: 2 },
      { path: 'E', depth: 0, change: 'removed', before: 'x' },
      { path: 'F', depth: 0, change: 'added', after: 'y' },
    ]);
  });

  it('shows array elements added or removed by value when the arrays differ in length', () => {
    expect(nestedChanges(['s3:GetObject'], ['s3:GetObject', 's3:PutObject'])).toEqual([
      { path: '[1]', depth: 0, change: 'added', after: 's3:PutObject' },
    ]);
  });

  it('is empty for scalars and for equal values', () => {
    expect(nestedChanges('a', 'b')).toEqual([]);
    expect(nestedChanges({ A: [1] }, { A: [1] })).toEqual([]);
  });
});
