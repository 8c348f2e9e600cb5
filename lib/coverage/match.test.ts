import { describe, expect, it } from 'vitest';
import type { ReviewFinding } from '../pipeline/types';
import { aggregateCoverage, coverageNumbers, matchCoverage, matchStrength, termsOfFinding } from './match';
import { parseHumanFailures } from './parse';
import { normalizeId, sameResource } from './terms';

/** A model-side finding with the given parts. */
function finding(part: Partial<ReviewFinding> & Pick<ReviewFinding, 'rule' | 'category'>): ReviewFinding {
  return { severity: 'error', title: part.rule, message: '', resources: [], source: 'infra-review', side: 'model', ...part };
}

const human = parseHumanFailures(
  [
    '## Security',
    '### Bucket `DataArchive` is public',
    'Its `PublicAccessBlockConfiguration` is missing.',
    '### Wildcard actions',
    'The role allows `s3:*`.',
    '## Deployment',
    '### Missing DLQ',
    'The Lambda function has no dead letter queue.',
    '## Performance',
    '### No caching',
    'The API Gateway has no cache.',
  ].join('\n'),
);

describe('normalization', () => {
  it('treats a CDK construct id and its logical id as one resource, and a construct as containing its children', () => {
    expect(normalizeId('DataArchive774FA568')).toBe('dataarchive');
    expect(sameResource('DataArchive', 'DataArchive774FA568')).toBe(true);
    expect(sameResource('dataarchive', 'DataArchive774FA568')).toBe(true);
    expect(sameResource('MyVpc/PublicSubnet1', 'MyVpcPublicSubnet1SubnetB4246D30')).toBe(true);
    expect(sameResource('DataArchive', 'LogsArchive1A2B3C4D')).toBe(false);
    expect(sameResource('Db', 'Db12345678')).toBe(false);
  });

  it('reads property paths, values and resource types from a finding', () => {
    const terms = termsOfFinding(
      finding({
        rule: 'x',
        category: 'syntax',
        resources: ['Subnet1ABCDEF12'],
        evidence: [{ resource: 'Subnet1ABCDEF12', path: 'Properties.AvailabilityZone', value: 'us-east-1a', note: 'literal' }],
      }),
      (id) => (id === 'Subnet1ABCDEF12' ? 'AWS::EC2::Subnet' : undefined),
    );
    expect(terms.properties).toEqual(expect.arrayContaining(['AvailabilityZone', 'us-east-1a']));
    expect(terms.types).toContain('AWS::EC2::Subnet');
  });
});

describe('matchCoverage', () => {
  it('finds a failure by a shared resource or property of the same category only', () => {
    const bucket = finding({ rule: 'bucket-public', category: 'security', resources: ['DataArchive774FA568'] });
    const wildcard = finding({ rule: 'iam', category: 'security', resources: ['Role1'], message: 'Role1 allows s3:* on every bucket.' });
    const dlqWrongCategory = finding({
      rule: 'dlq',
      category: 'observability',
      resources: ['Fn'],
      evidence: [{ resource: 'Fn', path: 'Properties.DeadLetterConfig', note: 'no DLQ' }],
    });
    const result = matchCoverage(human, [bucket, wildcard, dlqWrongCategory]);
    expect(result.found.map((f) => [f.failure.id, f.findings.map((x) => x.rule)])).toEqual([
      ['security-1', ['bucket-public']],
      ['security-2', ['iam']],
    ]);
    expect(result.missed.map((f) => f.id)).toEqual(['deployment-1', 'performance-1']);
    expect(result.unlisted).toEqual([dlqWrongCategory]);
    expect(result.coverage).toBe(0.5);
  });

  it('falls back to a shared resource type only when no finding shares a name, and then lists every such finding', () => {
    const api = finding({ rule: 'api-caching', category: 'performance', resources: ['Api1'] });
    const apiOther = finding({ rule: 'api-logging', category: 'performance', resources: ['Api1'] });
    const typeOf = (id: string) => (id === 'Api1' ? 'AWS::ApiGateway::RestApi' : undefined);
    const result = matchCoverage(human, [api, apiOther], typeOf);
    expect(result.found.find((f) => f.failure.id === 'performance-1')?.findings).toEqual([api, apiOther]);
    const named = finding({
      rule: 'cache',
      category: 'performance',
      resources: ['Api1'],
      evidence: [{ path: 'Properties.CacheClusterEnabled', note: 'no stage caching' }],
    });
    const withName = matchCoverage(human, [api, named], typeOf);
    expect(withName.found.find((f) => f.failure.id === 'performance-1')?.findings).toEqual([named]);
    expect(withName.unlisted).toEqual([api]);
  });

  it('ignores reference-side findings and a finding that only shares a category', () => {
    const reference = {
      ...finding({ rule: 'bucket-public', category: 'security', resources: ['DataArchive774FA568'] }),
      side: 'reference' as const,
    };
    const unrelated = finding({ rule: 'kms', category: 'security', resources: ['Key1'] });
    expect(matchStrength(human[0], termsOfFinding(unrelated))).toBe(0);
    const result = matchCoverage(human, [reference, unrelated]);
    expect(result.found).toEqual([]);
    expect(result.unlisted).toEqual([unrelated]);
  });

  it('aggregates over reviews by failures, not by averaging ratios', () => {
    const a = matchCoverage(human, [finding({ rule: 'bucket-public', category: 'security', resources: ['DataArchive774FA568'] })]);
    const b = matchCoverage(human.slice(0, 1), []);
    expect(coverageNumbers(a)).toEqual({ failures: 4, found: 1, missed: 3, unlisted: 0, coverage: 0.25 });
    expect(aggregateCoverage([a, b])).toEqual({ reviews: 2, failures: 5, found: 1, missed: 4, unlisted: 0, coverage: 0.2 });
    expect(aggregateCoverage([]).coverage).toBe(1);
  });
});
