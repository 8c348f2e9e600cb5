import { describe, expect, it } from 'vitest';
import * as cloudtrail from 'aws-cdk-lib/aws-cloudtrail';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as elbv2 from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { input, inputFromText, synthOnce } from '../test-util';
import { rule } from './log-delivery-bucket-policy';

const bucketPolicy = (bucket: string, principal: string) => `
  ${bucket}Policy:
    Type: AWS::S3::BucketPolicy
    Properties:
      Bucket: !Ref ${bucket}
      PolicyDocument:
        Statement:
          - { Effect: Allow, Principal: ${principal}, Action: s3:PutObject, Resource: !Sub '\${${bucket}.Arn}/*' }`;

const alb = (bucket: string) => `
  Alb:
    Type: AWS::ElasticLoadBalancingV2::LoadBalancer
    Properties:
      LoadBalancerAttributes:
        - { Key: access_logs.s3.enabled, Value: 'true' }
        - { Key: access_logs.s3.bucket, Value: !Ref ${bucket} }`;

describe('log-delivery-bucket-policy', () => {
  it('non-compliant 1: a trail writing to a bucket without any bucket policy', () => {
    const text = `
Resources:
  Logs: { Type: AWS::S3::Bucket }
  Trail: { Type: AWS::CloudTrail::Trail, Properties: { IsLogging: true, S3BucketName: !Ref Logs } }`;
    const violations = rule.check(inputFromText(text));
    expect(violations.map((v) => [v.resources, v.message])).toEqual([
      [
        ['Logs', 'Trail'],
        'Bucket Logs receives CloudTrail logs from Trail, but no bucket policy lets the service put objects: it must allow cloudtrail.amazonaws.com.',
      ],
    ]);
  });

  it('non-compliant 2: load balancer logs granted to the account root, server access logs granted to everyone', () => {
    const text = `
Resources:
  AlbLogs: { Type: AWS::S3::Bucket }
  AccessLogs: { Type: AWS::S3::Bucket }
${alb('AlbLogs')}
  Data: { Type: AWS::S3::Bucket, Properties: { LoggingConfiguration: { DestinationBucketName: !Ref AccessLogs } } }
${bucketPolicy('AlbLogs', "{ AWS: !Sub 'arn:${AWS::Partition}:iam::${AWS::AccountId}:root' }")}
${bucketPolicy('AccessLogs', "'*'")}`;
    const violations = rule.check(inputFromText(text));
    expect(violations.map((v) => v.resources)).toEqual([
      ['AlbLogs', 'Alb', 'AlbLogsPolicy'],
      ['AccessLogs', 'Data', 'AccessLogsPolicy'],
    ]);
    expect(violations[0].message).toContain(
      'its policy grants s3:PutObject only to arn:aws:iam::<this account>:root, which cannot deliver them',
    );
    expect(violations[1].evidence).toEqual([
      {
        resource: 'AccessLogsPolicy',
        path: 'Properties.PolicyDocument.Statement.0.Principal',
        value: '*',
        note: 's3:PutObject granted to *, not to logging.s3.amazonaws.com',
      },
    ]);
  });

  it('compliant: the service principals, the ELB account, a principal from a mapping, a LogDeliveryWrite ACL, no policy for access logs', () => {
    const text = `
Resources:
  TrailLogs: { Type: AWS::S3::Bucket }
  Trail: { Type: AWS::CloudTrail::Trail, Properties: { S3BucketName: !Ref TrailLogs } }
${bucketPolicy('TrailLogs', '{ Service: cloudtrail.amazonaws.com }')}
  AlbLogs: { Type: AWS::S3::Bucket }
${alb('AlbLogs')}
${bucketPolicy('AlbLogs', "{ AWS: [!Join ['', ['arn:aws:iam::', !FindInMap [ElbAccounts, !Ref 'AWS::Region', Id], ':root']]] }")}
  NlbLogs: { Type: AWS::S3::Bucket }
  Nlb: { Type: AWS::ElasticLoadBalancing::LoadBalancer, Properties: { AccessLoggingPolicy: { S3BucketName: !Ref NlbLogs } } }
${bucketPolicy('NlbLogs', "{ AWS: 'arn:aws:iam::127311923021:root' }")}
  AclLogs: { Type: AWS::S3::Bucket, Properties: { AccessControl: LogDeliveryWrite } }
  Quiet: { Type: AWS::S3::Bucket }
  Data: { Type: AWS::S3::Bucket, Properties: { LoggingConfiguration: { DestinationBucketName: !Ref AclLogs } } }
  Data2: { Type: AWS::S3::Bucket, Properties: { LoggingConfiguration: { DestinationBucketName: !Ref Quiet } } }`;
    expect(rule.check(inputFromText(text))).toEqual([]);
  });

  describe('on a CDK-synthesized template', () => {
    const synthesized = synthOnce((stack) => {
      new cloudtrail.Trail(stack, 'Trail');
      const vpc = new ec2.Vpc(stack, 'Vpc', { natGateways: 0, subnetConfiguration: [{ name: 'p', subnetType: ec2.SubnetType.PUBLIC }] });
      const lb = new elbv2.ApplicationLoadBalancer(stack, 'Alb', { vpc, internetFacing: true });
      lb.logAccessLogs(new s3.Bucket(stack, 'AlbLogs'));
    });

    it('finds nothing: the CDK writes the policies the services need', () => {
      expect(rule.check(input(synthesized.template))).toEqual([]);
    });
  });
});
