import { describe, expect, it } from 'vitest';
import { inputFromText } from '../test-util';
import { rule } from './internet-gateway-route-dependency';

const base = `
Resources:
  Vpc: { Type: AWS::EC2::VPC, Properties: { CidrBlock: 10.0.0.0/16 } }
  Igw: { Type: AWS::EC2::InternetGateway }
  Table: { Type: AWS::EC2::RouteTable, Properties: { VpcId: !Ref Vpc } }`;
const attachment = `
  Attach: { Type: AWS::EC2::VPCGatewayAttachment, Properties: { VpcId: !Ref Vpc, InternetGatewayId: !Ref Igw } }`;
const route = (extra = '') => `
  ToIgw:
    Type: AWS::EC2::Route
${extra}    Properties: { RouteTableId: !Ref Table, DestinationCidrBlock: 0.0.0.0/0, GatewayId: !Ref Igw }`;

describe('internet-gateway-route-dependency', () => {
  it('non-compliant 1: the route to the gateway does not depend on its attachment', () => {
    const violations = rule.check(inputFromText(base + attachment + route()));
    expect(violations.map((v) => v.resources)).toEqual([['ToIgw', 'Igw', 'Attach']]);
    expect(violations[0].evidence?.[0]).toMatchObject({ resource: 'ToIgw', path: 'DependsOn', note: 'add DependsOn: Attach' });
  });

  it('non-compliant 2: the gateway is never attached to a VPC', () => {
    const violations = rule.check(inputFromText(base + route('    DependsOn: Table\n')));
    expect(violations.map((v) => v.resources)).toEqual([['ToIgw', 'Igw']]);
    expect(violations[0].message).toContain('no AWS::EC2::VPCGatewayAttachment attaches');
  });

  it('compliant: DependsOn the attachment (as a string or in a list), or through the route table that depends on it', () => {
    expect(rule.check(inputFromText(base + attachment + route('    DependsOn: Attach\n')))).toEqual([]);
    expect(rule.check(inputFromText(base + attachment + route('    DependsOn: [Table, Attach]\n')))).toEqual([]);
    const tableAfterAttachment = base.replace(
      'Table: { Type: AWS::EC2::RouteTable,',
      'Table: { Type: AWS::EC2::RouteTable, DependsOn: Attach,',
    );
    expect(rule.check(inputFromText(tableAfterAttachment + attachment + route()))).toEqual([]);
  });

  it('compliant: routes to NAT gateways or literal gateway ids are not its concern', () => {
    const text = `${base}
  Nat: { Type: AWS::EC2::NatGateway, Properties: { SubnetId: subnet-1, AllocationId: eipalloc-1 } }
  ToNat: { Type: AWS::EC2::Route, Properties: { RouteTableId: !Ref Table, DestinationCidrBlock: 0.0.0.0/0, NatGatewayId: !Ref Nat } }
  ToExisting: { Type: AWS::EC2::Route, Properties: { RouteTableId: !Ref Table, DestinationCidrBlock: 10.1.0.0/16, GatewayId: igw-0123 } }`;
    expect(rule.check(inputFromText(text))).toEqual([]);
  });
});
