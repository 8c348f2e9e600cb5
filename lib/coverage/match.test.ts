import { describe, expect, it } from 'vitest';
import type { ReviewFinding } from '../pipeline/types';
import { aggregateCoverage, coverageNumbers, matchCoverage, matchesFailure, termsOfFinding } from './match';
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
  it('finds a failure by the same resource and the same problem, across categories', () => {
    const bucket = finding({
      rule: 'bucket-public',
      category: 'security',
      resources: ['DataArchive774FA568'],
      evidence: [{ resource: 'DataArchive774FA568', path: 'Properties.PublicAccessBlockConfiguration', note: 'not set' }],
    });
    const bucketVersioning = finding({
      rule: 'versioning',
      category: 'security',
      resources: ['DataArchive774FA568'],
      message: 'Versioning is off.',
    });
    const wildcard = finding({ rule: 'iam', category: 'security', resources: ['Role1'], message: 'Role1 allows s3:* on every bucket.' });
    const dlqOtherCategory = finding({
      rule: 'dlq',
      category: 'observability',
      resources: ['Fn'],
      evidence: [{ resource: 'Fn', path: 'Properties.DeadLetterConfig', note: 'not set' }],
    });
    const typeOf = (id: string) => ({ Role1: 'AWS::IAM::Role', Fn: 'AWS::Lambda::Function' })[id];
    const result = matchCoverage(human, [bucket, bucketVersioning, wildcard, dlqOtherCategory], typeOf);
    expect(result.found.map((f) => [f.failure.id, f.findings.map((x) => x.rule)])).toEqual([
      ['security-1', ['bucket-public']],
      ['security-2', ['iam']],
      ['deployment-1', ['dlq']],
    ]);
    expect(result.missed.map((f) => f.id)).toEqual(['performance-1']);
    expect(result.unlisted).toEqual([bucketVersioning]);
    expect(result.coverage).toBe(0.75);
  });

  it('never matches by a shared resource type alone: the problem must be the same', () => {
    const apiLogging = finding({ rule: 'api-logging', category: 'performance', resources: ['Api1'], message: 'Api1 has no access logs.' });
    const typeOf = (id: string) => (id === 'Api1' ? 'AWS::ApiGateway::RestApi' : undefined);
    expect(matchCoverage(human, [apiLogging], typeOf).found).toEqual([]);
    const cache = finding({
      rule: 'stage-settings',
      category: 'deployment',
      resources: ['Api1'],
      evidence: [{ path: 'Properties.CacheClusterEnabled', note: 'off' }],
    });
    const result = matchCoverage(human, [apiLogging, cache], typeOf);
    expect(result.found.find((f) => f.failure.id === 'performance-1')?.findings).toEqual([cache]);
    expect(result.unlisted).toEqual([apiLogging]);
  });

  it('finds a failure that names a reference resource by the model resource paired with it', () => {
    const renamed = finding({
      rule: 'public',
      category: 'security',
      resources: ['ArchiveBucket'],
      evidence: [{ resource: 'ArchiveBucket', path: 'Properties.PublicAccessBlockConfiguration', note: 'not set' }],
    });
    expect(matchCoverage(human.slice(0, 1), [renamed]).found).toEqual([]);
    const referenceOf = (id: string) => (id === 'ArchiveBucket' ? 'DataArchive' : undefined);
    expect(matchCoverage(human.slice(0, 1), [renamed], undefined, referenceOf).found).toHaveLength(1);
  });

  it('leaves shared findings out: they are not the model own failures', () => {
    const bucket = finding({
      rule: 'bucket-public',
      category: 'security',
      resources: ['DataArchive774FA568'],
      evidence: [{ path: 'Properties.PublicAccessBlockConfiguration', note: 'not set' }],
      shared: true,
    });
    const result = matchCoverage(human, [bucket]);
    expect(result.found).toEqual([]);
    expect(result.unlisted).toEqual([]);
  });

  it('ignores reference-side findings and a finding that only shares a category', () => {
    const reference = {
      ...finding({ rule: 'bucket-public', category: 'security', resources: ['DataArchive774FA568'] }),
      side: 'reference' as const,
    };
    const unrelated = finding({ rule: 'kms', category: 'security', resources: ['Key1'] });
    expect(matchesFailure(human[0], termsOfFinding(unrelated))).toBe(false);
    const result = matchCoverage(human, [reference, unrelated]);
    expect(result.found).toEqual([]);
    expect(result.unlisted).toEqual([unrelated]);
  });

  it('takes the problem of a rule the vocabulary knows from its id, not from where its evidence points', () => {
    const partition = finding({
      rule: 'hardcoded-partition',
      category: 'syntax',
      resources: ['AppRole'],
      evidence: [{ resource: 'AppRole', path: 'Properties.ManagedPolicyArns', value: 'arn:aws:iam::aws:policy/ReadOnlyAccess', note: 'x' }],
    });
    expect(termsOfFinding(partition).problems).toEqual(['hard-coded-value']);
    const role = () => 'AWS::IAM::Role';
    expect(matchesFailure(human[1], termsOfFinding(partition, role))).toBe(false);
    const wildcard = finding({ rule: 'iam-least-privilege', category: 'security', resources: ['AppRole'] });
    expect(matchesFailure(human[1], termsOfFinding(wildcard, role))).toBe(true);
  });

  it('aggregates over reviews by failures, not by averaging ratios', () => {
    const bucket = finding({
      rule: 'bucket-public',
      category: 'security',
      resources: ['DataArchive774FA568'],
      evidence: [{ path: 'Properties.PublicAccessBlockConfiguration', note: 'not set' }],
    });
    const a = matchCoverage(human, [bucket]);
    const b = matchCoverage(human.slice(0, 1), []);
    expect(coverageNumbers(a)).toEqual({ failures: 4, found: 1, missed: 3, unlisted: 0, coverage: 0.25 });
    expect(aggregateCoverage([a, b])).toEqual({ reviews: 2, failures: 5, found: 1, missed: 4, unlisted: 0, coverage: 0.2 });
    expect(aggregateCoverage([]).coverage).toBe(1);
  });
});
