import { describe, expect, it } from 'vitest';
import { inputFromText } from '../test-util';
import type { CfnTemplate } from '../../templates/types';
import {
  availabilityZoneKey,
  defaultRoutesOfSubnet,
  isPublicSubnet,
  natGatewaysOfSubnet,
  publicSubnetEvidence,
  routeTablesOfSubnet,
  routesOfSubnet,
  subnetIntent,
  subnetRoutingIsKnown,
  subnetsOfVpc,
} from './network';

const t = inputFromText(`
Resources:
  Vpc: { Type: AWS::EC2::VPC }
  Other: { Type: AWS::EC2::VPC }
  Igw: { Type: AWS::EC2::InternetGateway }
  Attach: { Type: AWS::EC2::VPCGatewayAttachment, Properties: { VpcId: !Ref Vpc, InternetGatewayId: !Ref Igw } }
  A: { Type: AWS::EC2::Subnet, Properties: { VpcId: !Ref Vpc, AvailabilityZone: !Select [0, !GetAZs ''] } }
  B: { Type: AWS::EC2::Subnet, Properties: { VpcId: !Ref Vpc, AvailabilityZone: us-east-1b, MapPublicIpOnLaunch: true } }
  C: { Type: AWS::EC2::Subnet, Properties: { VpcId: !Ref Other, AvailabilityZone: !Ref ZoneParam } }
  D: { Type: AWS::EC2::Subnet, Properties: { VpcId: !Ref Other } }
  PublicTable: { Type: AWS::EC2::RouteTable }
  PrivateTable: { Type: AWS::EC2::RouteTable }
  AssocA: { Type: AWS::EC2::SubnetRouteTableAssociation, Properties: { SubnetId: !Ref A, RouteTableId: !Ref PublicTable } }
  AssocC: { Type: AWS::EC2::SubnetRouteTableAssociation, Properties: { SubnetId: !Ref C, RouteTableId: !Ref PrivateTable } }
  ToIgw: { Type: AWS::EC2::Route, Properties: { RouteTableId: !Ref PublicTable, DestinationCidrBlock: 0.0.0.0/0, GatewayId: !Ref Igw } }
  Nat: { Type: AWS::EC2::NatGateway }
  ToNat: { Type: AWS::EC2::Route, Properties: { RouteTableId: !Ref PrivateTable, DestinationCidrBlock: 0.0.0.0/0, NatGatewayId: !Ref Nat } }
  ToNatPartial: { Type: AWS::EC2::Route, Properties: { RouteTableId: !Ref PrivateTable, DestinationCidrBlock: 10.1.0.0/16, NatGatewayId: !Ref Nat } }
`).template as CfnTemplate;

