import { describe, expect, it } from 'vitest';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { inputFromText, synthOnce } from '../test-util';
import { rule } from './public-subnet-routing';

/** A VPC with an attached internet gateway and a public route table, then `rest`. */
const vpc = (rest: string) => `
Resources:
  Vpc: { Type: AWS::EC2::VPC, Properties: { CidrBlock: 10.0.0.0/16 } }
  Igw: { Type: AWS::EC2::InternetGateway }
  Attach: { Type: AWS::EC2::VPCGatewayAttachment, Properties: { VpcId: !Ref Vpc, InternetGatewayId: !Ref Igw } }
  PublicTable: { Type: AWS::EC2::RouteTable, Properties: { VpcId: !Ref Vpc } }
${rest}`;
const defaultRoute = `
  ToIgw: { Type: AWS::EC2::Route, DependsOn: Attach, Properties: { RouteTableId: !Ref PublicTable, DestinationCidrBlock: 0.0.0.0/0, GatewayId: !Ref Igw } }`;
const associate = (subnet: string) => `
  ${subnet}Assoc: { Type: AWS::EC2::SubnetRouteTableAssociation, Properties: { SubnetId: !Ref ${subnet}, RouteTableId: !Ref PublicTable } }`;

describe('public-subnet-routing', () => {
  it('non-compliant 1: a subnet that maps public IPs has no route table association', () => {
    const text = vpc(`${defaultRoute}
  WebSubnet: { Type: AWS::EC2::Subnet, Properties: { VpcId: !Ref Vpc, CidrBlock: 10.0.0.0/24, MapPublicIpOnLaunch: true } }`);
    const [violation, ...rest] = rule.check(inputFromText(text));
    expect(rest).toEqual([]);
    expect(violation.resources).toEqual(['WebSubnet']);
    expect(violation.message).toContain('no route table association');
    expect(violation.evidence?.[0]).toMatchObject({ resource: 'WebSubnet', path: 'Properties.MapPublicIpOnLaunch', value: true });
  });

  it('non-compliant 2: a subnet named public is associated with a table that has no default route', () => {
    const text = vpc(`
  PublicSubnetA: { Type: AWS::EC2::Subnet, Properties: { VpcId: !Ref Vpc, CidrBlock: 10.0.0.0/24 } }${associate('PublicSubnetA')}
  Peering: { Type: AWS::EC2::Route, Properties: { RouteTableId: !Ref PublicTable, DestinationCidrBlock: 10.9.0.0/16, VpcPeeringConnectionId: pcx-1 } }`);
    const violations = rule.check(inputFromText(text));
    expect(violations.map((v) => v.resources)).toEqual([['PublicSubnetA', 'PublicTable']]);
    expect(violations[0].message).toContain('no default route (0.0.0.0/0) to an internet gateway');
  });

  it('non-compliant 3: a subnet tagged public whose default route goes to a NAT gateway', () => {
    const text = vpc(`
  Web: { Type: AWS::EC2::Subnet, Properties: { VpcId: !Ref Vpc, CidrBlock: 10.0.0.0/24, Tags: [{ Key: Name, Value: web-public-a }] } }${associate('Web')}
  Nat: { Type: AWS::EC2::NatGateway, Properties: { SubnetId: subnet-123, AllocationId: eipalloc-1 } }
  ToNat: { Type: AWS::EC2::Route, Properties: { RouteTableId: !Ref PublicTable, DestinationCidrBlock: 0.0.0.0/0, NatGatewayId: !Ref Nat } }`);
    const [violation] = rule.check(inputFromText(text));
    expect(violation.evidence?.[0]).toMatchObject({ resource: 'Web', value: 'web-public-a' });
    expect(violation.evidence?.[1]).toMatchObject({ resource: 'ToNat', note: 'the default route goes elsewhere than an internet gateway' });
  });

  it('compliant: an associated public subnet with a default route to the attached gateway, or one whose routing the template does not show', () => {
    const text = vpc(`${defaultRoute}
  PublicSubnet: { Type: AWS::EC2::Subnet, Properties: { VpcId: !Ref Vpc, CidrBlock: 10.0.0.0/24, MapPublicIpOnLaunch: true } }${associate('PublicSubnet')}
  ExistingVpcPublic: { Type: AWS::EC2::Subnet, Properties: { VpcId: !Ref VpcIdParam, CidrBlock: 10.0.1.0/24, MapPublicIpOnLaunch: true } }
  ParamTablePublic: { Type: AWS::EC2::Subnet, Properties: { VpcId: !Ref Vpc, CidrBlock: 10.0.2.0/24, MapPublicIpOnLaunch: true } }
  ParamAssoc: { Type: AWS::EC2::SubnetRouteTableAssociation, Properties: { SubnetId: !Ref ParamTablePublic, RouteTableId: !Ref TableParam } }
  PrivateSubnet: { Type: AWS::EC2::Subnet, Properties: { VpcId: !Ref Vpc, CidrBlock: 10.0.3.0/24 } }`);
    expect(rule.check(inputFromText(text))).toEqual([]);
  });

  describe('CDK', () => {
    const synthesized = synthOnce((stack) => {
      new ec2.Vpc(stack, 'Vpc', { maxAzs: 2, natGateways: 1 });
    });

    it("compliant: ec2.Vpc's public subnets are associated with tables that route to the attached gateway", () => {
      expect(rule.check({ template: synthesized.template, sources: [] })).toEqual([]);
    });
  });
});
