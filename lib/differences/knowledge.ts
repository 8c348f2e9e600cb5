/* The one knowledge table of difference findings: what a missing resource or a differing property means, by type and role. */
import type { Category, Severity } from '../rules/categories';

/** What a difference is worth: the category it belongs to and how severe it is. */
export interface Judgement {
  category: Category;
  severity: Severity;
  /** Plain name of the thing, e.g. `dead-letter queue`, `encryption`. */
  what: string;
}

type TypeEntry = [types: readonly string[], judgement: Judgement];

const j = (category: Category, severity: Severity, what: string): Judgement => ({ category, severity, what });

// A type matches an entry exactly, or by prefix when the entry ends with `::` (a whole service).
const MISSING_BY_TYPE: readonly TypeEntry[] = [
  [['AWS::CloudWatch::Alarm', 'AWS::CloudWatch::CompositeAlarm'], j('observability', 'warning', 'CloudWatch alarm')],
  [['AWS::CloudWatch::Dashboard'], j('observability', 'info', 'CloudWatch dashboard')],
  [['AWS::Logs::LogGroup'], j('observability', 'warning', 'log group')],
  [['AWS::Logs::MetricFilter', 'AWS::Logs::SubscriptionFilter'], j('observability', 'info', 'log filter')],
  [['AWS::CloudTrail::'], j('observability', 'warning', 'CloudTrail trail')],
  [['AWS::EC2::FlowLog'], j('observability', 'warning', 'VPC flow log')],
  [['AWS::XRay::'], j('observability', 'info', 'X-Ray configuration')],
  [['AWS::SNS::Topic', 'AWS::SNS::Subscription'], j('observability', 'info', 'notification topic')],
  [['AWS::Config::'], j('observability', 'warning', 'AWS Config recording')],
  [['AWS::KMS::'], j('security', 'warning', 'KMS key')],
  [
    ['AWS::IAM::Policy', 'AWS::IAM::ManagedPolicy', 'AWS::IAM::Role', 'AWS::IAM::InstanceProfile'],
    j('security', 'warning', 'IAM role or policy'),
  ],
  [
    ['AWS::EC2::SecurityGroup', 'AWS::EC2::SecurityGroupIngress', 'AWS::EC2::SecurityGroupEgress'],
    j('security', 'warning', 'security group'),
  ],
  [['AWS::WAFv2::', 'AWS::WAF::', 'AWS::WAFRegional::'], j('security', 'warning', 'WAF')],
  [['AWS::SecretsManager::', 'AWS::SSM::Parameter'], j('security', 'warning', 'secret')],
  [['AWS::S3::BucketPolicy', 'AWS::SQS::QueuePolicy', 'AWS::SNS::TopicPolicy'], j('security', 'warning', 'resource policy')],
  [['AWS::GuardDuty::', 'AWS::SecurityHub::', 'AWS::Shield::', 'AWS::EC2::NetworkAcl'], j('security', 'warning', 'security service')],
  [['AWS::Backup::'], j('deployment', 'warning', 'backup plan')],
  [['AWS::RDS::DBClusterSnapshot', 'AWS::EC2::Snapshot'], j('deployment', 'warning', 'snapshot')],
  [['AWS::ElastiCache::', 'AWS::DAX::'], j('performance', 'warning', 'cache')],
  [['AWS::CloudFront::'], j('performance', 'warning', 'CDN distribution')],
  [['AWS::ApplicationAutoScaling::', 'AWS::AutoScaling::ScalingPolicy'], j('performance', 'warning', 'scaling policy')],
  [['AWS::Lambda::Alias', 'AWS::Lambda::Version'], j('performance', 'info', 'function alias or version')],
  [['AWS::RDS::DBInstance'], j('deployment', 'warning', 'database instance')],
  [['AWS::EC2::NatGateway'], j('performance', 'warning', 'NAT gateway')],
];

const MISSING_DEFAULT = j('deployment', 'warning', 'resource');

/** Roles a resource plays for others, which outrank its type (a queue used as a DLQ is a DLQ). */
export type ResourceRole = 'dead-letter queue' | 'read replica' | 'provisioned concurrency';

const ROLE_JUDGEMENTS: Record<ResourceRole, Judgement> = {
  'dead-letter queue': j('deployment', 'warning', 'dead-letter queue'),
  'read replica': j('performance', 'warning', 'read replica'),
  'provisioned concurrency': j('performance', 'warning', 'provisioned concurrency'),
};

