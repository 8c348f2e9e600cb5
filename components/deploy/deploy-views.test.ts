import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { StackEventView } from '@/lib/aws/cloudformation';
import { decideApproval } from '@/lib/deploy/approval';
import type { DeployPreview, DeployView } from '@/lib/deploy/types';
import { diffTemplates } from '@/lib/diff/template-diff';
import { DeployEvents } from './deploy-events';
import { DeployHistory } from './deploy-history';
import { DeployPreviewView } from './deploy-preview';

const queue = (name: string) => ({ Type: 'AWS::SQS::Queue', Properties: { QueueName: name } });

function preview(policy: 'never' | 'broadening'): DeployPreview {
  const diff = diffTemplates(
    { Resources: { Jobs: queue('jobs'), Old: queue('old') } },
    { Resources: { Jobs: queue('jobs-2'), New: queue('new') } },
    { from: 'deployed', to: 'reference' },
  );
  return {
    changeSetType: 'UPDATE',
    changeCount: 3,
    diff,
    approval: decideApproval(policy, diff),
    changes: [
      { logicalId: 'New', type: 'AWS::SQS::Queue', action: 'Add' },
      { logicalId: 'Jobs', type: 'AWS::SQS::Queue', action: 'Modify' },
      { logicalId: 'Old', type: 'AWS::SQS::Queue', action: 'Remove' },
    ],
  };
}

const deploy = (extra: Partial<DeployView>): DeployView => ({
  id: 'd1',
  status: 'succeeded',
  stackName: 'S',
  target: 'http://127.0.0.1:5000 us-east-1 S',
  reviewId: 'bundled',
  templateHash: 'h',
  changeSetType: 'UPDATE',
  changeSetId: 'cs',
  preview: null,
  outcome: null,
  message: null,
  requestedBy: { id: 'u1', label: 'Dee <dee@example.test>' },
  confirmedBy: null,
  execution: 'confirm',
  createdAt: '2026-12-06T19:00:00.000Z',
  updatedAt: '2026-12-06T19:00:05.000Z',
  finishedAt: '2026-12-06T19:00:05.000Z',
  ...extra,
});

const render = (element: Parameters<typeof renderToStaticMarkup>[0]) => renderToStaticMarkup(element);

describe('DeployPreviewView', () => {
  it('lists action, logical ID, type, replacement and the reasons per resource, with the policy’s reasons above', () => {
    const html = render(createElement(DeployPreviewView, { preview: preview('broadening') }));
    const rows = [...html.matchAll(/data-action="(\w+)" data-logical-id="(\w+)"/g)].map((m) => `${m[1]} ${m[2]}`);
    expect(rows).toEqual(['Add New', 'Modify Jobs', 'Remove Old']);
    expect(html).toMatch(/data-testid="deploy-approval-reasons"[\s\S]*replaces Jobs[\s\S]*removes Old/);
    expect(html).toMatch(/data-logical-id="Jobs"[\s\S]*?change-set-replacement[^>]*>True<[\s\S]*?change-set-approval[^>]*>replaced</);
    expect(html).toContain('1 to add, 1 to modify (1 replaced), 1 to remove');
  });

  it('says nothing runs before Execute when the policy asks for no confirmation', () => {
    const html = render(createElement(DeployPreviewView, { preview: preview('never') }));
    expect(html).not.toContain('deploy-approval-reasons');
    expect(html).toContain('nothing runs until you execute it');
  });
});

describe('DeployHistory', () => {
  it('lists who, when, outcome and the change set’s size, newest first as given', () => {
    const html = render(
      createElement(DeployHistory, {
        deploys: [
          deploy({
            id: 'd2',
            preview: preview('broadening'),
            confirmedBy: 'otto@example.test',
            outcome: { stackStatus: 'UPDATE_COMPLETE', failures: [], events: [] },
          }),
          deploy({
            id: 'd1',
            status: 'no_changes',
            changeSetType: null,
            message: 'No changes: the deployed stack already matches the reference',
          }),
        ],
      }),
    );
    expect([...html.matchAll(/data-testid="deploy-history-row" data-status="(\w+)"/g)].map((m) => m[1])).toEqual([
      'succeeded',
      'no_changes',
    ]);
    expect(html).toContain('2026-12-06 19:00:00 UTC');
    expect(html).toMatch(/Dee &lt;dee@example.test&gt;<span[^>]*>, executed by otto@example.test/);
    expect(html).toContain('UPDATE: 1 to add, 1 to modify (1 replaced), 1 to remove; UPDATE_COMPLETE');
    expect(html).toContain('No changes: the deployed stack already matches the reference');
  });

  it('says so when nothing was deployed yet', () => {
    expect(render(createElement(DeployHistory, { deploys: [] }))).toContain('No deploys to this target yet.');
  });
});

describe('DeployEvents', () => {
  const event = (logicalId: string, resourceType: string, status: string): StackEventView => ({
    id: `${logicalId}-${status}`,
    timestamp: '2026-12-06T19:00:01.000Z',
    logicalId,
    resourceType,
    status,
    failed: status.endsWith('FAILED'),
    ...(status.endsWith('FAILED') ? { reason: 'Queue name taken' } : {}),
  });

  it('draws one row per event with time, logical ID, type, status and reason; failures marked', () => {
    const html = render(
      createElement(DeployEvents, {
        events: [event('S', 'AWS::CloudFormation::Stack', 'UPDATE_ROLLBACK_COMPLETE'), event('Jobs', 'AWS::SQS::Queue', 'UPDATE_FAILED')],
      }),
    );
    expect(html.match(/data-testid="deploy-event"/g)).toHaveLength(2);
    expect(html).toMatch(
      /data-failed="true"[^>]*data-resource-type="AWS::SQS::Queue"[\s\S]*19:00:01[\s\S]*Jobs[\s\S]*UPDATE_FAILED[\s\S]*Queue name taken/,
    );
    expect(html).not.toContain('deploy-events-stack-only');
  });

  it('says when the target reports stack-level events only', () => {
    const html = render(createElement(DeployEvents, { events: [event('S', 'AWS::CloudFormation::Stack', 'CREATE_COMPLETE')] }));
    expect(html).toContain('stack-level events only');
  });
});
