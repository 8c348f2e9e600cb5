import { describe, expect, it } from 'vitest';
import { missingJudgement, propertyJudgement } from './knowledge';

describe('missingJudgement', () => {
  it('judges a missing resource by its type', () => {
    expect(missingJudgement('AWS::CloudWatch::Alarm')).toMatchObject({ category: 'observability', severity: 'warning' });
    expect(missingJudgement('AWS::KMS::Key')).toMatchObject({ category: 'security' });
    expect(missingJudgement('AWS::WAFv2::WebACL')).toMatchObject({ category: 'security' });
    expect(missingJudgement('AWS::Backup::BackupPlan')).toMatchObject({ category: 'deployment' });
    expect(missingJudgement('AWS::ElastiCache::ReplicationGroup')).toMatchObject({ category: 'performance' });
  });

  it('lets a role outrank the type: a queue used as a DLQ is a dead-letter queue', () => {
    expect(missingJudgement('AWS::SQS::Queue', 'dead-letter queue')).toMatchObject({ category: 'deployment', what: 'dead-letter queue' });
    expect(missingJudgement('AWS::Lambda::Alias', 'provisioned concurrency')).toMatchObject({
      category: 'performance',
      severity: 'warning',
    });
  });

  it('falls back to a deployment warning for types it does not know, and survives a resource without a type', () => {
    expect(missingJudgement('AWS::Foo::Bar')).toMatchObject({ category: 'deployment', severity: 'warning' });
    expect(missingJudgement(undefined as unknown as string)).toMatchObject({ category: 'deployment' });
  });
});

describe('propertyJudgement', () => {
  it('knows the properties that matter, across types and per type', () => {
    expect(propertyJudgement('AWS::S3::Bucket', 'PublicAccessBlockConfiguration')).toMatchObject({
      category: 'security',
      severity: 'error',
    });
    expect(propertyJudgement('AWS::RDS::DBInstance', 'EngineVersion')).toMatchObject({ category: 'deployment' });
    expect(propertyJudgement('AWS::Logs::LogGroup', 'RetentionInDays')).toMatchObject({ category: 'observability' });
    expect(propertyJudgement('AWS::Lambda::Function', 'MemorySize')).toMatchObject({ category: 'performance' });
    expect(propertyJudgement('AWS::Lambda::Function', 'Environment')).toMatchObject({ what: 'environment variables' });
  });

  it('says nothing for properties that do not matter or apply to other types', () => {
    expect(propertyJudgement('AWS::S3::Bucket', 'Tags')).toBeUndefined();
    expect(propertyJudgement('AWS::ECS::TaskDefinition', 'Environment')).toBeUndefined();
    expect(propertyJudgement('AWS::Lambda::Function', 'Code')).toBeUndefined();
  });
});
