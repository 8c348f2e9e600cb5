import { describe, expect, it } from 'vitest';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { input, inputFromText, logicalId, synthOnce } from '../test-util';
import { rule } from './nat-gateway-redundancy';

/** YAML for a private subnet `name` in `zone` whose default route goes to NAT gateway `nat`. */
const privateSubnet = (name: string, zone: string, nat: string) => `
  ${name}: { Type: AWS::EC2::Subnet, Properties: { VpcId: !Ref Vpc, CidrBlock: 10.0.0.0/24, AvailabilityZone: ${zone} } }
  ${name}Table: { Type: AWS::EC2::RouteTable, Properties: { VpcId: !Ref Vpc } }
  ${name}Assoc: { Type: AWS::EC2::SubnetRouteTableAssociation, Properties: { SubnetId: !Ref ${name}, RouteTableId: !Ref ${name}Table } }
  ${name}Route: { Type: AWS::EC2::Route, Properties: { RouteTableId: !Ref ${name}Table, DestinationCidrBlock: 0.0.0.0/0, NatGatewayId: !Ref ${nat} } }`;

const vpc = (...subnets: string[]) => `
Resources:
  Vpc: { Type: AWS::EC2::VPC, Properties: { CidrBlock: 10.0.0.0/16 } }
  Nat1: { Type: AWS::EC2::NatGateway, Properties: { SubnetId: subnet-1, AllocationId: eipalloc-1 } }
  Nat2: { Type: AWS::EC2::NatGateway, Properties: { SubnetId: subnet-2, AllocationId: eipalloc-2 } }
${subnets.join('\n')}`;

describe('nat-gateway-redundancy', () => {
  it('non-compliant 1: private subnets in two GetAZs zones share one NAT gateway', () => {
    const text = vpc(privateSubnet('PrivA', "!Select [0, !GetAZs '']", 'Nat1'), privateSubnet('PrivB', "!Select [1, !GetAZs '']", 'Nat1'));
    const violations = rule.check(inputFromText(text));
    expect(violations.map((v) => v.resources)).toEqual([['Vpc', 'Nat1', 'PrivA', 'PrivB']]);
    expect(violations[0].message).toContain('2 availability zones');
    expect(violations[0].evidence?.[1]).toMatchObject({ resource: 'PrivB', value: { 'Fn::Select': [1, { 'Fn::GetAZs': '' }] } });
  });

  it('non-compliant 2: three literal zones served by two NAT gateways (JSON template)', () => {
    const json = JSON.stringify({
      Resources: {
        Vpc: { Type: 'AWS::EC2::VPC' },
        Nat1: { Type: 'AWS::EC2::NatGateway' },
        Nat2: { Type: 'AWS::EC2::NatGateway' },
        ...Object.fromEntries(
          ['a', 'b', 'c'].flatMap((zone, i) => [
            [`Sub${zone}`, { Type: 'AWS::EC2::Subnet', Properties: { VpcId: { Ref: 'Vpc' }, AvailabilityZone: `us-east-1${zone}` } }],
            [`Rt${zone}`, { Type: 'AWS::EC2::RouteTable' }],
            [
              `As${zone}`,
              {
                Type: 'AWS::EC2::SubnetRouteTableAssociation',
                Properties: { SubnetId: { Ref: `Sub${zone}` }, RouteTableId: { Ref: `Rt${zone}` } },
              },
            ],
            [
              `R${zone}`,
              {
                Type: 'AWS::EC2::Route',
                Properties: {
                  RouteTableId: { Ref: `Rt${zone}` },
                  DestinationCidrBlock: '0.0.0.0/0',
                  NatGatewayId: { Ref: i === 2 ? 'Nat2' : 'Nat1' },
                },
              },
            ],
          ]),
        ),
      },
    });
    expect(rule.check(inputFromText(json)).map((v) => v.resources)).toEqual([['Vpc', 'Nat1', 'Nat2', 'Suba', 'Subb', 'Subc']]);
  });

  it('compliant: one NAT gateway per zone, a single zone, or the same zone written twice', () => {
    const perZone = vpc(
      privateSubnet('PrivA', "!Select [0, !GetAZs '']", 'Nat1'),
      privateSubnet('PrivB', "!Select [1, !GetAZs '']", 'Nat2'),
    );
    const oneZone = vpc(privateSubnet('PrivA', 'us-east-1a', 'Nat1'), privateSubnet('PrivB', 'us-east-1a', 'Nat1'));
    const sameSelect = vpc(
      privateSubnet('PrivA', "!Select [0, !GetAZs '']", 'Nat1'),
      privateSubnet('PrivB', '!Select [0, !GetAZs { Ref: AWS::Region }]', 'Nat1'),
    );
    for (const text of [perZone, oneZone, sameSelect]) expect(rule.check(inputFromText(text))).toEqual([]);
    expect(rule.check(input(undefined))).toEqual([]);
  });

  describe('on a CDK-synthesized stack', () => {
    const cdk = synthOnce((stack, ids) => {
      for (const [name, natGateways] of [
        ['Single', 1],
        ['Redundant', 2],
      ] as const) {
        const v = new ec2.Vpc(stack, name, { natGateways, maxAzs: 2 });
        ids[name] = logicalId(v);
      }
    });

    it('non-compliant 1: ec2.Vpc with natGateways 1 over two zones', () => {
      const violations = rule.check(input(cdk.template));
      expect(violations.map((v) => v.resources?.[0])).toEqual([cdk.ids.Single]);
      const [, nat, ...subnets] = violations[0].resources!;
      expect(cdk.template.Resources[nat].Type).toBe('AWS::EC2::NatGateway');
      expect(subnets).toHaveLength(2);
      expect(subnets.every((id) => id.startsWith('SinglePrivateSubnet'))).toBe(true);
    });

    it('compliant: ec2.Vpc with natGateways 2 over two zones', () => {
      expect(rule.check(input(cdk.template)).flatMap((v) => v.resources)).not.toContain(cdk.ids.Redundant);
    });
  });
});
