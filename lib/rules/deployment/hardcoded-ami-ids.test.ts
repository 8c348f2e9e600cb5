import { describe, expect, it } from 'vitest';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { input, inputFromText, logicalId, synthOnce } from '../test-util';
import { rule } from './hardcoded-ami-ids';

describe('hardcoded-ami-ids', () => {
  it('non-compliant 1: a region-to-AMI mapping', () => {
    const text = `
Mappings:
  RegionMap:
    us-east-1: { AMI: ami-0c02fb55731490381 }
    eu-west-1: { AMI: ami-0a1ee2fb28fe05df3 }
Resources:
  Host: { Type: AWS::EC2::Instance, Properties: { ImageId: !FindInMap [RegionMap, !Ref 'AWS::Region', AMI] } }`;
    const violations = rule.check(inputFromText(text));
    expect(violations.map((v) => v.resources)).toEqual([['RegionMap']]);
    expect(violations[0].message).toMatch(/^Mapping RegionMap hardcodes the AMI IDs ami-0c02fb55731490381, ami-0a1ee2fb28fe05df3;/);
    expect(violations[0].evidence?.map((e) => e.path)).toEqual(['RegionMap.us-east-1.AMI', 'RegionMap.eu-west-1.AMI']);
  });

  it('non-compliant 2: a placeholder image of a launch template and an image parameter default', () => {
    const text = `
Parameters:
  ImageId: { Type: 'AWS::EC2::Image::Id', Default: ami-12345678 }
Resources:
  Template:
    Type: AWS::EC2::LaunchTemplate
    Properties: { LaunchTemplateData: { ImageId: ami-0abcdef1234567890, InstanceType: t3.micro } }`;
    const violations = rule.check(inputFromText(text));
    expect(violations.map((v) => [v.resources, v.evidence?.map((e) => [e.path, e.note])])).toEqual([
      [['ImageId'], [['Default', 'placeholder AMI ID ami-12345678']]],
      [['Template'], [['Properties.LaunchTemplateData.ImageId', 'placeholder AMI ID ami-0abcdef1234567890']]],
    ]);
  });

  it('compliant: an SSM parameter type, a resolve reference, and an AMI from a parameter', () => {
    const text = `
Parameters:
  LatestAmi: { Type: 'AWS::SSM::Parameter::Value<AWS::EC2::Image::Id>', Default: /aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64 }
Resources:
  A: { Type: AWS::EC2::Instance, Properties: { ImageId: !Ref LatestAmi } }
  B: { Type: AWS::EC2::Instance, Properties: { ImageId: '{{resolve:ssm:/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64}}' } }`;
    expect(rule.check(inputFromText(text))).toEqual([]);
  });

  describe('on a CDK-synthesized template', () => {
    const synthesized = synthOnce((stack, ids) => {
      const vpc = new ec2.Vpc(stack, 'Vpc', { natGateways: 0, subnetConfiguration: [{ name: 'p', subnetType: ec2.SubnetType.PUBLIC }] });
      const instanceType = new ec2.InstanceType('t3.micro');
      new ec2.Instance(stack, 'Latest', { vpc, instanceType, machineImage: ec2.MachineImage.latestAmazonLinux2023() });
      const pinned = new ec2.Instance(stack, 'Pinned', {
        vpc,
        instanceType,
        machineImage: ec2.MachineImage.genericLinux({ 'us-east-1': 'ami-0c02fb55731490381' }),
      });
      ids.pinned = logicalId(pinned);
    });

    it('reports the instance pinned to an AMI, not the one resolving the latest image', () => {
      const violations = rule.check(input(synthesized.template));
      expect(violations.map((v) => v.resources)).toEqual([[synthesized.ids.pinned]]);
    });
  });
});
