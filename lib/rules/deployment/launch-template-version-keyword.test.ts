import { describe, expect, it } from 'vitest';
import * as autoscaling from 'aws-cdk-lib/aws-autoscaling';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { inputFromText, synthOnce } from '../test-util';
import { rule } from './launch-template-version-keyword';

const base = `
Resources:
  Lt: { Type: AWS::EC2::LaunchTemplate, Properties: { LaunchTemplateData: { InstanceType: t3.micro } } }`;

describe('launch-template-version-keyword', () => {
  it('non-compliant 1: an Auto Scaling group on $Latest and an instance on $Default', () => {
    const text = `${base}
  Asg: { Type: AWS::AutoScaling::AutoScalingGroup, Properties: { MinSize: '1', MaxSize: '2', LaunchTemplate: { LaunchTemplateId: !Ref Lt, Version: $Latest } } }
  Box: { Type: AWS::EC2::Instance, Properties: { LaunchTemplate: { LaunchTemplateId: !Ref Lt, Version: $Default } } }`;
    const violations = rule.check(inputFromText(text));
    expect(violations.map((v) => [v.resources?.[0], v.evidence?.[0].path, v.evidence?.[0].value])).toEqual([
      ['Asg', 'Properties.LaunchTemplate.Version', '$Latest'],
      ['Box', 'Properties.LaunchTemplate.Version', '$Default'],
    ]);
    expect(violations[1].message).toContain('Fn::GetAtt <launch template>.DefaultVersionNumber');
  });

  it('non-compliant 2: a mixed instances policy override on $Latest', () => {
    const text = `${base}
  Asg:
    Type: AWS::AutoScaling::AutoScalingGroup
    Properties:
      MinSize: '1'
      MaxSize: '2'
      MixedInstancesPolicy:
        LaunchTemplate:
          LaunchTemplateSpecification: { LaunchTemplateId: !Ref Lt, Version: !GetAtt Lt.LatestVersionNumber }
          Overrides: [{ InstanceType: t3.small, LaunchTemplateSpecification: { LaunchTemplateId: !Ref Lt, Version: $Latest } }]`;
    expect(rule.check(inputFromText(text)).map((v) => v.evidence?.[0].path)).toEqual([
      'Properties.MixedInstancesPolicy.LaunchTemplate.Overrides.0.LaunchTemplateSpecification.Version',
    ]);
  });

  it('compliant: version numbers, Fn::GetAtt of LatestVersionNumber, and resources that accept $Latest (EC2 Fleet, Batch)', () => {
    const text = `${base}
  Asg: { Type: AWS::AutoScaling::AutoScalingGroup, Properties: { MinSize: '1', MaxSize: '2', LaunchTemplate: { LaunchTemplateId: !Ref Lt, Version: !GetAtt Lt.LatestVersionNumber } } }
  Box: { Type: AWS::EC2::Instance, Properties: { LaunchTemplate: { LaunchTemplateId: !Ref Lt, Version: '3' } } }
  Fleet: { Type: AWS::EC2::EC2Fleet, Properties: { LaunchTemplateConfigs: [{ LaunchTemplateSpecification: { LaunchTemplateId: !Ref Lt, Version: $Latest } }] } }`;
    expect(rule.check(inputFromText(text))).toEqual([]);
  });

  describe('CDK', () => {
    const synthesized = synthOnce((stack) => {
      const vpc = new ec2.Vpc(stack, 'Vpc', { maxAzs: 2, natGateways: 1 });
      const launchTemplate = new ec2.LaunchTemplate(stack, 'Lt', {
        instanceType: new ec2.InstanceType('t3.micro'),
        machineImage: ec2.MachineImage.latestAmazonLinux2023(),
      });
      new autoscaling.AutoScalingGroup(stack, 'Asg', { vpc, launchTemplate });
    });

    it('compliant: autoscaling.AutoScalingGroup with an ec2.LaunchTemplate uses Fn::GetAtt LatestVersionNumber', () => {
      expect(rule.check({ template: synthesized.template, sources: [] })).toEqual([]);
    });
  });
});