describe('network helpers', () => {
  it('lists the subnets of a VPC', () => {
    expect(subnetsOfVpc(t, 'Vpc')).toEqual(['A', 'B']);
    expect(subnetsOfVpc(t, 'Other')).toEqual(['C', 'D']);
  });

  it('follows route table associations to routes', () => {
    expect(routeTablesOfSubnet(t, 'A')).toEqual(['PublicTable']);
    expect(routesOfSubnet(t, 'C').map(([id]) => id)).toEqual(['ToNat', 'ToNatPartial']);
    expect(routesOfSubnet(t, 'D')).toEqual([]);
  });

  it('calls a subnet public when it maps public IPs or routes to an internet gateway (directly, by attachment, or by literal id)', () => {
    expect(publicSubnetEvidence(t, 'A')).toEqual([
      {
        resource: 'ToIgw',
        path: 'Properties.GatewayId',
        value: { Ref: 'Igw' },
        note: "subnet A's route table routes to an internet gateway",
      },
    ]);
    expect(publicSubnetEvidence(t, 'B')[0]).toMatchObject({ resource: 'B', path: 'Properties.MapPublicIpOnLaunch', value: true });
    expect([isPublicSubnet(t, 'C'), isPublicSubnet(t, 'D')]).toEqual([false, false]);
    const viaAttachment = structuredClone(t) as { Resources: Record<string, { Properties?: Record<string, unknown> }> };
    viaAttachment.Resources.ToNat.Properties = { RouteTableId: { Ref: 'PrivateTable' }, GatewayId: { Ref: 'Attach' } };
    expect(isPublicSubnet(viaAttachment as unknown as CfnTemplate, 'C')).toBe(true);
    viaAttachment.Resources.ToNat.Properties = { RouteTableId: { Ref: 'PrivateTable' }, GatewayId: 'igw-0123' };
    expect(isPublicSubnet(viaAttachment as unknown as CfnTemplate, 'C')).toBe(true);
  });

  it('finds the NAT gateways a subnet sends its default route to', () => {
    expect(natGatewaysOfSubnet(t, 'C')).toEqual(['Nat']);
    expect(natGatewaysOfSubnet(t, 'A')).toEqual([]);
  });

  it('keys availability zones by literal name, GetAZs index, or value', () => {
    expect(availabilityZoneKey(t, 'A')).toBe('GetAZs[0]');
    expect(availabilityZoneKey(t, 'B')).toBe('us-east-1b');
    expect(availabilityZoneKey(t, 'C')).toBe('{"Ref":"ZoneParam"}');
    expect(availabilityZoneKey(t, 'D')).toBeUndefined();
  });

  it('lists the default routes of a subnet, not its other routes', () => {
    expect(defaultRoutesOfSubnet(t, 'C').map(([id]) => id)).toEqual(['ToNat']);
    expect(defaultRoutesOfSubnet(t, 'D')).toEqual([]);
  });

  it('reads routing as known only for subnets of a template VPC whose tables and targets are resources or literals', () => {
    expect([subnetRoutingIsKnown(t, 'A'), subnetRoutingIsKnown(t, 'B'), subnetRoutingIsKnown(t, 'D')]).toEqual([true, true, true]);
    const unknown = inputFromText(`
Resources:
  Vpc: { Type: AWS::EC2::VPC }
  InParamVpc: { Type: AWS::EC2::Subnet, Properties: { VpcId: !Ref VpcParam } }
  ParamTable: { Type: AWS::EC2::Subnet, Properties: { VpcId: !Ref Vpc } }
  ParamAssoc: { Type: AWS::EC2::SubnetRouteTableAssociation, Properties: { SubnetId: !Ref ParamTable, RouteTableId: !Ref TableParam } }
  ImportedTarget: { Type: AWS::EC2::Subnet, Properties: { VpcId: !Ref Vpc } }
  Table: { Type: AWS::EC2::RouteTable }
  Assoc: { Type: AWS::EC2::SubnetRouteTableAssociation, Properties: { SubnetId: !Ref ImportedTarget, RouteTableId: !Ref Table } }
  Route: { Type: AWS::EC2::Route, Properties: { RouteTableId: !Ref Table, DestinationCidrBlock: 0.0.0.0/0, TransitGatewayId: !ImportValue tgw } }
`).template as CfnTemplate;
    expect(['InParamVpc', 'ParamTable', 'ImportedTarget'].map((id) => subnetRoutingIsKnown(unknown, id))).toEqual([false, false, false]);
  });

  it('reads what a subnet is meant to be from MapPublicIpOnLaunch, its logical ID and its Name or CDK subnet-type tag', () => {
    const named = inputFromText(`
Resources:
  PublicSubnet1: { Type: AWS::EC2::Subnet }
  Web: { Type: AWS::EC2::Subnet, Properties: { MapPublicIpOnLaunch: true } }
  DatabaseSubnetA: { Type: AWS::EC2::Subnet }
  Tagged: { Type: AWS::EC2::Subnet, Properties: { Tags: [{ Key: aws-cdk:subnet-type, Value: Isolated }] } }
  Both: { Type: AWS::EC2::Subnet, Properties: { Tags: [{ Key: Name, Value: private-for-public-alb }] } }
  Mixed: { Type: AWS::EC2::Subnet, Properties: { MapPublicIpOnLaunch: true, Tags: [{ Key: Name, Value: private-a }] } }
  App: { Type: AWS::EC2::Subnet }
`).template as CfnTemplate;
    const intents = ['PublicSubnet1', 'Web', 'DatabaseSubnetA', 'Tagged', 'Both', 'Mixed', 'App'].map(
      (id) => subnetIntent(named, id)?.intent,
    );
    expect(intents).toEqual(['public', 'public', 'private', 'private', undefined, undefined, undefined]);
  });
});
