import { describe, expect, it } from 'vitest';
import { countFindings } from './counts';
import { parseTemplate } from '../templates/load';
import { counterpartsOf, markSharedFindings, modelOwnFindings } from './shared';
import type { LoadedArtifact, ReviewFinding, Side } from './types';

function loaded(resources: Record<string, unknown>): LoadedArtifact {
  const template = parseTemplate(JSON.stringify({ Resources: resources }), 't.json');
  return {
    state: { status: 'ok', label: 't', origin: 't.json', kind: 'template-file', hash: template.hash, resourceCount: 1, sources: [] },
    template,
    sources: [],
  };
}

function finding(side: Side, rule: string, resources: string[], extra: Partial<ReviewFinding> = {}): ReviewFinding {
  return {
    side,
    rule,
    resources,
    category: 'security',
    severity: 'error',
    title: rule,
    message: `${rule} on ${resources.join(',')}`,
    source: 'infra-review',
    ...extra,
  };
}

describe('markSharedFindings', () => {
  it('marks a model finding shared when the reference has the same rule on the same logical ID', () => {
    const findings = [finding('model', 'iam-least-privilege', ['Role']), finding('reference', 'iam-least-privilege', ['Role'])];
    const marked = markSharedFindings(findings);
    expect(marked[0].shared).toBe(true);
    expect(marked[1].shared).toBeUndefined();
  });

  it('pairs resources through the counterpart given (an alignment), not by name', () => {
    const findings = [finding('model', 'iam-least-privilege', ['AppRoleABCD1234']), finding('reference', 'iam-least-privilege', ['Role'])];
    expect(markSharedFindings(findings)[0].shared).toBeUndefined();
    const counterpart = (id: string) => (id === 'AppRoleABCD1234' ? { id: 'Role' } : undefined);
    expect(markSharedFindings(findings, counterpart)[0].shared).toBe(true);
  });

  it('keeps the model owning a rule the reference reports on another resource, or another rule on the same one', () => {
    const findings = [
      finding('model', 'iam-least-privilege', ['Role']),
      finding('reference', 'iam-least-privilege', ['OtherRole']),
      finding('reference', 'lambda-dead-letter-queue', ['Role']),
    ];
    expect(markSharedFindings(findings)[0].shared).toBeUndefined();
  });

  it('shares a merged rule id and a source finding with the same rule and message', () => {
    const merged = finding('model', 'iam-least-privilege', ['Role'], { rules: ['iam-least-privilege', 'AwsSolutions-IAM5'] });
    const source = finding('model', 'cdk-v1-imports', [], { message: 'imports @aws-cdk/core' });
    const findings = [
      merged,
      source,
      finding('reference', 'AwsSolutions-IAM5', ['Role']),
      finding('reference', 'cdk-v1-imports', [], { message: 'imports @aws-cdk/core' }),
    ];
    const marked = markSharedFindings(findings);
    expect(marked.slice(0, 2).map((f) => f.shared)).toEqual([true, true]);
    const otherMessage = markSharedFindings([source, finding('reference', 'cdk-v1-imports', [], { message: 'imports @aws-cdk/aws-s3' })]);
    expect(otherMessage[0].shared).toBeUndefined();
  });

  it('does not share a finding the reference acknowledges, nor anything in a review without reference findings', () => {
    const ack = finding('reference', 'nat-gateway-redundancy', ['Vpc'], { acknowledged: { reason: 'cost' } });
    expect(markSharedFindings([finding('model', 'nat-gateway-redundancy', ['Vpc']), ack])[0].shared).toBeUndefined();
    expect(markSharedFindings([finding('model', 'nat-gateway-redundancy', ['Vpc'])])[0].shared).toBeUndefined();
  });

  it('compares resources within the same stack of a multi-stack app', () => {
    const findings = [
      finding('model', 'iam-least-privilege', ['Role'], { stack: 'Api' }),
      finding('reference', 'iam-least-privilege', ['Role'], { stack: 'Data' }),
    ];
    expect(markSharedFindings(findings)[0].shared).toBeUndefined();
  });
});

describe('counterpartsOf', () => {
  it('pairs a renamed model resource with its reference counterpart through the alignment', () => {
    const role = { Type: 'AWS::IAM::Role', Properties: { RoleName: 'app-role', Path: '/' } };
    const counterpartOf = counterpartsOf(loaded({ Role: role }), loaded({ AppRoleABCD1234: role }));
    expect(counterpartOf('AppRoleABCD1234')).toEqual({ id: 'Role', stack: undefined });
    expect(counterpartOf('Nothing')).toBeUndefined();
  });
});

describe('the model own findings', () => {
  it('leave shared findings out of the counts and of the model failures', () => {
    const marked = markSharedFindings([
      finding('model', 'iam-least-privilege', ['Role']),
      finding('model', 'iam-least-privilege', ['Other']),
      finding('reference', 'iam-least-privilege', ['Role']),
    ]);
    expect(modelOwnFindings(marked).map((f) => f.resources)).toEqual([['Other']]);
    const counts = countFindings(marked).security;
    expect(counts.model).toMatchObject({ error: 1, total: 1, shared: 1 });
    expect(counts.reference).toMatchObject({ error: 1, total: 1 });
  });
});
