import { describe, expect, it } from 'vitest';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { inputFromText, synthOnce } from '../test-util';
import { rule } from './private-subnet-internet-route';

const vpc = (subnets: string, target = 'GatewayId: !Ref Igw') => `
Resources:
  Vpc: { Type: AWS::EC2::VPC, Properties: { CidrBlock: 10.0.0.0/16 } }
  Igw: { Type: AWS::EC2::InternetGateway }
  Attach: { Type: AWS::EC2::VPCGatewayAttachment, Properties: { VpcId: !Ref Vpc, InternetGatewayId: !Ref Igw } }
  Table: { Type: AWS::EC2::RouteTable, Properties: { VpcId: !Ref Vpc } }
  Default: { Type: AWS::EC2::Route, DependsOn: Attach, Properties: { RouteTableId: !Ref Table, DestinationCidrBlock: 0.0.0.0/0, ${target} } }
${subnets}`;
const subnet = (name: string, extra = '') => `
  ${name}: { Type: AWS::EC2::Subnet, Properties: { VpcId: !Ref Vpc, CidrBlock: 10.0.0.0/24${extra} } }
  ${name}Assoc: { Type: AWS::EC2::SubnetRouteTableAssociation, Properties: { SubnetId: !Ref ${name}, RouteTableId: !Ref Table } }`;

describe('private-subnet-internet-route', () => {
  it('non-compliant 1: a subnet named private shares the route table that sends 0.0.0.0/0 to the internet gateway', () => {
    const violations = rule.check(inputFromText(vpc(subnet('PrivateSubnet1'))));
    expect(violations.map((v) => v.resources)).toEqual([['PrivateSubnet1', 'Default']]);
    expect(violations[0].evidence?.[1]).toMatchObject({ resource: 'Default', value: { Ref: 'Igw' } });
  });

  it('non-compliant 2: a subnet tagged as a database subnet, routed to the gateway through its attachment', () => {
    const text = vpc(subnet('SubnetC', ', Tags: [{ Key: Name, Value: app-database-c }]'), 'GatewayId: !Ref Attach');
    expect(rule.check(inputFromText(text)).map((v) => v.resources?.[0])).toEqual(['SubnetC']);
  });

  it('compliant: private subnets routed to a NAT gateway, public subnets routed to the gateway, unnamed subnets', () => {
    expect(rule.check(inputFromText(vpc(subnet('PrivateSubnet1'), 'NatGatewayId: nat-0123')))).toEqual([]);
    expect(rule.check(inputFromText(vpc(subnet('PublicSubnet1') + subnet('AppSubnet'))))).toEqual([]);
    expect(rule.check(inputFromText(vpc(subnet('PrivateLooking', ', MapPublicIpOnLaunch: true'))))).toEqual([]);
  });

  describe('CDK', () => {
    const synthesized = synthOnce((stack) => {
      new ec2.Vpc(stack, 'Vpc', {
        maxAzs: 2,
        natGateways: 1,
        subnetConfiguration: [
          { name: 'Public', subnetType: ec2.SubnetType.PUBLIC },
          { name: 'Private', subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS },
          { name: 'Isolated', subnetType: ec2.SubnetType.PRIVATE_ISOLATED },
        ],
      });
    });

    it("compliant: ec2.Vpc's private and isolated subnets (tagged aws-cdk:subnet-type) never route to the internet gateway", () => {
      expect(rule.check({ template: synthesized.template, sources: [] })).toEqual([]);
    });
  });
});
