import { describe, expect, it } from 'vitest';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import { functionYaml, inlineFunction, inputFromText, logicalId, synthOnce } from '../test-util';
import { rule } from './rejected-property-values';

describe('rejected-property-values', () => {
  it('non-compliant 1: Lambda memory and ephemeral storage above 10240 MB, in one finding for the function', () => {
    const text = `Resources:\n${functionYaml('Big', '      MemorySize: 16384\n      EphemeralStorage: { Size: 20480 }\n')}`;
    const violations = rule.check(inputFromText(text));
    expect(violations.map((v) => v.evidence?.map((e) => e.path))).toEqual([['Properties.MemorySize', 'Properties.EphemeralStorage.Size']]);
  });

  it('non-compliant 2: combinations the services reject', () => {
    const text = `
Resources:
  Asg: { Type: AWS::AutoScaling::AutoScalingGroup, Properties: { MinSize: '1', MaxSize: '2', DesiredCapacity: '4' } }
  Tg: { Type: AWS::ElasticLoadBalancingV2::TargetGroup, Properties: { Port: 80, Protocol: HTTP, HealthCheckIntervalSeconds: 10, HealthCheckTimeoutSeconds: 10 } }
  Queue: { Type: AWS::SQS::Queue }
  Esm: { Type: AWS::Lambda::EventSourceMapping, Properties: { FunctionName: f, EventSourceArn: !GetAtt Queue.Arn, BatchSize: 50 } }
  Cache: { Type: AWS::ElastiCache::ReplicationGroup, Properties: { ReplicationGroupDescription: c, Engine: redis, CacheNodeType: cache.t3.micro, NumCacheClusters: 1, AutomaticFailoverEnabled: true } }
  Db: { Type: AWS::RDS::DBInstance, Properties: { Engine: postgres, DBInstanceClass: db.t3.micro, AllocatedStorage: '10' } }
  Stage: { Type: AWS::ApiGateway::Stage, Properties: { RestApiId: api, MethodSettings: [{ HttpMethod: '*', ResourcePath: '/*', CachingEnabled: true, CacheTtlInSeconds: 7200 }, { HttpMethod: '*', ResourcePath: '/*/*', MetricsEnabled: true }] } }`;
    const violations = rule.check(inputFromText(text));
    expect(violations.map((v) => [v.resources?.[0], v.evidence?.[0].path])).toEqual([
      ['Asg', 'Properties.DesiredCapacity'],
      ['Tg', 'Properties.HealthCheckTimeoutSeconds'],
      ['Esm', 'Properties.BatchSize'],
      ['Cache', 'Properties.NumCacheClusters'],
      ['Db', 'Properties.AllocatedStorage'],
      ['Stage', 'Properties.MethodSettings.0.CacheTtlInSeconds'],
    ]);
    expect(violations.at(-1)?.evidence?.map((e) => e.path)).toEqual([
      'Properties.MethodSettings.0.CacheTtlInSeconds',
      'Properties.MethodSettings.1.ResourcePath',
    ]);
  });

  it('compliant: values within limits, a batching window, Kinesis sources, io1 storage, parameters', () => {
    const text = `
Resources:
${functionYaml('Fn', '      MemorySize: 10240\n      EphemeralStorage: { Size: !Ref Storage }\n')}
  Asg: { Type: AWS::AutoScaling::AutoScalingGroup, Properties: { MinSize: '1', MaxSize: '4', DesiredCapacity: !Ref Desired } }
  Tg: { Type: AWS::ElasticLoadBalancingV2::TargetGroup, Properties: { Port: 80, Protocol: HTTP, HealthCheckIntervalSeconds: 30, HealthCheckTimeoutSeconds: 5 } }
  Queue: { Type: AWS::SQS::Queue }
  Esm: { Type: AWS::Lambda::EventSourceMapping, Properties: { FunctionName: f, EventSourceArn: !GetAtt Queue.Arn, BatchSize: 50, MaximumBatchingWindowInSeconds: 5 } }
  Stream: { Type: AWS::Kinesis::Stream, Properties: { ShardCount: 1 } }
  FromStream: { Type: AWS::Lambda::EventSourceMapping, Properties: { FunctionName: f, EventSourceArn: !GetAtt Stream.Arn, BatchSize: 500, StartingPosition: LATEST } }
  Cache: { Type: AWS::ElastiCache::ReplicationGroup, Properties: { ReplicationGroupDescription: c, Engine: redis, NumCacheClusters: 2, AutomaticFailoverEnabled: true } }
  Db: { Type: AWS::RDS::DBInstance, Properties: { Engine: sqlserver-ex, DBInstanceClass: db.t3.micro, AllocatedStorage: '10' } }
  Stage: { Type: AWS::ApiGateway::Stage, Properties: { RestApiId: api, MethodSettings: [{ HttpMethod: '*', ResourcePath: '/*' }, { HttpMethod: GET, ResourcePath: '/~1items~1{id}' }] } }`;
    expect(rule.check(inputFromText(text))).toEqual([]);
  });

  describe('CDK', () => {
    const synthesized = synthOnce((stack, ids) => {
      const queue = new sqs.Queue(stack, 'Queue');
      const consumer = inlineFunction(stack, 'Consumer', { memorySize: 12288 });
      consumer.addEventSource(new SqsEventSource(queue, { batchSize: 10 }));
      inlineFunction(stack, 'Fine', { memorySize: 1024 });
      ids.consumer = logicalId(consumer);
    });

    it('non-compliant: a lambda.Function with memorySize 12288 (CDK does not check the upper limit); compliant: 1024 and batch 10', () => {
      expect(rule.check({ template: synthesized.template, sources: [] }).map((v) => v.resources)).toEqual([[synthesized.ids.consumer]]);
    });
  });
});
