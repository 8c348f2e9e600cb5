import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { Impact, TemplateDiffJson } from '@/lib/diff/types';
import { DESTRUCTIVE_IMPACTS } from '@/lib/diff/types';
import { DiffView } from './diff-view';
import { IMPACT_STYLES, ImpactBadge } from './impact-badge';
import { previewText, VALUE_PREVIEW_CHARS } from './json-value';
import { NestedChangeList } from './nested-change-list';
import { ResourceChangeList } from './resource-change-list';

const ALL_IMPACTS: Impact[] = ['create', 'update', 'may-replace', 'replace', 'destroy', 'orphan', 'import', 'none'];

const diff: TemplateDiffJson = {
  from: 'reference',
  to: 'model',
  empty: false,
  counts: { added: 1, removed: 0, updated: 1, destructive: 1 },
  resources: [
    {
      logicalId: 'Orders',
      type: 'AWS::DynamoDB::Table',
      change: 'updated',
      impact: 'replace',
      destructive: true,
      properties: [
        {
          path: 'Properties.KeySchema',
          change: 'updated',
          impact: 'replace',
          before: [{ AttributeName: 'id' }],
          after: [{ AttributeName: 'pk' }],
        },
      ],
    },
    {
      logicalId: 'Jobs',
      type: 'AWS::SQS::Queue',
      change: 'added',
      impact: 'create',
      destructive: false,
      properties: [{ path: 'Properties.Big', change: 'added', after: 'x'.repeat(2000) }],
    },
  ],
  iamStatements: {
    headers: ['', 'Resource', 'Effect', 'Action', 'Principal', 'Condition'],
    rows: [{ change: 'added', cells: ['+', '*', 'Allow', 's3:*', 'AWS:${Role}', ''] }],
  },
  securityGroups: {
    headers: ['', 'Group', 'Dir', 'Protocol', 'Peer'],
    rows: [{ change: 'removed', cells: ['-', '${Sg.GroupId}', 'In', 'TCP 22', 'Everyone (IPv4)'] }],
  },
  other: [{ path: 'Outputs.ApiUrl', change: 'removed', before: { Value: 'a' } }],
};

const render = (element: Parameters<typeof renderToStaticMarkup>[0]) => renderToStaticMarkup(element);

describe('ImpactBadge', () => {
  it('has a label for every impact and colors exactly the destructive ones red', () => {
    for (const impact of ALL_IMPACTS) {
      expect(IMPACT_STYLES[impact].label).toBeTruthy();
      expect(IMPACT_STYLES[impact].chip.includes('red')).toBe(DESTRUCTIVE_IMPACTS.includes(impact));
    }
  });

  it('renders the label with its test id', () => {
    const html = render(createElement(ImpactBadge, { impact: 'may-replace' }));
    expect(html).toContain('data-testid="impact-badge"');
    expect(html).toContain('may replace');
  });
});

describe('DiffView', () => {
  it('renders resources, property rows, the IAM and security group tables and other changes with their test ids', () => {
    const html = render(createElement(DiffView, { diff, title: 'Reference vs model' }));
    for (const id of [
      'diff-view',
      'diff-resource-Orders',
      'diff-resource-Jobs',
      'diff-property',
      'impact-badge',
      'iam-table',
      'security-group-table',
      'diff-other',
    ]) {
      expect(html).toContain(`data-testid="${id}"`);
    }
    expect(html).not.toContain('data-testid="diff-empty"');
    expect(html).toContain('Reference vs model');
    expect(html).toContain('s3:*');
    expect(html).toContain('Outputs.ApiUrl');
  });

  it('truncates long values and keeps the full value in a nested details', () => {
    const html = render(createElement(DiffView, { diff }));
    expect(html).toContain(`${'x'.repeat(VALUE_PREVIEW_CHARS)}…`);
    expect(html).toContain('x'.repeat(2000));
    expect(html).toContain('Show full value');
  });

  it('shows "No differences" for an empty diff', () => {
    const empty: TemplateDiffJson = {
      from: 'a',
      to: 'b',
      empty: true,
      counts: { added: 0, removed: 0, updated: 0, destructive: 0 },
      resources: [],
      other: [],
    };
    const html = render(createElement(DiffView, { diff: empty }));
    expect(html).toContain('data-testid="diff-empty"');
    expect(html).toContain('No differences');
    expect(html).not.toContain('data-testid="diff-resources"');
  });
});

