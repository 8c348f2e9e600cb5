import { describe, expect, it } from 'vitest';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as rds from 'aws-cdk-lib/aws-rds';
import { input, inputFromText, logicalId, synthOnce } from '../test-util';
import { rule } from './rds-public-access';

/** A VPC with a public subnet `Public` (route to an internet gateway) and a private subnet `Private`, then `extra` (YAML). */
const network = (extra: string) => `
Resources:
  Vpc: { Type: AWS::EC2::VPC, Properties: { CidrBlock: 10.0.0.0/16 } }
  Igw: { Type: AWS::EC2::InternetGateway }
  Public: { Type: AWS::EC2::Subnet, Properties: { VpcId: !Ref Vpc, CidrBlock: 10.0.0.0/24 } }
  Private: { Type: AWS::EC2::Subnet, Properties: { VpcId: !Ref Vpc, CidrBlock: 10.0.1.0/24 } }
  PublicRoutes: { Type: AWS::EC2::RouteTable, Properties: { VpcId: !Ref Vpc } }
  PublicAssoc: { Type: AWS::EC2::SubnetRouteTableAssociation, Properties: { SubnetId: !Ref Public, RouteTableId: !Ref PublicRoutes } }
  Default: { Type: AWS::EC2::Route, Properties: { RouteTableId: !Ref PublicRoutes, DestinationCidrBlock: 0.0.0.0/0, GatewayId: !Ref Igw } }
${extra}`;

describe('rds-public-access', () => {
  it('non-compliant 1: an instance in a subnet group with a public subnet', () => {
    const text =
      network(`  Group: { Type: AWS::RDS::DBSubnetGroup, Properties: { DBSubnetGroupDescription: d, SubnetIds: [!Ref Public, !Ref Private] } }
  Db: { Type: AWS::RDS::DBInstance, Properties: { Engine: mysql, DBSubnetGroupName: !Ref Group, PubliclyAccessible: false } }
`);
    const violations = rule.check(inputFromText(text));
    expect(violations.map((v) => v.resources)).toEqual([['Db', 'Group', 'Public']]);
    expect(violations[0].message).toBe('Database Db is placed in public subnet Public.');
    expect(violations[0].evidence?.map((e) => e.resource)).toEqual(['Group', 'Default']);
  });

  it('non-compliant 2: PubliclyAccessible true on an instance and on a Multi-AZ DB cluster', () => {
    const text = `
Resources:
  Db: { Type: AWS::RDS::DBInstance, Properties: { Engine: postgres, PubliclyAccessible: 'true' } }
  Cluster: { Type: AWS::RDS::DBCluster, Properties: { Engine: postgres, PubliclyAccessible: true } }
`;
    expect(rule.check(inputFromText(text)).map((v) => v.message)).toEqual([
      'Database Db is publicly accessible.',
      'Database Cluster is publicly accessible.',
    ]);
  });

  it('compliant: private subnets, subnet groups given as parameters, and PubliclyAccessible decided by a condition', () => {
    const text = network(`  Group: { Type: AWS::RDS::DBSubnetGroup, Properties: { DBSubnetGroupDescription: d, SubnetIds: [!Ref Private] } }
  Db: { Type: AWS::RDS::DBInstance, Properties: { Engine: mysql, DBSubnetGroupName: !Ref Group } }
  Other: { Type: AWS::RDS::DBInstance, Properties: { Engine: mysql, DBSubnetGroupName: !Ref GroupParameter, PubliclyAccessible: !If [Dev, true, false] } }
`);
    expect(rule.check(inputFromText(text))).toEqual([]);
  });

  describe('CDK-synthesized', () => {
    const synthesized = synthOnce((stack, ids) => {
      const vpc = new ec2.Vpc(stack, 'Vpc', { maxAzs: 2, natGateways: 0 });
      const engine = rds.DatabaseInstanceEngine.mysql({ version: rds.MysqlEngineVersion.VER_8_0 });
      const exposed = new rds.DatabaseInstance(stack, 'Exposed', { engine, vpc, vpcSubnets: { subnetType: ec2.SubnetType.PUBLIC } });
      new rds.DatabaseInstance(stack, 'Isolated', { engine, vpc, vpcSubnets: { subnetType: ec2.SubnetType.PRIVATE_ISOLATED } });
      ids.exposed = logicalId(exposed);
    });

    it('non-compliant: an instance in public subnets (CDK makes it publicly accessible too); compliant: isolated subnets', () => {
      const violations = rule.check(input(synthesized.template));
      expect(violations.map((v) => v.resources?.[0])).toEqual([synthesized.ids.exposed]);
      expect(violations[0].message).toMatch(/is publicly accessible and is placed in public subnets/);
    });
  });
});
