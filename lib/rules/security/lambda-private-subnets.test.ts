import { describe, expect, it } from 'vitest';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { inlineFunction, input, inputFromText, logicalId, synthOnce } from '../test-util';
import { rule } from './lambda-private-subnets';

/** A VPC with a public subnet (IGW route) and a private one (NAT route), followed by `functions`. */
const network = (functions: string) => `
Resources:
  Vpc: { Type: AWS::EC2::VPC, Properties: { CidrBlock: 10.0.0.0/16 } }
  Igw: { Type: AWS::EC2::InternetGateway }
  Attach: { Type: AWS::EC2::VPCGatewayAttachment, Properties: { VpcId: !Ref Vpc, InternetGatewayId: !Ref Igw } }
  PublicSubnet:
    Type: AWS::EC2::Subnet
    Properties: { VpcId: !Ref Vpc, CidrBlock: 10.0.0.0/24, AvailabilityZone: !Select [0, !GetAZs ''] }
  PublicTable: { Type: AWS::EC2::RouteTable, Properties: { VpcId: !Ref Vpc } }
  PublicAssoc: { Type: AWS::EC2::SubnetRouteTableAssociation, Properties: { SubnetId: !Ref PublicSubnet, RouteTableId: !Ref PublicTable } }
  PublicRoute: { Type: AWS::EC2::Route, Properties: { RouteTableId: !Ref PublicTable, DestinationCidrBlock: 0.0.0.0/0, GatewayId: !Ref Igw } }
  Eip: { Type: AWS::EC2::EIP }
  Nat: { Type: AWS::EC2::NatGateway, Properties: { SubnetId: !Ref PublicSubnet, AllocationId: !GetAtt Eip.AllocationId } }
  PrivateSubnet:
    Type: AWS::EC2::Subnet
    Properties: { VpcId: !Ref Vpc, CidrBlock: 10.0.1.0/24, MapPublicIpOnLaunch: false, AvailabilityZone: !Select [0, !GetAZs ''] }
  PrivateTable: { Type: AWS::EC2::RouteTable, Properties: { VpcId: !Ref Vpc } }
  PrivateAssoc: { Type: AWS::EC2::SubnetRouteTableAssociation, Properties: { SubnetId: !Ref PrivateSubnet, RouteTableId: !Ref PrivateTable } }
  PrivateRoute: { Type: AWS::EC2::Route, Properties: { RouteTableId: !Ref PrivateTable, DestinationCidrBlock: 0.0.0.0/0, NatGatewayId: !Ref Nat } }
${functions}`;

const fn = (id: string, vpcConfig = '') => `
  ${id}:
    Type: AWS::Lambda::Function
    Properties:
      Runtime: python3.12
      Handler: index.handler
      Role: arn:aws:iam::123456789012:role/r
      Code: { ZipFile: 'def handler(e, c): pass' }
${vpcConfig ? `      VpcConfig: ${vpcConfig}` : ''}`;

const flagged = (t: ReturnType<typeof inputFromText>) => rule.check(t).map((v) => v.resources);

