import { describe, expect, it } from 'vitest';
import { inputFromText } from '../test-util';
import { rule } from './signal-without-creation-policy';

/** An instance `Server` whose user data signals `target`, with `extra` resources (YAML). */
const signaling = (target: string, policy = '', extra = '') => `
Resources:
  Server:
    Type: AWS::EC2::Instance
${policy}    Properties:
      ImageId: ami-12345678
      UserData: { "Fn::Base64": { "Fn::Sub": "#!/bin/bash\\n/opt/aws/bin/cfn-signal -e $? --stack \${AWS::StackName} --resource ${target} --region \${AWS::Region}\\n" } }
${extra}`;

describe('signal-without-creation-policy', () => {
  it('non-compliant 1: an instance that signals itself without a CreationPolicy', () => {
    const violations = rule.check(inputFromText(signaling('Server')));
    expect(violations.map((v) => v.resources)).toEqual([['Server']]);
    expect(violations[0].evidence?.[1]).toEqual({ resource: 'Server', path: 'CreationPolicy', note: 'missing' });
  });

  it('non-compliant 2: a signal to a group without policies, and one to a resource the stack does not define', () => {
    const group = `  Group: { Type: AWS::AutoScaling::AutoScalingGroup, Properties: { MinSize: '1', MaxSize: '1' } }\n`;
    expect(rule.check(inputFromText(signaling('Group', '', group))).map((v) => v.resources)).toEqual([['Group', 'Server']]);
    expect(rule.check(inputFromText(signaling('WebServer')))[0].message).toContain('which the stack does not define');
  });

  it('compliant: the signaled resource has a CreationPolicy or waits in a rolling update', () => {
    expect(rule.check(inputFromText(signaling('Server', '    CreationPolicy: { ResourceSignal: { Timeout: PT5M } }\n')))).toEqual([]);
    const group = `  Group:
    Type: AWS::AutoScaling::AutoScalingGroup
    UpdatePolicy: { AutoScalingRollingUpdate: { WaitOnResourceSignals: true, PauseTime: PT5M } }
    Properties: { MinSize: '1', MaxSize: '1' }
`;
    expect(rule.check(inputFromText(signaling('Group', '', group)))).toEqual([]);
  });
});
