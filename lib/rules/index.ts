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
import { rule as publicSubnetRouting } from './deployment/public-subnet-routing';
import { rule as internetGatewayRouteDependency } from './deployment/internet-gateway-route-dependency';
import { rule as natGatewayPlacement } from './deployment/nat-gateway-placement';
import { rule as privateSubnetInternetRoute } from './security/private-subnet-internet-route';
import { rule as securityGroupOpenAdminPorts } from './security/security-group-open-admin-ports';
import { rule as statefulResourceRetention } from './deployment/stateful-resource-retention';
import { rule as deletionProtectionDisabled } from './deployment/deletion-protection-disabled';
import { rule as dataBackupsDisabled } from './deployment/data-backups-disabled';
import { rule as invalidScheduleExpression } from './deployment/invalid-schedule-expression';
import { rule as launchTemplateVersionKeyword } from './deployment/launch-template-version-keyword';
import { rule as rejectedPropertyValues } from './deployment/rejected-property-values';
import { rule as encryptionAtRest } from './security/encryption-at-rest';
import { rule as s3PublicAccessBlock } from './security/s3-public-access-block';
import { rule as imdsv2Required } from './security/imdsv2-required';
import { rule as creationPolicySignal } from './deployment/creation-policy-signal';
import { rule as signalWithoutCreationPolicy } from './deployment/signal-without-creation-policy';
import { rule as albHttpsListener } from './security/alb-https-listener';
import { rule as rdsPublicAccess } from './security/rds-public-access';
import { rule as rdsMultiAz } from './deployment/rds-multi-az';
import { rule as customerKeyNotApplied } from './security/customer-key-not-applied';
import { rule as kmsKeyRotation } from './security/kms-key-rotation';
import { rule as vpcFlowLogs } from './observability/vpc-flow-logs';
import { rule as snsTopicEncryption } from './security/sns-topic-encryption';
import { rule as s3TlsOnly } from './security/s3-tls-only';
import { rule as iamManagedPolicyExists } from './deployment/iam-managed-policy-exists';
import { rule as iamResourceArns } from './deployment/iam-resource-arns';
import { rule as hardcodedSecrets } from './security/hardcoded-secrets';
import { rule as hardcodedAccountIds } from './deployment/hardcoded-account-ids';
import { rule as hardcodedAmiIds } from './deployment/hardcoded-ami-ids';
import { rule as hardcodedRegions } from './syntax/hardcoded-regions';
import { rule as hardcodedPartition } from './syntax/hardcoded-partition';
import { rule as logDeliveryBucketPolicy } from './deployment/log-delivery-bucket-policy';
import { rule as iamPrincipals } from './security/iam-principals';
import { rule as iamWildcardArns } from './security/iam-wildcard-arns';

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
  hardcodedSecrets,
  hardcodedAccountIds,
  hardcodedAmiIds,
  hardcodedRegions,
  hardcodedPartition,
  logDeliveryBucketPolicy,
  iamPrincipals,
  iamWildcardArns,
  // networking, stateful data and rejected values (catalog-network-data-values.ts)
  publicSubnetRouting,
  internetGatewayRouteDependency,
  natGatewayPlacement,
  privateSubnetInternetRoute,
  securityGroupOpenAdminPorts,
  statefulResourceRetention,
  deletionProtectionDisabled,
  dataBackupsDisabled,
  invalidScheduleExpression,
  launchTemplateVersionKeyword,
  rejectedPropertyValues,
  // protections off by default: encryption, public access, IMDS, HTTPS, availability (catalog-protection-defaults.ts)
  encryptionAtRest,
  s3PublicAccessBlock,
  imdsv2Required,
  creationPolicySignal,
  signalWithoutCreationPolicy,
  albHttpsListener,
  rdsPublicAccess,
  rdsMultiAz,
  customerKeyNotApplied,
  kmsKeyRotation,
  vpcFlowLogs,
  snsTopicEncryption,
  s3TlsOnly,
];

/** Every rule the engine runs by default: the seed's, the rules about an answer's form, then the general rules (each id has a CATALOG entry). */
export const RULES: readonly Rule[] = [...SEED_RULES, templateBlockSyntax, ...GENERAL_RULES];
