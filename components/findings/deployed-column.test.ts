import { describe, expect, it } from 'vitest';
import { renderSecuritySection } from './test-render';
import { countDeployedFindings } from '@/lib/stack/analysis';
import type { DeployedFinding, DeployedView } from '@/lib/stack/types';
import type { ReviewFinding } from '@/lib/pipeline/types';

const finding = (side: 'model' | 'reference', rule: string, resource: string): ReviewFinding => ({
  side,
  rule,
  category: 'security',
  severity: 'error',
  title: rule,
  message: `${rule} on ${resource}`,
  resources: [resource],
  source: 'infra-review',
});
const findings = [
  finding('model', 'iam-least-privilege', 'RoleA'),
  finding('model', 's3-encryption-enforced', 'Bucket'),
  finding('reference', 'lambda-log-group', 'Fn'),
];

/** A deployed view holding `deployedFindings` (analyzed) or nothing (`analysis` other than analyzed). */
function deployed(analysis: DeployedView['analysis'], deployedFindings: DeployedFinding[] = []): DeployedView {
  return {
    target: { kind: 'endpoint', endpoint: 'http://127.0.0.1:5000', region: 'us-east-1', stackName: 'S' },
    emulator: null,
    stack:
      analysis === 'analyzed'
        ? {
            status: 'ok',
            stackStatus: 'CREATE_COMPLETE',
            reason: null,
            lastUpdated: '2026-11-27T00:00:00.000Z',
            outputs: [],
            resourceCount: 3,
          }
        : { status: 'not-deployed' },
    drift: null,
    deployDiff: null,
    inSync: false,
    events: [],
    analysis,
    deployedFindings,
    counts: countDeployedFindings(deployedFindings),
    problems: [],
    generatedAt: '2026-11-27T00:00:00.000Z',
  };
}

const render = (view?: DeployedView) => renderSecuritySection(findings, view);
const results = (html: string) =>
  [...html.matchAll(/data-testid="deployed-result" data-result="([a-z-]+)"[^>]*>([^<]*(?:<!-- -->[^<]*)*)</g)].map((m) => [
    m[1],
    m[2].replace(/<!-- -->/g, ''),
  ]);

describe('the deployed column of a category', () => {
  it('counts the deployed findings and says per rule whether the deployed template has it', () => {
    const onDeployed: DeployedFinding = { ...finding('model', 'lambda-log-group', 'Fn'), side: 'deployed' };
    const html = render(deployed('analyzed', [onDeployed]));
    expect(html).toMatch(/data-testid="count-security-deployed"[^>]*>1</);
    expect(results(html)).toEqual([
      ['clear', 'deployed: clear'],
      ['clear', 'deployed: clear'],
      ['found', 'deployed: found'],
    ]);
  });

  it('says "not deployed" in the count and on every row when nothing is deployed', () => {
    const html = render(deployed('not-deployed'));
    expect(html).toMatch(/data-testid="count-security-deployed-unavailable"[^>]*>not deployed</);
    expect(results(html).map(([, text]) => text)).toEqual(['deployed: not deployed', 'deployed: not deployed', 'deployed: not deployed']);
  });

  it('keeps the two-sided view without a deployed view', () => {
    const html = render();
    expect(html).not.toContain('deployed-result');
    expect(html).not.toContain('count-security-deployed');
    expect(html).toContain('data-testid="count-security-model"');
  });
});
