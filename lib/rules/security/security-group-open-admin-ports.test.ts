import { describe, expect, it } from 'vitest';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { inputFromText, synthOnce } from '../test-util';
import { rule } from './security-group-open-admin-ports';

/** A template with security group `Sg` whose inline ingress lines are `ingress`, then `rest`. */
const group = (ingress: string[], rest = '') => `
Parameters:
  AdminCidr: { Type: String, Default: 0.0.0.0/0 }
  OfficeCidr: { Type: String, Default: 203.0.113.0/24 }
  NoDefaultCidr: { Type: String }
Resources:
  Sg:
    Type: AWS::EC2::SecurityGroup
    Properties:
      GroupDescription: web
      SecurityGroupIngress:
${ingress.map((line) => `        - ${line}`).join('\n')}
${rest}`;

describe('security-group-open-admin-ports', () => {
  it('non-compliant 1: SSH and RDP from 0.0.0.0/0, MySQL from ::/0, in one finding for the group', () => {
    const violations = rule.check(
      inputFromText(
        group([
          '{ IpProtocol: tcp, FromPort: 22, ToPort: 22, CidrIp: 0.0.0.0/0 }',
          '{ IpProtocol: tcp, FromPort: 3389, ToPort: 3389, CidrIp: 0.0.0.0/0 }',
          "{ IpProtocol: tcp, FromPort: 3306, ToPort: 3306, CidrIpv6: '::/0' }",
          '{ IpProtocol: tcp, FromPort: 443, ToPort: 443, CidrIp: 0.0.0.0/0 }',
        ]),
      ),
    );
    expect(violations).toHaveLength(1);
    expect(violations[0].resources).toEqual(['Sg']);
    expect(violations[0].evidence?.map((e) => [e.path, e.note])).toEqual([
      ['Properties.SecurityGroupIngress.0', 'port 22 (SSH) from 0.0.0.0/0'],
      ['Properties.SecurityGroupIngress.1', 'port 3389 (RDP) from 0.0.0.0/0'],
      ['Properties.SecurityGroupIngress.2', 'port 3306 (MySQL) from ::/0'],
    ]);
  });

  it('non-compliant 2: a port range covering PostgreSQL, protocol -1, and a parameter whose default is 0.0.0.0/0', () => {
    const violations = rule.check(
      inputFromText(
        group([
          '{ IpProtocol: tcp, FromPort: 5000, ToPort: 6000, CidrIp: 0.0.0.0/0 }',
          "{ IpProtocol: '-1', CidrIp: 0.0.0.0/0 }",
          '{ IpProtocol: tcp, FromPort: 22, ToPort: 22, CidrIp: !Ref AdminCidr }',
        ]),
      ),
    );
    expect(violations[0].evidence?.map((e) => e.note)).toEqual([
      'ports 5000-6000, covering 5432 (PostgreSQL), 5439 (Redshift), 5985 (WinRM) and 1 more from 0.0.0.0/0',
      'all traffic (every port, SSH and RDP included) from 0.0.0.0/0',
      'port 22 (SSH) from 0.0.0.0/0 (default of parameter AdminCidr)',
    ]);
  });

  it('non-compliant 3: a standalone AWS::EC2::SecurityGroupIngress reports under its group', () => {
    const rest = `  Open: { Type: AWS::EC2::SecurityGroupIngress, Properties: { GroupId: !GetAtt Sg.GroupId, IpProtocol: tcp, FromPort: 6379, ToPort: 6379, CidrIp: 0.0.0.0/0 } }`;
    const violations = rule.check(inputFromText(group(['{ IpProtocol: tcp, FromPort: 443, ToPort: 443, CidrIp: 0.0.0.0/0 }'], rest)));
    expect(violations.map((v) => v.resources)).toEqual([['Sg', 'Open']]);
    expect(violations[0].message).toContain('port 6379 (Redis) from 0.0.0.0/0');
  });

  it('compliant: web ports from anywhere, admin ports from known CIDRs, groups or parameters without a world default, UDP', () => {
    const text = group([
      '{ IpProtocol: tcp, FromPort: 80, ToPort: 80, CidrIp: 0.0.0.0/0 }',
      '{ IpProtocol: tcp, FromPort: 22, ToPort: 22, CidrIp: 10.0.0.0/8 }',
      '{ IpProtocol: tcp, FromPort: 22, ToPort: 22, CidrIp: !Ref OfficeCidr }',
      '{ IpProtocol: tcp, FromPort: 3306, ToPort: 3306, CidrIp: !Ref NoDefaultCidr }',
      '{ IpProtocol: tcp, FromPort: 5432, ToPort: 5432, SourceSecurityGroupId: sg-0123 }',
      '{ IpProtocol: udp, FromPort: 53, ToPort: 53, CidrIp: 0.0.0.0/0 }',
      "!If [Open, { IpProtocol: tcp, FromPort: 22, ToPort: 22, CidrIp: 0.0.0.0/0 }, !Ref 'AWS::NoValue']",
    ]);
    expect(rule.check(inputFromText(text))).toEqual([]);
  });

  describe('CDK', () => {
    const synthesized = synthOnce((stack, ids) => {
      const vpc = new ec2.Vpc(stack, 'Vpc', { maxAzs: 1, natGateways: 0 });
      const bastion = new ec2.SecurityGroup(stack, 'Bastion', { vpc });
      bastion.addIngressRule(ec2.Peer.anyIpv4(), ec2.Port.tcp(22));
      const web = new ec2.SecurityGroup(stack, 'Web', { vpc });
      web.addIngressRule(ec2.Peer.anyIpv4(), ec2.Port.tcp(443));
      web.addIngressRule(bastion, ec2.Port.tcp(22));
      ids.bastion = stack.getLogicalId(bastion.node.defaultChild as ec2.CfnSecurityGroup);
    });

    it('non-compliant: Peer.anyIpv4() on Port.tcp(22); compliant: 443 from anywhere and SSH from the bastion group', () => {
      const violations = rule.check({ template: synthesized.template, sources: [] });
      expect(violations.map((v) => v.resources)).toEqual([[synthesized.ids.bastion]]);
    });
  });
});
