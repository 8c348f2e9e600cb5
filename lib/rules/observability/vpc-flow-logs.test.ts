import { describe, expect, it } from 'vitest';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { input, inputFromText, logicalId, synthOnce } from '../test-util';
import { rule } from './vpc-flow-logs';

const vpc = (id: string) => `  ${id}: { Type: AWS::EC2::VPC, Properties: { CidrBlock: 10.0.0.0/16 } }\n`;
const flowLog = (id: string, target: string, type = 'VPC') =>
  `  ${id}: { Type: AWS::EC2::FlowLog, Properties: { ResourceId: ${target}, ResourceType: ${type}, TrafficType: ALL, LogDestinationType: s3, LogDestination: arn:aws:s3:::logs } }\n`;

describe('vpc-flow-logs', () => {
  it('non-compliant 1: a VPC without any flow log', () => {
    const violations = rule.check(inputFromText(`Resources:\n${vpc('Vpc')}`));
    expect(violations.map((v) => v.resources)).toEqual([['Vpc']]);
    expect(violations[0].evidence).toEqual([
      { resource: 'Vpc', note: 'no AWS::EC2::FlowLog has this VPC (or one of its subnets) as ResourceId' },
    ]);
  });

  it('non-compliant 2: of two VPCs only one has a flow log', () => {
    const text = `Resources:\n${vpc('Logged')}${vpc('Unlogged')}${flowLog('Flow', '!Ref Logged')}`;
    expect(rule.check(inputFromText(text)).map((v) => v.resources)).toEqual([['Unlogged']]);
  });

  it('compliant: a flow log on the VPC (Ref or GetAtt), on one of its subnets or on a network interface in it', () => {
    const subnet = `  Subnet: { Type: AWS::EC2::Subnet, Properties: { VpcId: !Ref B, CidrBlock: 10.0.0.0/24 } }\n`;
    const eni = `  Eni: { Type: AWS::EC2::NetworkInterface, Properties: { SubnetId: !Ref Subnet2 } }\n  Subnet2: { Type: AWS::EC2::Subnet, Properties: { VpcId: !GetAtt C.VpcId, CidrBlock: 10.0.1.0/24 } }\n`;
    const text = `Resources:\n${vpc('A')}${vpc('B')}${vpc('C')}${subnet}${eni}${flowLog('FlowA', '!GetAtt A.VpcId')}${flowLog('FlowB', '!Ref Subnet', 'Subnet')}${flowLog('FlowC', '!Ref Eni', 'NetworkInterface')}`;
    expect(rule.check(inputFromText(text))).toEqual([]);
  });

  it('compliant: a flow log on a VPC the template does not define may be this one, so nothing is reported', () => {
    const text = `Parameters:\n  VpcId: { Type: String }\nResources:\n${vpc('Vpc')}${flowLog('Flow', '!Ref VpcId')}`;
    expect(rule.check(inputFromText(text))).toEqual([]);
  });

  describe('CDK-synthesized', () => {
    const synthesized = synthOnce((stack, ids) => {
      ids.plain = logicalId(new ec2.Vpc(stack, 'Plain', { maxAzs: 1, natGateways: 0 }));
      new ec2.Vpc(stack, 'Logged', { maxAzs: 1, natGateways: 0 }).addFlowLog('Flow');
    });

    it('non-compliant: a Vpc without flow logs; compliant: vpc.addFlowLog', () => {
      expect(rule.check(input(synthesized.template)).map((v) => v.resources)).toEqual([[synthesized.ids.plain]]);
    });
  });
});