/** Category and severity of a reference resource the model lacks, from its role when it has one, else its type. */
export function missingJudgement(type: string, role?: ResourceRole): Judgement {
  if (role) return ROLE_JUDGEMENTS[role];
  return MISSING_BY_TYPE.find(([types]) => types.some((t) => typeMatches(t, type)))?.[1] ?? MISSING_DEFAULT;
}

function typeMatches(entry: string, type: string): boolean {
  return typeof type === 'string' && (entry.endsWith('::') ? type.startsWith(entry) : entry === type);
}

/** Resource types that only attach one resource to another; a missing or extra one goes with the resource it attaches. */
export const ATTACHMENT_TYPES: ReadonlySet<string> = new Set([
  'AWS::IAM::Policy',
  'AWS::Lambda::Permission',
  'AWS::Lambda::EventSourceMapping',
  'AWS::Logs::SubscriptionFilter',
  'AWS::Logs::MetricFilter',
  'AWS::EC2::SubnetRouteTableAssociation',
  'AWS::EC2::Route',
  'AWS::EC2::VPCGatewayAttachment',
  'AWS::EC2::SecurityGroupIngress',
  'AWS::EC2::SecurityGroupEgress',
  'AWS::SNS::Subscription',
  'AWS::SQS::QueuePolicy',
  'AWS::SNS::TopicPolicy',
  'AWS::S3::BucketPolicy',
  'AWS::IAM::InstanceProfile',
  'AWS::ApiGateway::Deployment',
  'AWS::ApiGateway::Method',
  'AWS::ApiGatewayV2::Integration',
  'AWS::ApiGatewayV2::Route',
  'AWS::KMS::Alias',
  'AWS::Lambda::Version',
]);

/** Resource types that only watch another resource: a resource only they use is still its own finding, not theirs. */
export const OBSERVER_TYPES: ReadonlySet<string> = new Set([
  'AWS::CloudWatch::Alarm',
  'AWS::CloudWatch::CompositeAlarm',
  'AWS::CloudWatch::Dashboard',
  'AWS::Logs::MetricFilter',
  'AWS::Logs::SubscriptionFilter',
]);

/** Resource types that never make a difference (CDK bookkeeping). */
export const IGNORED_TYPES: ReadonlySet<string> = new Set(['AWS::CDK::Metadata']);

