import { describe, expect, it } from 'vitest';
import type { CfnValue } from '../../templates/types';
import { arnsIn, isCdkSynthesized, PSEUDO, readableText, regionsIn, textsIn } from './arns';

describe('util/arns', () => {
  it('textsIn reads strings, Fn::Sub and Fn::Join as text with the pseudo parameters marked, each with its path', () => {
    const value: CfnValue = {
      A: 'arn:aws:s3:::b',
      B: { 'Fn::Sub': 'arn:${AWS::Partition}:logs:${AWS::Region}:${AWS::AccountId}:log-group:${Name}' },
      C: [{ 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':sqs:', { Ref: 'AWS::Region' }, ':', { 'Fn::GetAtt': ['Q', 'Arn'] }]] }],
    };
    expect(textsIn(value, 'Properties').map((t) => [t.path, t.text])).toEqual([
      ['Properties.A', 'arn:aws:s3:::b'],
      ['Properties.B', `arn:${PSEUDO.partition}:logs:${PSEUDO.region}:${PSEUDO.account}:log-group:${PSEUDO.other}`],
      ['Properties.C.0', `arn:${PSEUDO.partition}:sqs:${PSEUDO.region}:${PSEUDO.other}`],
    ]);
    expect(textsIn(value, 'Properties')).toBe(textsIn(value, 'Properties'));
    expect(readableText(textsIn(value, 'Properties')[1].text)).toBe(
      'arn:${AWS::Partition}:logs:${AWS::Region}:${AWS::AccountId}:log-group:${...}',
    );
  });

  it('arnsIn splits every ARN of a text into its parts', () => {
    expect(arnsIn('see arn:aws:dynamodb:us-east-1:123456789012:table/Orders and arn:aws:s3:::bucket/*')).toEqual([
      {
        arn: 'arn:aws:dynamodb:us-east-1:123456789012:table/Orders',
        partition: 'aws',
        service: 'dynamodb',
        region: 'us-east-1',
        account: '123456789012',
        resource: 'table/Orders',
      },
      { arn: 'arn:aws:s3:::bucket/*', partition: 'aws', service: 's3', region: '', account: '', resource: 'bucket/*' },
    ]);
  });

  it('regionsIn finds the names of real regions only', () => {
    expect(regionsIn('us-east-1, eu-central-2 and us-gov-west-1 but not us-east-9 or us-east-1a')).toEqual([
      'us-east-1',
      'eu-central-2',
      'us-gov-west-1',
    ]);
  });

  it('isCdkSynthesized tells CDK output from a hand-written template', () => {
    expect(isCdkSynthesized({ Parameters: { BootstrapVersion: { Type: 'String' } }, Resources: {} })).toBe(true);
    const hashed = {
      QueueA1B2C3D4: { Type: 'AWS::SQS::Queue' },
      TopicE5F6A7B8: { Type: 'AWS::SNS::Topic' },
      Role0A1B2C3D: { Type: 'AWS::IAM::Role' },
    };
    expect(isCdkSynthesized({ Resources: hashed })).toBe(true);
    expect(
      isCdkSynthesized({
        Resources: { Queue: { Type: 'AWS::SQS::Queue' }, Topic: { Type: 'AWS::SNS::Topic' }, Role: { Type: 'AWS::IAM::Role' } },
      }),
    ).toBe(false);
  });
});
