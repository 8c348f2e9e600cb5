import { describe, expect, it } from 'vitest';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { input, inputFromText, logicalId, synthOnce } from '../test-util';
import { rule } from './imdsv2-required';

const resourcesOf = (text: string) => rule.check(inputFromText(text)).map((v) => v.resources);

describe('imdsv2-required', () => {
  it('non-compliant 1: a launch template without HttpTokens, reported with the group and instance that launch from it', () => {
    const text = `
Resources:
  Template:
    Type: AWS::EC2::LaunchTemplate
    Properties: { LaunchTemplateData: { ImageId: ami-12345678, InstanceType: t3.micro } }
  Group:
    Type: AWS::AutoScaling::AutoScalingGroup
    Properties: { MinSize: '1', MaxSize: '1', LaunchTemplate: { LaunchTemplateId: !Ref Template, Version: !GetAtt Template.LatestVersionNumber } }
  Server:
    Type: AWS::EC2::Instance
    Properties: { LaunchTemplate: { LaunchTemplateId: !Ref Template, Version: '1' } }
`;
    const violations = rule.check(inputFromText(text));
    expect(violations.map((v) => v.resources)).toEqual([['Template', 'Server', 'Group']]);
    expect(violations[0].evidence?.[0]).toMatchObject({
      resource: 'Template',
      path: 'Properties.LaunchTemplateData.MetadataOptions.HttpTokens',
    });
  });

  it('non-compliant 2: an instance with optional tokens, and a launch configuration without MetadataOptions', () => {
    const text = `
Resources:
  Server: { Type: AWS::EC2::Instance, Properties: { ImageId: ami-12345678, MetadataOptions: { HttpTokens: optional } } }
  Config: { Type: AWS::AutoScaling::LaunchConfiguration, Properties: { ImageId: ami-12345678, InstanceType: t3.micro } }
  Group: { Type: AWS::AutoScaling::AutoScalingGroup, Properties: { MinSize: '1', MaxSize: '1', LaunchConfigurationName: !Ref Config } }
`;
    expect(resourcesOf(text)).toEqual([['Server'], ['Config', 'Group']]);
  });

  it('compliant: tokens required, the endpoint off, an Amazon Linux 2023 image, an override on the instance, or a condition', () => {
    const text = `
Parameters:
  Ami: { Type: 'AWS::SSM::Parameter::Value<AWS::EC2::Image::Id>', Default: /aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64 }
Conditions: { Strict: !Equals [!Ref AWS::Region, us-east-1] }
Resources:
  Template:
    Type: AWS::EC2::LaunchTemplate
    Properties: { LaunchTemplateData: { ImageId: ami-1, MetadataOptions: { HttpTokens: required, HttpPutResponseHopLimit: 2 } } }
  Loose: { Type: AWS::EC2::LaunchTemplate, Properties: { LaunchTemplateData: { ImageId: !Ref Ami } } }
  Off: { Type: AWS::EC2::Instance, Properties: { ImageId: ami-1, MetadataOptions: { HttpEndpoint: disabled } } }
  Resolved: { Type: AWS::EC2::Instance, Properties: { ImageId: '{{resolve:ssm:/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-arm64}}' } }
  Decided: { Type: AWS::EC2::Instance, Properties: { ImageId: ami-1, MetadataOptions: !If [Strict, { HttpTokens: required }, !Ref AWS::NoValue] } }
  External: { Type: AWS::EC2::Instance, Properties: { LaunchTemplate: { LaunchTemplateId: lt-0123, Version: '1' } } }
  Ecs: { Type: AWS::EC2::Instance, Properties: { ImageId: '{{resolve:ssm:/aws/service/ecs/optimized-ami/amazon-linux-2023/recommended/image_id}}' } }
`;
    expect(resourcesOf(text)).toEqual([]);
  });

  describe('CDK-synthesized', () => {
    const synthesized = synthOnce((stack, ids) => {
      const vpc = new ec2.Vpc(stack, 'Vpc', { maxAzs: 1, natGateways: 0 });
      const machineImage = ec2.MachineImage.genericLinux({ 'us-east-1': 'ami-12345678' });
      const instanceType = new ec2.InstanceType('t3.micro');
      ids.loose = logicalId(new ec2.Instance(stack, 'Loose', { vpc, machineImage, instanceType }));
      new ec2.Instance(stack, 'Strict', { vpc, machineImage, instanceType, requireImdsv2: true });
      new ec2.Instance(stack, 'Al2023', { vpc, machineImage: ec2.MachineImage.latestAmazonLinux2023(), instanceType });
    });

    it('non-compliant: an instance without requireImdsv2; compliant: requireImdsv2 (a launch template by name) and Amazon Linux 2023', () => {
      expect(rule.check(input(synthesized.template)).map((v) => v.resources)).toEqual([[synthesized.ids.loose]]);
    });
  });
});
