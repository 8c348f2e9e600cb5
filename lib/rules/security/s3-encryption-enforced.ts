import { asList } from '../../templates/query';
import type { CfnValue } from '../../templates/types';
import type { Rule, RuleInput, Violation } from '../types';
import { bucketsNotDenying, conditionValues, isObject } from '../util/bucket-policies';
import { actionMatches } from '../util/iam';

const SSE_KEY = 's3:x-amz-server-side-encryption';

/** Every bucket needs a bucket policy that denies `s3:PutObject` without (or with the wrong) server-side encryption. */
function check({ template }: RuleInput): Violation[] {
  if (!template) return [];
  return bucketsNotDenying(template, {
    accepts: deniesUnencryptedPut,
    requests: 's3:PutObject requests without server-side encryption',
    note: `no Deny statement for s3:PutObject conditioned on ${SSE_KEY}`,
  });
}

export const rule: Rule = { id: 's3-encryption-enforced', check };

/** Whether a statement denies s3:PutObject when the SSE header is missing (`Null`) or not the expected value (`StringNotEquals`). */
function deniesUnencryptedPut(statement: CfnValue): boolean {
  if (!isObject(statement) || statement.Effect !== 'Deny') return false;
  if (!asList(statement.Action).some((action) => typeof action === 'string' && actionMatches('s3:PutObject', action))) return false;
  return conditionValues(statement, SSE_KEY).some(({ operator, value }) =>
    operator === 'null'
      ? asList(value).some((v) => v === true || String(v).toLowerCase() === 'true')
      : operator === 'stringnotequals' || operator === 'stringnotequalsifexists',
  );
}
