import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { countDeployedFindings } from '@/lib/stack/analysis';
import type { DeployedStack, DeployedView, StackEventView } from '@/lib/stack/types';
import type { TemplateDiffJson } from '@/lib/diff/types';
import { StackPanel } from './stack-panel';

const TARGET = { kind: 'endpoint', endpoint: 'http://127.0.0.1:5000', region: 'us-east-1', stackName: 'InfraReviewReference' } as const;

/** A view of `stack` on the moto launcher; `extra` overrides the rest. */
function view(stack: DeployedView['stack'], extra: Partial<DeployedView> = {}): DeployedView {
  return {
    target: TARGET,
    emulator: {
      kind: 'moto',
      recordedOnly: ['AWS::CloudWatch::Alarm', 'AWS::CloudFront::Distribution'],
      addedWithBackend: ['AWS::Lambda::Alias'],
      completed: [],
    },
    stack,
    drift: null,
    deployDiff: null,
    inSync: false,
    events: [],
    analysis: stack.status === 'ok' ? 'analyzed' : stack.status,
    deployedFindings: [],
    counts: countDeployedFindings([]),
    problems: [],
    generatedAt: '2026-11-27T06:00:00.000Z',
    ...extra,
  };
}

const OK: Extract<DeployedStack, { status: 'ok' }> = {
  status: 'ok',
  stackStatus: 'UPDATE_ROLLBACK_COMPLETE',
  reason: null,
  lastUpdated: '2026-11-27T05:59:00.000Z',
  outputs: [{ key: 'ApiUrl', value: 'https://api.example' }],
  resourceCount: 50,
};

const event = (id: string, timestamp: string, status: string, failed = false, reason?: string): StackEventView => ({
  id,
  timestamp,
  logicalId: id,
  resourceType: 'AWS::SQS::Queue',
  status,
  failed,
  ...(reason ? { reason } : {}),
});

const emptyDiff: TemplateDiffJson = {
  from: 'reference',
  to: 'deployed',
  empty: true,
  counts: { added: 0, removed: 0, updated: 0, destructive: 0 },
  resources: [],
  other: [],
};
const drift: TemplateDiffJson = {
  ...emptyDiff,
  empty: false,
  counts: { added: 0, removed: 0, updated: 1, destructive: 0 },
  resources: [
    {
      logicalId: 'Jobs',
      type: 'AWS::SQS::Queue',
      change: 'updated',
      impact: 'update',
      destructive: false,
      properties: [{ path: 'Properties.VisibilityTimeout', change: 'updated', before: 300, after: 60, impact: 'update' }],
    },
  ],
};

const render = (v: Parameters<typeof StackPanel>[0]['view'], children?: string) =>
  renderToStaticMarkup(createElement(StackPanel, { view: v }, children));
const testIds = (html: string) => [...html.matchAll(/data-testid="([^"]+)"/g)].map((m) => m[1]);

