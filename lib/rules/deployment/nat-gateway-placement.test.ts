import { describe, expect, it } from 'vitest';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { inputFromText, synthOnce } from '../test-util';
import { rule } from './nat-gateway-placement';

/** A VPC with a public subnet (default route to the attached gateway) and a private one (default route to `Nat`), then `rest`. */
const vpc = (rest: string) => `
Resources:
  Vpc: { Type: AWS::EC2::VPC, Properties: { CidrBlock: 10.0.0.0/16 } }
  Igw: { Type: AWS::EC2::InternetGateway }
  Attach: { Type: AWS::EC2::VPCGatewayAttachment, Properties: { VpcId: !Ref Vpc, InternetGatewayId: !Ref Igw } }
  PublicSubnet: { Type: AWS::EC2::Subnet, Properties: { VpcId: !Ref Vpc, CidrBlock: 10.0.0.0/24 } }
  PrivateSubnet: { Type: AWS::EC2::Subnet, Properties: { VpcId: !Ref Vpc, CidrBlock: 10.0.1.0/24 } }
  PublicTable: { Type: AWS::EC2::RouteTable, Properties: { VpcId: !Ref Vpc } }
  PrivateTable: { Type: AWS::EC2::RouteTable, Properties: { VpcId: !Ref Vpc } }
  PublicAssoc: { Type: AWS::EC2::SubnetRouteTableAssociation, Properties: { SubnetId: !Ref PublicSubnet, RouteTableId: !Ref PublicTable } }
  PrivateAssoc: { Type: AWS::EC2::SubnetRouteTableAssociation, Properties: { SubnetId: !Ref PrivateSubnet, RouteTableId: !Ref PrivateTable } }
  ToIgw: { Type: AWS::EC2::Route, DependsOn: Attach, Properties: { RouteTableId: !Ref PublicTable, DestinationCidrBlock: 0.0.0.0/0, GatewayId: !Ref Igw } }
  ToNat: { Type: AWS::EC2::Route, Properties: { RouteTableId: !Ref PrivateTable, DestinationCidrBlock: 0.0.0.0/0, NatGatewayId: !Ref Nat } }
  Eip: { Type: AWS::EC2::EIP, Properties: { Domain: vpc } }
${rest}`;

describe('nat-gateway-placement', () => {
  it('non-compliant 1: the NAT gateway sits in the private subnet that routes through it', () => {
    const text = vpc(
      '  Nat: { Type: AWS::EC2::NatGateway, Properties: { SubnetId: !Ref PrivateSubnet, AllocationId: !GetAtt Eip.AllocationId } }',
    );
    const violations = rule.check(inputFromText(text));
    expect(violations.map((v) => v.resources)).toEqual([['Nat', 'PrivateSubnet', 'PrivateTable']]);
    expect(violations[0].message).toContain('its default route goes to ToNat');
  });

  it('non-compliant 2: the NAT gateway sits in a subnet without any route table association', () => {
    const text = vpc(`  Nat: { Type: AWS::EC2::NatGateway, Properties: { SubnetId: !Ref Lonely, AllocationId: !GetAtt Eip.AllocationId } }
  Lonely: { Type: AWS::EC2::Subnet, Properties: { VpcId: !Ref Vpc, CidrBlock: 10.0.2.0/24 } }`);
    const [violation] = rule.check(inputFromText(text));
    expect(violation.evidence?.[1]).toMatchObject({
      resource: 'Lonely',
      note: 'no route table association (main route table: local routes only)',
    });
  });

  it('compliant: a public NAT gateway in the public subnet, and a private NAT gateway in the private one', () => {
    const text =
      vpc(`  Nat: { Type: AWS::EC2::NatGateway, Properties: { SubnetId: !Ref PublicSubnet, AllocationId: !GetAtt Eip.AllocationId } }
  PrivateNat: { Type: AWS::EC2::NatGateway, Properties: { SubnetId: !Ref PrivateSubnet, ConnectivityType: private } }
  ParamNat: { Type: AWS::EC2::NatGateway, Properties: { SubnetId: !Ref SubnetParam, AllocationId: !GetAtt Eip.AllocationId } }`);
    expect(rule.check(inputFromText(text))).toEqual([]);
  });

  describe('CDK', () => {
    const synthesized = synthOnce((stack, ids) => {
      const network = new ec2.Vpc(stack, 'Vpc', { maxAzs: 2, natGateways: 1 });
      const nat = new ec2.CfnNatGateway(stack, 'ExtraNat', { subnetId: network.privateSubnets[0].subnetId, allocationId: 'eipalloc-1' });
      ids.nat = stack.getLogicalId(nat);
    });

    it("non-compliant: a CfnNatGateway placed in ec2.Vpc's private subnet (ec2.Vpc's own NAT gateway is compliant)", () => {
      const violations = rule.check({ template: synthesized.template, sources: [] });
      expect(violations.map((v) => v.resources?.[0])).toEqual([synthesized.ids.nat]);
    });
  });
});
