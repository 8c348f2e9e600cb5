import { describe, expect, it } from 'vitest';
import { AppError } from '../../errors';
import { baseNagRuleId, nagCategory, nagRuleTopic, nagSeverity, NAG_DEFAULT_CATEGORY } from './mapping';
import { packOfRule, parseRulePacks, RULE_PACK_IDS } from './packs';

describe('cdk-nag category and severity mapping', () => {
  it('resolves AwsSolutions codes and pack prefixes to the rule they apply', () => {
    expect(nagRuleTopic('AwsSolutions-S10')).toBe('S3BucketSSLRequestsOnly');
    expect(nagRuleTopic('AwsSolutions-IAM5[Action::s3:*]')).toBe('IAMNoWildcardPermissions');
    expect(nagRuleTopic('HIPAA.Security-LambdaDLQ')).toBe('LambdaDLQ');
    expect(nagRuleTopic('PCI.DSS.321-S3BucketSSLRequestsOnly')).toBe('S3BucketSSLRequestsOnly');
    expect(baseNagRuleId('AwsSolutions-IAM4[Policy::arn:x]')).toBe('AwsSolutions-IAM4');
  });

  it.each([
    ['AwsSolutions-S1', 'observability'],
    ['AwsSolutions-VPC7', 'observability'],
    ['Serverless-APIGWXrayEnabled', 'observability'],
    ['NIST.800.53.R5-LambdaConcurrency', 'performance'],
    ['Serverless-APIGWDefaultThrottling', 'performance'],
    ['Serverless-LambdaDLQ', 'deployment'],
    ['AwsSolutions-DDB3', 'deployment'],
    ['AwsSolutions-L1', 'deployment'],
    ['AwsSolutions-S10', 'security'],
    ['HIPAA.Security-APIGWCacheEnabledAndEncrypted', 'security'],
    ['AwsSolutions-IAM5[Resource::*]', 'security'],
  ])('%s is %s', (rule, category) => {
    expect(nagCategory(rule)).toBe(category);
  });

  it('falls back to the documented default for a rule no row matches', () => {
    expect(NAG_DEFAULT_CATEGORY).toBe('security');
    expect(nagCategory('AwsSolutions-ZZ99')).toBe('security');
  });

  it('maps cdk-nag levels to severities, anything unknown to info', () => {
    expect(nagSeverity('error')).toBe('error');
    expect(nagSeverity('Warning')).toBe('warning');
    expect(nagSeverity('Info')).toBe('info');
    expect(nagSeverity(undefined)).toBe('info');
  });
});

describe('parseRulePacks', () => {
  it('parses a comma-separated selection into distinct ids in run order', () => {
    expect(parseRulePacks('serverless, aws-solutions,serverless')).toEqual(['aws-solutions', 'serverless']);
    expect(parseRulePacks(['pci-dss-3.2.1', 'hipaa'])).toEqual(['hipaa', 'pci-dss-3.2.1']);
    expect(parseRulePacks('all')).toEqual(RULE_PACK_IDS);
    expect(parseRulePacks('')).toEqual([]);
    expect(parseRulePacks(undefined)).toEqual([]);
  });

  it('rejects an unknown pack as bad input naming the valid ones', () => {
    const error = (() => {
      try {
        parseRulePacks('aws-solutions,sox');
      } catch (e) {
        return e as AppError;
      }
    })();
    expect(error).toBeInstanceOf(AppError);
    expect(error?.status).toBe(400);
    expect(error?.message).toContain('"sox"');
    expect(error?.message).toContain('nist-800-53-r5');
  });

  it('finds the pack of a rule id by its prefix', () => {
    expect(packOfRule('NIST.800.53.R5-LambdaDLQ')).toBe('nist-800-53-r5');
    expect(packOfRule('lambda-dead-letter-queue')).toBeUndefined();
  });
});
