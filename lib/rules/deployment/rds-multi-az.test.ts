import { describe, expect, it } from 'vitest';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as rds from 'aws-cdk-lib/aws-rds';
import { input, inputFromText, logicalId, synthOnce } from '../test-util';
import { rule } from './rds-multi-az';

/** Two subnets in two zones, a load balancer over `lbSubnets`, and the `db` lines (YAML). */
const stack = (db: string, lbSubnets = '[!Ref A, !Ref B]') => `
Resources:
  A: { Type: AWS::EC2::Subnet, Properties: { VpcId: vpc-1, CidrBlock: 10.0.0.0/24, AvailabilityZone: !Select [0, !GetAZs ''] } }
  B: { Type: AWS::EC2::Subnet, Properties: { VpcId: vpc-1, CidrBlock: 10.0.1.0/24, AvailabilityZone: !Select [1, !GetAZs ''] } }
  Lb: { Type: AWS::ElasticLoadBalancingV2::LoadBalancer, Properties: { Subnets: ${lbSubnets} } }
${db}`;

describe('rds-multi-az', () => {
  it('non-compliant 1: a single-AZ instance behind a load balancer in two zones', () => {
    const violations = rule.check(inputFromText(stack('  Db: { Type: AWS::RDS::DBInstance, Properties: { Engine: mysql } }\n')));
    expect(violations.map((v) => v.resources)).toEqual([['Db']]);
    expect(violations[0].message).toContain('while Lb span 2 zones');
  });

  it('non-compliant 2: MultiAZ false beside two NAT gateways in two zones', () => {
    const text = `
Resources:
  A: { Type: AWS::EC2::Subnet, Properties: { VpcId: vpc-1, CidrBlock: 10.0.0.0/24, AvailabilityZone: us-east-1a } }
  B: { Type: AWS::EC2::Subnet, Properties: { VpcId: vpc-1, CidrBlock: 10.0.1.0/24, AvailabilityZone: us-east-1b } }
  NatA: { Type: AWS::EC2::NatGateway, Properties: { SubnetId: !Ref A } }
  NatB: { Type: AWS::EC2::NatGateway, Properties: { SubnetId: !Ref B } }
  Db: { Type: AWS::RDS::DBInstance, Properties: { Engine: postgres, MultiAZ: 'false' } }
`;
    expect(rule.check(inputFromText(text))[0].evidence).toEqual([
      { resource: 'Db', path: 'Properties.MultiAZ', value: 'false', note: 'off' },
    ]);
  });

  it('compliant: Multi-AZ, a condition, Aurora members, replicas, SQL Server Express, or a stack in one zone', () => {
    const dbs = `  Multi: { Type: AWS::RDS::DBInstance, Properties: { Engine: mysql, MultiAZ: true } }
  Decided: { Type: AWS::RDS::DBInstance, Properties: { Engine: mysql, MultiAZ: !If [Prod, true, false] } }
  Member: { Type: AWS::RDS::DBInstance, Properties: { Engine: aurora-mysql, DBClusterIdentifier: c } }
  Replica: { Type: AWS::RDS::DBInstance, Properties: { SourceDBInstanceIdentifier: db-1 } }
  Express: { Type: AWS::RDS::DBInstance, Properties: { Engine: sqlserver-ex } }
`;
    expect(rule.check(inputFromText(stack(dbs)))).toEqual([]);
    expect(rule.check(inputFromText(stack('  Db: { Type: AWS::RDS::DBInstance, Properties: { Engine: mysql } }\n', '[!Ref A]')))).toEqual(
      [],
    );
  });

  describe('CDK-synthesized', () => {
    const synthesized = synthOnce((s, ids) => {
      const vpc = new ec2.Vpc(s, 'Vpc', { maxAzs: 2, natGateways: 2 });
      const engine = rds.DatabaseInstanceEngine.postgres({ version: rds.PostgresEngineVersion.VER_16 });
      ids.single = logicalId(new rds.DatabaseInstance(s, 'Single', { engine, vpc }));
      new rds.DatabaseInstance(s, 'Multi', { engine, vpc, multiAz: true });
    });

    it('non-compliant: the default single-AZ instance in a VPC with a NAT gateway per zone; compliant: multiAz', () => {
      expect(rule.check(input(synthesized.template)).map((v) => v.resources)).toEqual([[synthesized.ids.single]]);
    });
  });
});
