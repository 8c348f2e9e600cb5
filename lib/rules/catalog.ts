import type { CatalogEntry } from './categories';
import { ACCESS_AND_SECRETS_CATALOG } from './catalog-access-secrets';
import { NETWORK_DATA_VALUES_CATALOG } from './catalog-network-data-values';
import { PROTECTION_DEFAULTS_CATALOG } from './catalog-protection-defaults';

export type { CatalogEntry } from './categories';

/** Every rule of the seed review, keyed by rule id, in the seed's order; then the rules about an answer's form. */
export const CATALOG = {
  'cdk-v1-imports': {
    category: 'syntax',
    severity: 'error',
    heading: 'Outdated AWS CDK Imports',
    title: 'Outdated AWS CDK imports',
    problem:
      'The code imports AWS CDK v1 modules (`core`, `aws_cdk.core`, `@aws-cdk/core`, `@aws-cdk/aws-*`) instead of the single CDK v2 library.',
    impact: 'CDK v1 is end-of-support; the code does not build against CDK v2 (`aws-cdk-lib`).',
    fix: 'Import everything from `aws_cdk` / `aws-cdk-lib` and `constructs` (CDK v2).',
  },
  'hardcoded-availability-zones': {
    category: 'syntax',
    severity: 'warning',
    heading: 'Hardcoded Availability Zones',
    title: 'Hardcoded availability zones',
    problem: 'Availability zones are written as literals (e.g. `us-east-1a`) instead of being derived from the region.',
    impact: 'The stack cannot be deployed to another region or account where these zones do not exist.',
    fix: "Derive availability zones from the region (`Fn::GetAZs`, `maxAzs`, or the stack's `availabilityZones`).",
  },
  'lambda-table-name-env': {
    category: 'syntax',
    severity: 'error',
    heading: 'Missing Environment Variables in Lambda',
    title: 'Missing environment variables in Lambda',
    problem: 'A function that has access to a DynamoDB table of the stack gets no environment variable that names that table.',
    impact: 'The function cannot find the table it is meant to read and write.',
    fix: 'Pass the table name (e.g. `DYNAMODB_TABLE_NAME`) to the function as an environment variable that references the table.',
  },
  'lambda-logs-permissions': {
    category: 'deployment',
    severity: 'error',
    heading: 'Missing Permissions for Lambda Role',
    title: 'Missing Lambda role permissions',
    problem: "The function's execution role cannot create log streams and put log events (`logs:CreateLogStream`, `logs:PutLogEvents`).",
    impact: 'The function fails to write its logs to CloudWatch; failures cannot be diagnosed.',
    fix: 'Grant CloudWatch Logs permissions to the execution role (e.g. the AWSLambdaBasicExecutionRole managed policy or a statement scoped to its log group).',
  },
  'lambda-dead-letter-queue': {
    category: 'deployment',
    severity: 'warning',
    heading: 'Missing Dead Letter Queue Configuration',
    title: 'Missing DLQ configuration',
    problem: 'The function has neither a dead-letter queue nor an on-failure destination.',
    impact: 'Failed asynchronous invocations are dropped, making failures invisible and debugging difficult.',
    fix: 'Configure an SQS dead-letter queue (or an on-failure destination) for the function.',
  },
  'alarm-configuration': {
    category: 'deployment',
    severity: 'error',
    heading: 'Invalid CloudWatch Alarm Configuration',
    title: 'Invalid CloudWatch alarm configuration',
    problem:
      'An alarm is configured so that it cannot work: an invalid period, more datapoints than evaluation periods, no threshold, or a dimension that names a function the stack does not have.',
    impact: 'The alarm is rejected at deploy time or never fires, so the problems it should report go unnoticed.',
    fix: "Configure alarms on the stack's own function (reference its name), with a valid period, threshold and evaluation settings.",
  },
  'lambda-private-subnets': {
    category: 'security',
    severity: 'error',
    heading: 'Public Subnet Exposure',
    title: 'Public subnet exposure',
    problem: "The function is not placed in the stack's VPC, or runs in subnets that route to an internet gateway or map public IPs.",
    impact: 'The function is exposed to the public internet and cannot reach private resources, increasing the attack surface.',
    fix: 'Run the function in private subnets of the VPC (`vpcSubnets: PRIVATE_WITH_EGRESS`).',
  },
  's3-encryption-enforced': {
    category: 'security',
    severity: 'error',
    heading: 'Missing Encryption Enforcement',
    title: 'Missing encryption enforcement',
    problem: "The bucket's policy does not deny `s3:PutObject` requests without server-side encryption.",
    impact: 'Unencrypted objects can be uploaded, violating security best practices.',
    fix: 'Add a bucket policy statement that denies `s3:PutObject` when `s3:x-amz-server-side-encryption` is absent.',
  },
  'iam-least-privilege': {
    category: 'security',
    severity: 'error',
    heading: 'Overly Broad IAM Permissions',
    title: 'Overly broad IAM permissions',
    problem: 'A policy grants wildcard actions (`*`, `dynamodb:*`) or applies data-service actions to `Resource: "*"`.',
    impact: 'This violates the principle of least privilege: a compromised function can reach every table and bucket in the account.',
    fix: 'Scope the permissions to the specific resources (the table and bucket ARNs) and the actions actually used.',
  },
  'lambda-provisioned-concurrency': {
    category: 'performance',
    severity: 'warning',
    heading: 'Lack of Provisioned Concurrency',
    title: 'Lack of provisioned concurrency',
    problem: 'A function that serves an API has no alias or version with provisioned concurrency invoked by that API.',
    impact: 'Requests hit cold starts, increasing latency for end users.',
    fix: 'Publish an alias with provisioned concurrency and have the API invoke that alias.',
  },
  'nat-gateway-redundancy': {
    category: 'performance',
    severity: 'warning',
    heading: 'Single NAT Gateway',
    title: 'Single NAT Gateway',
    problem: 'Private subnets in several availability zones share fewer NAT gateways than zones.',
    impact: 'One NAT gateway is a single point of failure and a bottleneck for traffic from the other zones.',
    fix: 'Use one NAT gateway per availability zone in production (a single one may be kept, acknowledged, for cost).',
  },
  'api-caching': {
    category: 'performance',
    severity: 'warning',
    heading: 'Lack of Caching for API Gateway',
    title: 'Lack of caching for API Gateway',
    problem: 'The API is served neither through a CloudFront distribution whose cache behavior caches nor with API Gateway stage caching.',
    impact: 'Every repeated request reaches the backend, increasing latency and cost.',
    fix: 'Put a CloudFront distribution with a caching policy (TTL above 0) in front of the API, or enable stage caching.',
  },
  'lambda-log-group': {
    category: 'observability',
    severity: 'warning',
    heading: 'Missing CloudWatch Logs Configuration',
    title: 'Missing CloudWatch Logs configuration',
    problem: 'The function has no explicit log group with a retention period.',
    impact: 'Logs are kept forever in an implicit group that the stack does not manage, which makes debugging and cost control harder.',
    fix: 'Create a log group for the function with a retention period and attach it (`logGroup`).',
  },
  'lambda-throttle-alarm': {
    category: 'observability',
    severity: 'warning',
    heading: 'Missing CloudWatch Alarms for Throttling',
    title: 'Missing CloudWatch alarms for throttling',
    problem: "No alarm watches the function's `Throttles` metric.",
    impact: 'Throttling goes unnoticed, affecting application performance.',
    fix: "Add a CloudWatch alarm on the function's `Throttles` metric.",
  },
  'template-block-syntax': {
    category: 'syntax',
    severity: 'error',
    heading: 'Template Does Not Parse',
    title: 'Template does not parse',
    problem: 'A code block of the answer is meant as a CloudFormation template (JSON or YAML with `Resources`) but does not parse.',
    impact: 'CloudFormation rejects the template; nothing in it can be deployed or checked by the other rules.',
    fix: 'Correct the syntax at the line the parser names (and close a truncated block) so that the template parses.',
  },
  'cdk-compile': {
    category: 'syntax',
    severity: 'error',
    heading: 'CDK Code Does Not Compile',
    title: 'CDK code does not compile',
    problem: 'The CDK code has a syntax error, imports a module that does not exist, or has no app entry and no Stack class.',
    impact: '`cdk synth` fails before any resource is defined; nothing can be deployed.',
    fix: 'Correct the code at the file and line named (use `aws-cdk-lib` and `constructs` imports) so that it compiles.',
  },
  'cdk-synth': {
    category: 'deployment',
    severity: 'error',
    heading: 'CDK App Fails to Synthesize',
    title: 'CDK app fails to synthesize',
    problem: 'The CDK app compiles but throws while synthesizing, does not finish in time, exhausts its memory, or produces no stack.',
    impact: 'No CloudFormation template comes out of the app; it cannot be deployed.',
    fix: 'Correct the construct code at the file and line named so that `cdk synth` produces the stack.',
  },
  'cdk-sandbox': {
    category: 'security',
    severity: 'error',
    heading: 'CDK App Reaches Outside Its Sandbox',
    title: 'CDK app reaches outside its sandbox',
    problem:
      'While synthesizing, the CDK app tried to use the network, start a process, read or write files outside its own directory, or write a file beyond the size limit.',
    impact: 'Synthesis should be a pure function of the code; such an app leaks data or depends on the machine it runs on.',
    fix: 'Remove network calls, child processes and file access outside the project from the CDK code; pass values as context or props.',
  },
  'difference/missing-resource': {
    category: 'deployment',
    severity: 'warning',
    heading: 'Resource of the Reference Missing',
    title: 'Resource of the reference missing',
    problem: 'The reference defines a resource (and the settings that point at it) that the model has no counterpart for.',
    impact: 'What that resource provides (a dead-letter queue, an alarm, a key, a log group, a cache) is absent from the deployed stack.',
    fix: 'Define the resource as the reference does and point the same settings at it.',
  },
  'difference/property': {
    category: 'deployment',
    severity: 'warning',
    heading: 'Property Set Otherwise Than in the Reference',
    title: 'Property differs from the reference',
    problem:
      'A property that matters (encryption, public access, retention, versioning, sizes, runtimes, IAM statements, environment, references) is omitted or set otherwise than on its counterpart in the reference.',
    impact: 'The resource behaves otherwise than intended: less protected, less durable, sized or wired differently.',
    fix: 'Set the property as the reference does on its counterpart.',
  },
  'difference/template-section': {
    category: 'deployment',
    severity: 'warning',
    heading: 'Parameters, Conditions, Mappings or Outputs Missing',
    title: 'Template section entries missing',
    problem: 'The reference declares parameters, conditions, mappings, outputs or exports that the model lacks or renames.',
    impact: 'Deployments and other stacks that rely on those names (parameters passed, outputs and exports read) break.',
    fix: 'Declare the same parameters, conditions, mappings, outputs and exports under the same names as the reference.',
  },
  'difference/naming-convention': {
    category: 'deployment',
    severity: 'warning',
    heading: 'Naming Convention of the Reference Not Followed',
    title: 'Naming convention not followed',
    problem: 'The reference builds resource names from a parameter (e.g. `EnvironmentSuffix`) or tags every resource; the model does not.',
    impact: 'Two deployments of the stack collide on names, and resources cannot be told apart or attributed by their tags.',
    fix: 'Build every resource name from the same parameter and apply the same tags, as the reference does.',
  },
  'difference/extra-resource': {
    category: 'deployment',
    severity: 'info',
    heading: 'Resource Not in the Reference',
    title: 'Resource not in the reference',
    problem: 'The model defines a resource that has no counterpart in the reference.',
    impact: 'Usually harmless; it may cost money or widen what the stack exposes.',
    fix: 'Keep only the resources the reference defines, unless the extra one is wanted.',
  },
  ...ACCESS_AND_SECRETS_CATALOG,
  ...NETWORK_DATA_VALUES_CATALOG,
  ...PROTECTION_DEFAULTS_CATALOG,
} as const satisfies Record<string, CatalogEntry>;

/** Id of a rule of the seed review. */
export type RuleId = keyof typeof CATALOG;

/** Catalog entry for a dynamic id (cfn-validate/<id>, cdk-nag ids, stored findings); undefined when not in the catalog. */
export function catalogEntry(id: string): CatalogEntry | undefined {
  return (CATALOG as Record<string, CatalogEntry>)[id];
}

/** Catalog entry of a rule id known at compile time (the engine's rules, synthesis stages). */
export function ruleEntry(id: RuleId): CatalogEntry {
  return CATALOG[id];
}
