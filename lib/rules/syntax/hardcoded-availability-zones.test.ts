import { describe, expect, it } from 'vitest';
import { Fn } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { input, inputFromText, source, synth } from '../test-util';
import { rule } from './hardcoded-availability-zones';

const subnets = (azA: string, azB: string) => `
Parameters:
  Zone:
    Type: AWS::EC2::AvailabilityZone::Name
    Default: ${azA}
Resources:
  Vpc: { Type: AWS::EC2::VPC, Properties: { CidrBlock: 10.0.0.0/16 } }
  SubnetA: { Type: AWS::EC2::Subnet, Properties: { VpcId: !Ref Vpc, CidrBlock: 10.0.0.0/24, AvailabilityZone: ${azA} } }
  SubnetB: { Type: AWS::EC2::Subnet, Properties: { VpcId: !Ref Vpc, CidrBlock: 10.0.1.0/24, AvailabilityZone: ${azB} } }
  Bucket:
    Type: AWS::S3::Bucket
    Properties:
      BucketName: !Sub 'logs-\${AWS::Region}'
      Tags: [{ Key: region, Value: us-east-1 }, { Key: arn, Value: 'arn:aws:s3:::my-bucket-2a' }]
`;

describe('hardcoded-availability-zones', () => {
  it('non-compliant 1: YAML subnets and a parameter default with literal zone names, one violation each with its path', () => {
    const violations = rule.check(inputFromText(subnets('us-east-1a', 'us-gov-west-1b')));
    expect(violations.map((v) => v.resources)).toEqual([['Zone'], ['SubnetA'], ['SubnetB']]);
    expect(violations[1].evidence).toEqual([
      { resource: 'SubnetA', path: 'Properties.AvailabilityZone', value: 'us-east-1a', note: 'literal availability zone us-east-1a' },
    ]);
    expect(violations[0].evidence?.[0]).toMatchObject({ path: 'Default', value: 'us-east-1a' });
    expect(violations[2].message).toContain('us-gov-west-1b');
  });

  it('non-compliant 2: JSON template with a zone list and a zone ID, all paths in one violation for the resource', () => {
    const json = JSON.stringify({
      Resources: {
        Asg: {
          Type: 'AWS::AutoScaling::AutoScalingGroup',
          Properties: { MinSize: '1', MaxSize: '2', AvailabilityZones: ['eu-west-2a', 'eu-west-2c'] },
        },
        Subnet: { Type: 'AWS::EC2::Subnet', Properties: { VpcId: 'vpc-1', CidrBlock: '10.0.0.0/24', AvailabilityZoneId: 'use1-az1' } },
      },
    });
    const violations = rule.check(inputFromText(json));
    expect(violations.map((v) => v.resources)).toEqual([['Asg'], ['Subnet']]);
    expect(violations[0].evidence?.map((e) => e.path)).toEqual(['Properties.AvailabilityZones.0', 'Properties.AvailabilityZones.1']);
    expect(violations[1].evidence?.[0]).toMatchObject({ path: 'Properties.AvailabilityZoneId', value: 'use1-az1' });
  });

  it('non-compliant 3: a CDK VPC given explicit availability zones', () => {
    const t = synth((stack) => new ec2.Vpc(stack, 'Vpc', { availabilityZones: ['us-east-1a', 'us-east-1b'], natGateways: 0 }));
    const flagged = rule.check(input(t)).map((v) => v.resources?.[0]);
    expect(flagged).toEqual(Object.keys(t.Resources).filter((id) => t.Resources[id].Type === 'AWS::EC2::Subnet'));
    expect(flagged.length).toBe(4);
  });

  it('non-compliant 4: source lines with zone literals (python list, typescript string), not comments or regions', () => {
    const py = source(
      [
        'vpc = ec2.Vpc(self, "Vpc",',
        '    availability_zones=["us-east-1a", "us-east-1b"])',
        "region = 'us-east-1'",
        '# use us-east-1c later',
      ].join('\n'),
    );
    const ts = { ...source("const az = 'ap-southeast-2c';", 'typescript', 'lib/stack.ts'), startLine: 5 };
    const violations = rule.check(input(undefined, [py, ts]));
    expect(violations.map((v) => v.location)).toEqual([
      { file: 'app.py', line: 2 },
      { file: 'lib/stack.ts', line: 5 },
    ]);
    expect(violations[0].message).toContain('us-east-1a, us-east-1b');
  });

  it('compliant: zones derived from the region (Fn::GetAZs) in YAML, CDK (maxAzs and Fn.getAzs) and source', () => {
    const yaml = subnets("!Select [0, !GetAZs '']", "!Select [1, !GetAZs { Ref: 'AWS::Region' }]").replace(/Default: .*/, 'Default: ""');
    expect(rule.check(inputFromText(yaml))).toEqual([]);
    const t = synth((stack) => {
      const vpc = new ec2.Vpc(stack, 'Vpc', { maxAzs: 2, natGateways: 0 });
      new ec2.CfnSubnet(stack, 'Extra', { vpcId: vpc.vpcId, cidrBlock: '10.1.0.0/24', availabilityZone: Fn.select(0, Fn.getAzs()) });
    });
    expect(rule.check(input(t))).toEqual([]);
    expect(
      rule.check(input(undefined, [source('vpc = ec2.Vpc(self, "Vpc", max_azs=2)\nregion = "eu-west-2"\nbucket = "my-bucket-2a"')])),
    ).toEqual([]);
  });
});
