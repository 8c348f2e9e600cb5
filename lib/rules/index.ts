import type { Rule } from './types';
import { rule as cdkV1Imports } from './syntax/cdk-v1-imports';
import { rule as hardcodedAvailabilityZones } from './syntax/hardcoded-availability-zones';
import { rule as lambdaTableNameEnv } from './syntax/lambda-table-name-env';
import { rule as lambdaLogsPermissions } from './deployment/lambda-logs-permissions';
import { rule as lambdaDeadLetterQueue } from './deployment/lambda-dead-letter-queue';
import { rule as alarmConfiguration } from './deployment/alarm-configuration';
import { rule as lambdaPrivateSubnets } from './security/lambda-private-subnets';
import { rule as s3EncryptionEnforced } from './security/s3-encryption-enforced';
import { rule as iamLeastPrivilege } from './security/iam-least-privilege';
import { rule as lambdaProvisionedConcurrency } from './performance/lambda-provisioned-concurrency';
import { rule as natGatewayRedundancy } from './performance/nat-gateway-redundancy';
import { rule as apiCaching } from './performance/api-caching';
import { rule as lambdaLogGroup } from './observability/lambda-log-group';
import { rule as lambdaThrottleAlarm } from './observability/lambda-throttle-alarm';
import { rule as templateBlockSyntax } from './syntax/template-block-syntax';
import { rule as iamManagedPolicyExists } from './deployment/iam-managed-policy-exists';
import { rule as iamResourceArns } from './deployment/iam-resource-arns';

/** The seed review's rules, in the seed's order; each id has a CATALOG entry. */
export const SEED_RULES: readonly Rule[] = [
  cdkV1Imports,
  hardcodedAvailabilityZones,
  lambdaTableNameEnv,
  lambdaLogsPermissions,
  lambdaDeadLetterQueue,
  alarmConfiguration,
  lambdaPrivateSubnets,
  s3EncryptionEnforced,
  iamLeastPrivilege,
  lambdaProvisionedConcurrency,
  natGatewayRedundancy,
  apiCaching,
  lambdaLogGroup,
  lambdaThrottleAlarm,
];

/** General rules beyond the seed: classes of failure reviewers list and linters miss (each id has a CATALOG entry). */
export const GENERAL_RULES: readonly Rule[] = [
  // IAM and hard-coded values (catalog-access-secrets.ts)
  iamManagedPolicyExists,
  iamResourceArns,
  // networking, stateful data and rejected values (catalog-network-data-values.ts)
  // protections off by default: encryption, public access, IMDS, HTTPS, availability (catalog-protection-defaults.ts)
];

/** Every rule the engine runs by default: the seed's, the rules about an answer's form, then the general rules (each id has a CATALOG entry). */
export const RULES: readonly Rule[] = [...SEED_RULES, templateBlockSyntax, ...GENERAL_RULES];