describe('ResourceChangeList', () => {
  it('renders only the given changes, each expandable to its properties', () => {
    const html = render(createElement(ResourceChangeList, { changes: [diff.resources[0]] }));
    expect(html).toContain('data-testid="diff-resource-Orders"');
    expect(html).not.toContain('diff-resource-Jobs');
    expect(html).toContain('<details');
    expect(html).toContain('Properties.KeySchema');
  });

  it('shows a renamed pair under both IDs with why it was paired, and nested changes line by line with their markers', () => {
    const renamed = {
      ...diff.resources[0],
      logicalId: 'DataTable1A2B3C4D',
      modelLogicalId: 'DataTableEF567890',
      pairedBy: ['name' as const],
      pairScore: 0.82,
      pairEvidence: ['names alike (100%): id DataTable ~ id DataTable'],
      properties: [
        {
          path: 'Properties.SSESpecification',
          change: 'updated' as const,
          before: { SSEEnabled: true, KMSMasterKeyId: 'k' },
          after: { SSEEnabled: false },
          nested: [
            { path: 'KMSMasterKeyId', depth: 0, change: 'removed' as const, before: 'k' },
            { path: 'SSEEnabled', depth: 0, change: 'updated' as const, before: true, after: false },
          ],
        },
      ],
    };
    const html = render(createElement(ResourceChangeList, { changes: [renamed] }));
    expect(html).toContain('data-model-logical-id="DataTableEF567890"');
    expect(html).toContain('data-testid="diff-pairing"');
    expect(html).toContain('score 0.82');
    expect(html).toContain('data-testid="diff-nested"');
    const lines = html.split('data-testid="diff-nested-line"').slice(1);
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^ data-change="removed"[^>]*>.*\[-\].*KMSMasterKeyId/);
    expect(lines[1]).toMatch(/^ data-change="updated"[^>]*>.*\[~\].*SSEEnabled.*true.*→.*false/);
  });
});

describe('NestedChangeList', () => {
  it('draws a long or multi-line string change as before and after blocks instead of one struck-through line', () => {
    const code = 'def handler(event, context):\n    return 1';
    const html = render(
      createElement(NestedChangeList, {
        changes: [
          { path: 'ZipFile', depth: 0, change: 'updated', before: code, after: code.replace('1', '2') },
          { path: 'Runtime', depth: 0, change: 'updated', before: 'python3.9', after: 'python3.12' },
        ],
      }),
    );
    const [long, short] = html.split('data-testid="diff-nested-line"').slice(1);
    expect(long).toContain('<pre');
    expect(long).not.toContain('line-through');
    expect(short).toMatch(/line-through[^>]*>&quot;python3.9&quot;.*→.*&quot;python3.12&quot;/);
  });
});

describe('previewText', () => {
  it('leaves short text alone and marks cut text with an ellipsis', () => {
    expect(previewText('short')).toEqual({ preview: 'short', truncated: false });
    expect(previewText(Array.from({ length: 40 }, (_, i) => `line ${i}`).join('\n')).preview.endsWith('line 23…')).toBe(true);
  });
});

describe('DiffView on a diff page', () => {
  const findings = new Map([
    [
      'diff-Orders',
      [{ href: '/#finding-abc', rule: 'data-backups-disabled', title: 'No backups', severity: 'warning' as const, side: 'model' as const }],
    ],
  ]);

  it('anchors each resource, lists its findings linked to their cards, and flags what it replaces or destroys', () => {
    const html = render(createElement(DiffView, { diff, anchored: true, findings }));
    expect(html).toContain('id="diff-Orders"');
    expect(html).toContain('id="diff-Jobs"');
    expect(html).toContain('href="/#finding-abc"');
    expect(html).toContain('data-findings="1"');
    expect(html).toMatch(/data-testid="diff-destructive".*data-impact="replace".*1 replaced:.*href="#diff-Orders"/s);
  });

  it('shows only the resources its filters keep, saying how many, or that none match', () => {
    const one = render(createElement(DiffView, { diff, shown: [diff.resources[1]] }));
    expect(one).not.toContain('data-testid="diff-resource-Orders"');
    expect(one).toMatch(/data-testid="diff-shown-count"[^>]*>1 of 2 shown</);
    expect(render(createElement(DiffView, { diff, shown: [] }))).toContain('data-testid="diff-no-match"');
  });

  it('marks table rows [+] and [-] and keeps their cells on one line', () => {
    const html = render(createElement(DiffView, { diff }));
    expect(html).toMatch(/data-change="added"[^>]*><td[^>]*whitespace-pre[^>]*>\[\+\]/);
    expect(html).not.toContain('break-all">s3:*');
  });
});
