import { asList } from '../../templates/query';
import type { CfnValue } from '../../templates/types';
import type { Rule, RuleInput, Violation } from '../types';
import { bucketsNotDenying, conditionValues, isObject } from '../util/bucket-policies';
import { actionMatches } from '../util/iam';

/**
 * Every bucket (except a website bucket, whose endpoint is HTTP only) needs a bucket policy that denies requests not
 * sent over TLS (`aws:SecureTransport` false, or `s3:TlsVersion` below a minimum).
 */
function check({ template }: RuleInput): Violation[] {
  if (!template) return [];
  return bucketsNotDenying(template, {
    accepts: deniesPlainHttp,
    requests: 'requests made without TLS (aws:SecureTransport)',
    note: 'no Deny statement conditioned on aws:SecureTransport false',
    exempt: (bucket) => bucket.Properties?.WebsiteConfiguration !== undefined,
  });
}

export const rule: Rule = { id: 's3-tls-only', check };

/** Whether a statement denies S3 requests sent over plain HTTP, or with a TLS version below a minimum. */
function deniesPlainHttp(statement: CfnValue): boolean {
  if (!isObject(statement) || statement.Effect !== 'Deny') return false;
  if (!asList(statement.Action).some((action) => typeof action === 'string' && actionMatches('s3:GetObject', action))) return false;
  const insecure = conditionValues(statement, 'aws:SecureTransport').some(
    ({ operator, value }) => operator.startsWith('bool') && asList(value).some((v) => v === false || String(v).toLowerCase() === 'false'),
  );
  return insecure || conditionValues(statement, 's3:TlsVersion').some(({ operator }) => operator.startsWith('numericlessthan'));
}