describe('lambda-private-subnets', () => {
  it('non-compliant 1: a function without VpcConfig in a template that defines a VPC', () => {
    const violations = rule.check(inputFromText(network(fn('Handler'))));
    expect(violations.map((v) => v.resources)).toEqual([['Handler']]);
    expect(violations[0].message).toContain('no VpcConfig');
    expect(violations[0].evidence?.[0]).toMatchObject({ resource: 'Handler', path: 'Properties.VpcConfig' });
  });

  it('non-compliant 2: a function in a subnet whose route table routes to the internet gateway', () => {
    const violations = rule.check(
      inputFromText(network(fn('Handler', '{ SubnetIds: [!Ref PrivateSubnet, !Ref PublicSubnet], SecurityGroupIds: [sg-1] }'))),
    );
    expect(violations.map((v) => v.resources)).toEqual([['Handler', 'PublicSubnet']]);
    expect(violations[0].evidence).toContainEqual(
      expect.objectContaining({ resource: 'PublicRoute', path: 'Properties.GatewayId', value: { Ref: 'Igw' } }),
    );
  });

  it('non-compliant 3: a function in a subnet that maps public IPs on launch (JSON template)', () => {
    const json = {
      Resources: {
        Vpc: { Type: 'AWS::EC2::VPC', Properties: { CidrBlock: '10.0.0.0/16' } },
        Open: { Type: 'AWS::EC2::Subnet', Properties: { VpcId: { Ref: 'Vpc' }, CidrBlock: '10.0.0.0/24', MapPublicIpOnLaunch: true } },
        Handler: { Type: 'AWS::Lambda::Function', Properties: { VpcConfig: { SubnetIds: [{ Ref: 'Open' }] } } },
      },
    };
    const violations = rule.check(inputFromText(JSON.stringify(json)));
    expect(violations.map((v) => v.resources)).toEqual([['Handler', 'Open']]);
    expect(violations[0].evidence).toContainEqual(
      expect.objectContaining({ resource: 'Open', path: 'Properties.MapPublicIpOnLaunch', value: true }),
    );
  });

  it('non-compliant 4: a route whose GatewayId is the VPCGatewayAttachment of an internet gateway', () => {
    const text = network(fn('Handler', '{ SubnetIds: [!Ref PrivateSubnet] }')).replace('NatGatewayId: !Ref Nat', 'GatewayId: !Ref Attach');
    expect(flagged(inputFromText(text))).toEqual([['Handler', 'PrivateSubnet']]);
  });

  it('compliant: functions in private subnets, with unjudgeable literal subnets or conditional VpcConfig, custom resource handlers, or no VPC at all', () => {
    const functions = [
      fn('InPrivate', '{ SubnetIds: [!Ref PrivateSubnet] }'),
      fn('LiteralSubnets', '{ SubnetIds: [subnet-0abc, !Ref SubnetParam] }'),
      fn('ProviderHandler'),
      fn('Conditional', "!If [InVpc, { SubnetIds: [!Ref PublicSubnet] }, !Ref 'AWS::NoValue']"),
      '  Custom: { Type: Custom::Seed, Properties: { ServiceToken: !GetAtt ProviderHandler.Arn } }',
    ].join('\n');
    expect(rule.check(inputFromText(network(functions)))).toEqual([]);
    expect(rule.check(inputFromText(`Resources:\n${fn('Alone')}`))).toEqual([]);
    expect(rule.check(input(undefined))).toEqual([]);
  });

  describe('on a CDK-synthesized stack', () => {
    const cdk = synthOnce((stack, ids) => {
      const vpc = new ec2.Vpc(stack, 'Vpc', { natGateways: 1, maxAzs: 2 });
      const make = (name: string, extra: Partial<lambda.FunctionProps>) => {
        const f = inlineFunction(stack, name, extra);
        ids[name] = logicalId(f);
      };
      make('Private', { vpc });
      make('Public', { vpc, vpcSubnets: { subnetType: ec2.SubnetType.PUBLIC }, allowPublicSubnet: true });
      make('Outside', {});
    });

    it('non-compliant 1: a function outside the VPC and one in public subnets are flagged, the private one is not', () => {
      const violations = rule.check(input(cdk.template));
      expect(violations.map((v) => v.resources?.[0]).sort()).toEqual([cdk.ids.Outside, cdk.ids.Public].sort());
      const publicViolation = violations.find((v) => v.resources?.[0] === cdk.ids.Public)!;
      expect(publicViolation.resources?.slice(1).every((id) => id.startsWith('VpcPublicSubnet'))).toBe(true);
      expect(publicViolation.resources).toHaveLength(3);
    });

    it('compliant: a function in the default (private with egress) subnets', () => {
      const violations = rule.check(input(cdk.template));
      expect(violations.flatMap((v) => v.resources)).not.toContain(cdk.ids.Private);
    });
  });
});
