import { describe, expect, it } from 'vitest';
import type { Finding } from '../rules/finding';
import { countDeployedFindings } from './analysis';
import { deployedResultOf } from './results';
import type { DeployedFinding } from './types';

/** A finding of `rule` on resource `on` (or, with `line`, a source finding). */
function finding(rule: string, opts: { on?: string; line?: number; acknowledged?: boolean } = {}): Finding {
  return {
    rule,
    category: 'security',
    severity: 'error',
    title: rule,
    message: rule,
    source: 'infra-review',
    resources: opts.line === undefined ? [opts.on ?? 'Res'] : [],
    ...(opts.line === undefined ? {} : { location: { file: 'app.py', line: opts.line } }),
    ...(opts.acknowledged ? { acknowledged: { reason: 'on purpose' } } : {}),
  };
}

const deployed = (...findings: Finding[]): DeployedFinding[] => findings.map((f) => ({ ...f, side: 'deployed' }));
const analyzed = (...findings: Finding[]) => ({ analysis: 'analyzed' as const, deployedFindings: deployed(...findings) });

describe('deployedResultOf', () => {
  it('says found, with the open and acknowledged numbers, when the deployed template has the rule open', () => {
    const view = analyzed(finding('iam-least-privilege', { on: 'A' }), finding('iam-least-privilege', { on: 'B', acknowledged: true }));
    expect(deployedResultOf(view, 'iam-least-privilege', [finding('iam-least-privilege')])).toEqual({
      kind: 'found',
      open: 1,
      acknowledged: 1,
    });
  });

  it('says acknowledged when every deployed finding of the rule is accepted', () => {
    const view = analyzed(finding('nat-gateway-redundancy', { acknowledged: true }));
    expect(deployedResultOf(view, 'nat-gateway-redundancy', [])).toEqual({ kind: 'acknowledged', acknowledged: 1 });
  });

  it('says clear when the deployed template has no finding of the rule', () => {
    expect(deployedResultOf(analyzed(finding('other')), 'iam-least-privilege', [finding('iam-least-privilege')])).toEqual({
      kind: 'clear',
    });
  });

  it('says not applicable for a rule the row shows only on source code', () => {
    const shown = [finding('cdk-v1-imports', { line: 3 }), finding('cdk-v1-imports', { line: 9 })];
    expect(deployedResultOf(analyzed(), 'cdk-v1-imports', shown)).toEqual({ kind: 'not-applicable' });
  });

  it('passes on that nothing is deployed, or that the template could not be read', () => {
    for (const analysis of ['not-deployed', 'unavailable'] as const) {
      expect(deployedResultOf({ analysis, deployedFindings: [] }, 'iam-least-privilege', [finding('iam-least-privilege')])).toEqual({
        kind: analysis,
      });
    }
  });
});

describe('countDeployedFindings', () => {
  it('counts open findings per category and severity, acknowledged ones apart', () => {
    const counts = countDeployedFindings(
      deployed(finding('a'), finding('b', { acknowledged: true }), { ...finding('c'), category: 'performance', severity: 'warning' }),
    );
    expect(counts.security).toEqual({ error: 1, warning: 0, info: 0, total: 1, acknowledged: 1 });
    expect(counts.performance).toEqual({ error: 0, warning: 1, info: 0, total: 1, acknowledged: 0 });
    expect(counts.syntax.total).toBe(0);
  });
});
