import type { CatalogEntry } from './categories';

/** Catalog part: general rules about IAM (names where ARNs belong, unknown managed policies, principals, wildcard ARNs) and hard-coded secrets, account IDs, partitions, regions and AMIs. */
export const ACCESS_AND_SECRETS_CATALOG = {
  'iam-managed-policy-exists': {
    category: 'deployment',
    severity: 'error',
    heading: 'Non-existent AWS Managed Policy',
    title: 'Non-existent AWS managed policy',
    problem:
      'An `arn:aws:iam::aws:policy/...` ARN names no AWS managed policy (a wrong name, a missing `service-role/` path, a retired policy), or attaches a service-linked role policy (`aws-service-role/`) to a role, user or group of the stack.',
    impact: 'IAM rejects the attachment ("Policy ... does not exist or is not attachable"); the stack fails to deploy and rolls back.',
    fix: 'Use the exact name and path of an existing AWS managed policy (e.g. `service-role/AWSLambdaBasicExecutionRole`, `service-role/AWS_ConfigRole`), or write the permissions as an inline policy.',
  },
} as const satisfies Record<string, CatalogEntry>;