// `types` empty: any resource with the property. Type-specific entries are listed first and win.
const PROPERTY_TABLE: readonly [property: string, types: readonly string[], judgement: Judgement][] = [
  ['PolicyDocument', [], j('security', 'error', 'IAM policy statements')],
  ['Policies', ['AWS::IAM::Role', 'AWS::IAM::User', 'AWS::IAM::Group'], j('security', 'error', 'IAM policy statements')],
  ['AssumeRolePolicyDocument', [], j('security', 'error', 'trust policy statements')],
  ['KeyPolicy', [], j('security', 'error', 'key policy statements')],
  ['ManagedPolicyArns', [], j('security', 'warning', 'managed policies')],
  ['SecurityGroupIngress', [], j('security', 'error', 'ingress rules')],
  ['SecurityGroupEgress', [], j('security', 'warning', 'egress rules')],
  ['CidrIp', ['AWS::EC2::SecurityGroupIngress'], j('security', 'error', 'ingress source')],
  ['PublicAccessBlockConfiguration', [], j('security', 'error', 'public access block')],
  ['PubliclyAccessible', [], j('security', 'error', 'public accessibility')],
  ['MapPublicIpOnLaunch', [], j('security', 'warning', 'public IPs on launch')],
  ['BucketEncryption', [], j('security', 'warning', 'encryption')],
  ['SSESpecification', [], j('security', 'warning', 'encryption')],
  ['StorageEncrypted', [], j('security', 'warning', 'encryption')],
  ['KmsKeyId', [], j('security', 'warning', 'encryption key')],
  ['KmsMasterKeyId', [], j('security', 'warning', 'encryption key')],
  ['KMSMasterKeyID', [], j('security', 'warning', 'encryption key')],
  ['KmsKeyArn', [], j('security', 'warning', 'encryption key')],
  ['EncryptionConfiguration', [], j('security', 'warning', 'encryption')],
  ['Encrypted', [], j('security', 'warning', 'encryption')],
  ['AtRestEncryptionEnabled', [], j('security', 'warning', 'encryption')],
  ['TransitEncryptionEnabled', [], j('security', 'warning', 'encryption in transit')],
  ['ManageMasterUserPassword', [], j('security', 'warning', 'managed master password')],
  ['EnableKeyRotation', [], j('security', 'warning', 'key rotation')],
  ['ViewerCertificate', [], j('security', 'warning', 'TLS certificate')],
  ['VersioningConfiguration', [], j('deployment', 'warning', 'versioning')],
  ['DeletionPolicy', [], j('deployment', 'warning', 'deletion policy')],
  ['UpdateReplacePolicy', [], j('deployment', 'info', 'replacement policy')],
  ['MultiAZ', [], j('deployment', 'warning', 'multi-AZ deployment')],
  ['PointInTimeRecoverySpecification', [], j('deployment', 'warning', 'point-in-time recovery')],
  ['BackupRetentionPeriod', [], j('deployment', 'warning', 'backup retention')],
  ['DeletionProtection', [], j('deployment', 'warning', 'deletion protection')],
  ['DeletionProtectionEnabled', [], j('deployment', 'warning', 'deletion protection')],
  ['Engine', [], j('deployment', 'warning', 'engine')],
  ['EngineVersion', [], j('deployment', 'warning', 'engine version')],
  ['Runtime', [], j('deployment', 'warning', 'runtime')],
  ['DeadLetterConfig', [], j('deployment', 'warning', 'dead-letter queue')],
  ['RedrivePolicy', [], j('deployment', 'warning', 'dead-letter queue')],
  ['LifecycleConfiguration', [], j('deployment', 'info', 'lifecycle rules')],
  ['Environment', ['AWS::Lambda::Function'], j('deployment', 'warning', 'environment variables')],
  ['RetentionInDays', [], j('observability', 'warning', 'log retention')],
  ['LoggingConfiguration', [], j('observability', 'warning', 'logging target')],
  ['LoggingConfig', [], j('observability', 'warning', 'logging target')],
  ['Logging', [], j('observability', 'warning', 'logging target')],
  ['AccessLogSetting', [], j('observability', 'warning', 'access logging')],
  ['TracingConfig', [], j('observability', 'info', 'tracing')],
  ['TracingEnabled', [], j('observability', 'info', 'tracing')],
  ['EnableCloudwatchLogsExports', [], j('observability', 'info', 'log exports')],
  ['MonitoringInterval', [], j('observability', 'info', 'enhanced monitoring')],
  ['MessageRetentionPeriod', [], j('deployment', 'info', 'message retention')],
  ['InstanceType', [], j('performance', 'warning', 'instance size')],
  ['DBInstanceClass', [], j('performance', 'warning', 'instance size')],
  ['CacheNodeType', [], j('performance', 'warning', 'node size')],
  ['NumCacheNodes', [], j('performance', 'warning', 'node count')],
  ['AllocatedStorage', [], j('performance', 'info', 'storage size')],
  ['MemorySize', [], j('performance', 'warning', 'memory')],
  ['Timeout', [], j('performance', 'warning', 'timeout')],
  ['VisibilityTimeout', [], j('performance', 'info', 'visibility timeout')],
  ['ReservedConcurrentExecutions', [], j('performance', 'warning', 'reserved concurrency')],
  ['ProvisionedConcurrencyConfig', [], j('performance', 'warning', 'provisioned concurrency')],
  ['BillingMode', [], j('performance', 'info', 'billing mode')],
  ['ProvisionedThroughput', [], j('performance', 'info', 'capacity')],
  ['MinSize', [], j('performance', 'warning', 'capacity')],
  ['MaxSize', [], j('performance', 'warning', 'capacity')],
  ['DesiredCapacity', [], j('performance', 'info', 'capacity')],
  ['MinCapacity', [], j('performance', 'warning', 'capacity')],
  ['MaxCapacity', [], j('performance', 'warning', 'capacity')],
];

/** What a property of a resource type means when it differs; undefined for properties that do not matter. */
export function propertyJudgement(type: string, property: string): Judgement | undefined {
  const entries = PROPERTY_TABLE.filter(([name]) => name === property);
  return (entries.find(([, types]) => types.includes(type)) ?? entries.find(([, types]) => types.length === 0))?.[2];
}

/** Properties and their judgement: what a reference that points elsewhere is worth when the property is not in the table. */
export const POINTS_ELSEWHERE = j('deployment', 'warning', 'reference');
