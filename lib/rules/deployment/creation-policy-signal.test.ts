import { describe, expect, it } from 'vitest';
import { Duration } from 'aws-cdk-lib';
import * as autoscaling from 'aws-cdk-lib/aws-autoscaling';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { input, inputFromText, logicalId, synthOnce } from '../test-util';
import { rule } from './creation-policy-signal';

/** An Auto Scaling group `Group` that waits for one signal, launched from `Template` whose user data is `userData` (YAML). */
const groupWithUserData = (userData: string) => `
Resources:
  Template:
    Type: AWS::EC2::LaunchTemplate
    Properties:
      LaunchTemplateData:
        ImageId: ami-12345678
        UserData: ${userData}
  Group:
    Type: AWS::AutoScaling::AutoScalingGroup
    CreationPolicy: { ResourceSignal: { Count: 1, Timeout: PT15M } }
    Properties: { MinSize: '1', MaxSize: '2', LaunchTemplate: { LaunchTemplateId: !Ref Template, Version: !GetAtt Template.LatestVersionNumber } }
`;

describe('creation-policy-signal', () => {
  it('non-compliant 1: a group that waits for signals while its user data never runs cfn-signal', () => {
    const violations = rule.check(inputFromText(groupWithUserData(`!Base64 "#!/bin/bash\\nyum install -y httpd\\n"`)));
    expect(violations.map((v) => v.resources)).toEqual([['Group', 'Template']]);
    expect(violations[0].message).toContain('runs no cfn-signal: creation times out');
  });

  it('non-compliant 2: user data that signals another resource, and an instance without user data waiting on an update policy', () => {
    const text = groupWithUserData(
      `!Base64 { "Fn::Sub": "#!/bin/bash\\n/opt/aws/bin/cfn-signal -e $? --stack \${AWS::StackName} --resource Template --region \${AWS::Region}\\n" }`,
    );
    expect(rule.check(inputFromText(text))[0].message).toContain('signals Template instead');
    const instance = `
Resources:
  Server:
    Type: AWS::EC2::Instance
    CreationPolicy: { ResourceSignal: { Timeout: PT5M } }
    Properties: { ImageId: ami-12345678 }
`;
    expect(rule.check(inputFromText(instance)).map((v) => v.resources)).toEqual([['Server']]);
  });

  it('compliant: cfn-signal for the group (Fn::Sub, Fn::Join, a continued line), signal-resource, user data that cannot be read or runs a fetched script', () => {
    for (const userData of [
      `!Base64 { "Fn::Sub": "#!/bin/bash\\n/opt/aws/bin/cfn-signal -e $? \\\\\\n  --stack \${AWS::StackName} --resource Group --region \${AWS::Region}\\n" }`,
      `!Base64 { "Fn::Join": ["", ["#!/bin/bash\\n", "cfn-signal -e 0 --stack ", { Ref: "AWS::StackName" }, " --resource Group\\n"]] }`,
      `!Base64 "aws cloudformation signal-resource --stack-name s --logical-resource-id Group --unique-id i --status SUCCESS"`,
      `!Base64 { "Fn::Sub": "cfn-signal --stack x --resource \${ResourceName}" }`,
      `!Ref BootScript`,
      `!Base64 "#!/bin/bash\\ncurl -fsSL https://example.com/bootstrap.sh | sudo bash\\n"`,
      `!Base64 "#!/bin/bash\\naws s3 cp s3://artifacts/boot/setup.sh /tmp/setup.sh && bash /tmp/setup.sh\\n"`,
    ]) {
      expect(rule.check(inputFromText(groupWithUserData(userData))), userData).toEqual([]);
    }
  });

  describe('CDK-synthesized', () => {
    const synthesized = synthOnce((stack, ids) => {
      const vpc = new ec2.Vpc(stack, 'Vpc', { maxAzs: 1, natGateways: 0 });
      const common = {
        vpc,
        instanceType: new ec2.InstanceType('t3.micro'),
        machineImage: ec2.MachineImage.genericLinux({ 'us-east-1': 'ami-12345678' }),
        signals: autoscaling.Signals.waitForAll({ timeout: Duration.minutes(10) }),
      };
      ids.silent = logicalId(new autoscaling.AutoScalingGroup(stack, 'Silent', common));
      new autoscaling.AutoScalingGroup(stack, 'Initialized', {
        ...common,
        init: ec2.CloudFormationInit.fromElements(ec2.InitCommand.shellCommand('echo ready')),
      });
    });

    it('non-compliant: signals required without user data that sends them; compliant: CloudFormationInit adds cfn-signal', () => {
      expect(rule.check(input(synthesized.template)).map((v) => v.resources?.[0])).toEqual([synthesized.ids.silent]);
    });
  });
});
