import { describe, expect, it } from 'vitest';
import { runRules } from '../rules/engine';
import { loadSynthesizedArtifact } from './isolated-artifact';

/* A real isolated synthesis of a markdown answer whose stack throws after building a security group open to the world on SSH. */
const ANSWER = [
  '`lib/tap-stack.ts`:',
  '```ts',
  "import { Stack } from 'aws-cdk-lib';",
  "import * as ec2 from 'aws-cdk-lib/aws-ec2';",
  "import { Construct } from 'constructs';",
  '',
  'export class TapStack extends Stack {',
  '  constructor(scope: Construct, id: string) {',
  '    super(scope, id);',
  "    const vpc = new ec2.Vpc(this, 'Vpc', { maxAzs: 1, natGateways: 0 });",
  "    const admin = new ec2.SecurityGroup(this, 'Admin', { vpc });",
  "    admin.addIngressRule(ec2.Peer.anyIpv4(), ec2.Port.tcp(22), 'ssh');",
  '    (admin as any).addEgressRules(ec2.Peer.anyIpv4());',
  '  }',
  '}',
  '```',
].join('\n');

describe('loadSynthesizedArtifact on an answer that throws while building its stack', () => {
  it('keeps the cdk-synth finding with its line, and gives the partial template, marked lenient, to the template rules', async () => {
    const artifact = await loadSynthesizedArtifact('model', [{ name: 'MODEL_RESPONSE.md', text: ANSWER, role: 'markdown' }], 'ts');
    expect(artifact.extraFindings).toEqual([
      expect.objectContaining({ rule: 'cdk-synth', location: expect.objectContaining({ file: 'lib/tap-stack.ts', line: 11 }) }),
    ]);
    expect(artifact.state).toMatchObject({
      status: 'ok',
      kind: 'cdk-synthesized',
      synthesis: { stage: 'synth', fault: 'answer', lenient: expect.stringMatching(/^partial template: .*lib\/tap-stack\.ts:11/) },
      note: expect.stringContaining('rules ran on a partial template'),
    });
    const types = Object.values(artifact.template?.template.Resources ?? {}).map((r) => r.Type);
    expect(types).toEqual(expect.arrayContaining(['AWS::EC2::VPC', 'AWS::EC2::SecurityGroup']));
    const findings = runRules({ template: artifact.template?.template, sources: artifact.sources });
    expect(findings.map((f) => f.rule)).toContain('security-group-open-admin-ports');
  });
});