describe('StackPanel', () => {
  it('shows the target, an honest moto note, and "not deployed" when there is no stack', () => {
    const html = render(view({ status: 'not-deployed' }));
    expect(testIds(html)).toEqual(
      expect.arrayContaining(['stack-panel', 'stack-target', 'stack-name', 'stack-emulator', 'stack-status', 'stack-not-deployed']),
    );
    expect(html).toContain('http://127.0.0.1:5000');
    expect(html).toContain('AWS::CloudFront::Distribution');
    expect(html).toMatch(/moto emulator, not AWS: 2 resource types are only recorded/);
    expect(testIds(html)).not.toContain('stack-events');
    expect(testIds(html)).not.toContain('drift-in-sync');
  });

  it('renders the deploy controls first, before the target', () => {
    const html = render(view({ status: 'not-deployed' }), 'DEPLOY-CONTROLS');
    expect(html.indexOf('DEPLOY-CONTROLS')).toBeGreaterThan(0);
    expect(html.indexOf('DEPLOY-CONTROLS')).toBeLessThan(html.indexOf('data-testid="stack-target"'));
  });

  it('says why when the endpoint is down, and when the view could not be built at all', () => {
    const down = render(
      view({
        status: 'unavailable',
        message: 'DescribeStacks: the CloudFormation endpoint http://127.0.0.1:9 is unreachable (ECONNREFUSED)',
      }),
    );
    expect(testIds(down)).toEqual(expect.arrayContaining(['stack-target', 'stack-unavailable']));
    expect(down).toContain('is unreachable (ECONNREFUSED)');
    const broken = render({ error: 'Invalid AWS target: AWS_REGION is not a region name' });
    expect(testIds(broken)).toEqual(['stack-panel', 'stack-unavailable']);
    expect(broken).toContain('AWS_REGION is not a region name');
  });

  it('shows status, last update, resource count, outputs and "in sync" for a deployed stack equal to the reference', () => {
    const html = render(view(OK, { drift: emptyDiff, inSync: true }));
    expect(html).toContain('data-status="UPDATE_ROLLBACK_COMPLETE"');
    expect(html).toContain('2026-11-27 05:59:00 UTC');
    expect(html).toMatch(/data-testid="stack-resource-count"[^>]*>50</);
    expect(html).toMatch(/data-testid="stack-outputs"[\s\S]*ApiUrl[\s\S]*https:\/\/api\.example/);
    expect(testIds(html)).toContain('drift-in-sync');
    expect(testIds(html)).not.toContain('drift-diff');
  });

  it('draws the drift with the diff components when the deployed template differs', () => {
    const html = render(view(OK, { drift, deployDiff: { ...drift, from: 'deployed', to: 'reference' } }));
    expect(testIds(html)).toEqual(expect.arrayContaining(['drift-diff', 'diff-view', 'diff-resource-Jobs']));
    expect(testIds(html)).not.toContain('drift-in-sync');
  });

  it('reads the comparison in the direction of a deploy: what the reference has and the stack lacks is added, not destroyed', () => {
    const added = drift.resources[0]!;
    const deployDiff: TemplateDiffJson = {
      ...drift,
      from: 'deployed',
      to: 'reference',
      counts: { added: 2, removed: 0, updated: 1, destructive: 0 },
      resources: [
        { ...added, logicalId: 'NatA', type: 'AWS::EC2::NatGateway', change: 'added', impact: 'create', properties: [] },
        { ...added, logicalId: 'NatB', type: 'AWS::EC2::NatGateway', change: 'added', impact: 'create', properties: [] },
        added,
      ],
    };
    const html = render(view(OK, { drift, deployDiff }));
    expect(html).toMatch(/data-testid="drift-summary"[^>]*>A deploy would add 2 resources, update 1, remove 0\./);
    expect(html).toContain('Deployed template vs. reference');
    expect(html).not.toMatch(/data-impact="destroy"/);
    expect(html).toMatch(
      /data-testid="diff-resource-NatA"[^>]*data-impact="create"|data-impact="create"[^>]*data-testid="diff-resource-NatA"/,
    );
  });

  it('lists events newest first as given, failures marked with their reasons', () => {
    const events = [
      event('Stack', '2026-11-27T05:59:30.000Z', 'UPDATE_ROLLBACK_COMPLETE'),
      event('Jobs', '2026-11-27T05:59:10.000Z', 'UPDATE_FAILED', true, 'Queue name taken'),
      event('Topic', '2026-11-27T05:59:00.000Z', 'UPDATE_COMPLETE'),
    ];
    const html = render(view(OK, { events }));
    const rows = [...html.matchAll(/data-testid="stack-event" data-failed="(true|false)" data-status="([A-Z_]+)"/g)].map((m) => [
      m[2],
      m[1],
    ]);
    expect(rows).toEqual([
      ['UPDATE_ROLLBACK_COMPLETE', 'false'],
      ['UPDATE_FAILED', 'true'],
      ['UPDATE_COMPLETE', 'false'],
    ]);
    expect(html).toMatch(/text-red-800">Queue name taken/);
  });

  it('lists the reads that failed while the stack could be described', () => {
    const html = render(
      view({ ...OK, resourceCount: null }, { problems: ['ListStackResources: the endpoint answered BadRequestException'] }),
    );
    expect(html).toMatch(/data-testid="stack-resource-count"[^>]*>unknown</);
    expect(html).toMatch(/data-testid="stack-problems"[\s\S]*BadRequestException/);
  });
});
