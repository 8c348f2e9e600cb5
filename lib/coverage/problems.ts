/**
 * A problem both a human and a finding can name: the concept (encryption, a DLQ, retention, ...), how prose says it, and
 * the CloudFormation properties (or rule ids) whose presence in a finding's evidence means it. A failure and a finding
 * match only when they name the same problem (and the same resource): sharing a resource type is not enough.
 */
export interface ProblemEntry {
  id: string;
  pattern: RegExp;
  properties?: string[];
}

/** The problem vocabulary: general AWS review concepts, nothing specific to one review. */
export const PROBLEMS: readonly ProblemEntry[] = [
  {
    id: 'encryption',
    pattern: /\bencrypt|\bkms\b|\bsse\b|server-side|\bcmk\b|at rest/,
    properties: [
      'BucketEncryption',
      'ServerSideEncryption',
      'SSESpecification',
      'KmsKeyId',
      'KmsMasterKeyId',
      'StorageEncrypted',
      'Encrypted',
      'EncryptionConfiguration',
      'KMSKeyArn',
      'encryption-at-rest',
      'customer-key-not-applied',
      'kms-key-rotation',
      'EnableKeyRotation',
      'sns-topic-encryption',
    ],
  },
  {
    id: 'in-transit',
    pattern: /\bhttps\b|\btls\b|\bssl\b|in transit|securetransport|certificate/,
    properties: ['ViewerProtocolPolicy', 'SslPolicy', 'Certificates', 'aws:SecureTransport', 'alb-https-listener', 's3-tls-only'],
  },
  {
    id: 'public-access',
    pattern:
      /public(?:ly)? (?:access|accessible|read|exposure|bucket)|block public|\bpublic acl|0\.0\.0\.0\/0|open to the (?:world|internet)|internet-facing/,
    properties: [
      'PublicAccessBlockConfiguration',
      'PubliclyAccessible',
      'MapPublicIpOnLaunch',
      'AccessControl',
      '0.0.0.0/0',
      's3-public-access-block',
      'rds-public-access',
      'security-group-open-admin-ports',
    ],
  },
  {
    id: 'dlq',
    pattern: /dead[- ]letter|\bdlqs?\b|on-?failure destination|redrive/,
    properties: ['DeadLetterConfig', 'RedrivePolicy', 'DestinationConfig'],
  },
  {
    id: 'retention',
    pattern: /\bretention|\bretain(?:ed)? for\b|\bexpir|lifecycle/,
    properties: ['RetentionInDays', 'MessageRetentionPeriod', 'LifecycleConfiguration', 'BackupRetentionPeriod'],
  },
  { id: 'versioning', pattern: /\bversioning\b|\bversioned\b/, properties: ['VersioningConfiguration'] },
  {
    id: 'logging',
    pattern: /\blog groups?\b|\blogging\b|\baccess logs?\b|\bcloudwatch logs\b|\blogs?\b(?! into)/,
    properties: [
      'LoggingConfig',
      'LoggingConfiguration',
      'LogGroupName',
      'AccessLogSetting',
      'Logging',
      'AWS::Logs::LogGroup',
      'LogPublishingOptions',
      'EnableCloudwatchLogsExports',
    ],
  },
  {
    id: 'alarm',
    pattern: /\balarms?\b|\balert(?:s|ing)?\b|\bnotif/,
    properties: ['AWS::CloudWatch::Alarm', 'AlarmActions', 'EvaluationPeriods', 'Threshold', 'ComparisonOperator'],
  },
  {
    id: 'monitoring',
    pattern: /\bdashboards?\b|\bmonitor|\bmetrics?\b|\bx-?ray\b|\btracing\b|\binsights\b/,
    properties: ['TracingConfig', 'TracingEnabled', 'AWS::CloudWatch::Dashboard', 'MonitoringInterval'],
  },
  {
    id: 'audit-trail',
    pattern: /cloudtrail|audit (?:trail|log)|flow logs?|aws config\b|guardduty/,
    properties: ['AWS::CloudTrail::Trail', 'AWS::EC2::FlowLog', 'vpc-flow-logs'],
  },
  {
    id: 'output',
    pattern: /\boutputs?\b|\bexport(?:s|ed)? (?:names?|values?)|cross-stack|stack exports?/,
    properties: ['Outputs', 'Export'],
  },
  {
    id: 'parameter',
    pattern: /\bparameters?\b|\bparameteri[sz]|\bconditions?\b|\bmappings?\b/,
    properties: ['Parameters', 'Conditions', 'Mappings', 'AllowedValues', 'AllowedPattern'],
  },
  {
    id: 'naming',
    pattern:
      /\bnaming\b|\bsuffix|environmentsuffix|name (?:collisions?|conflicts?)|(?:resource|bucket|stack|physical|explicit|unique|hard-?coded) names?|\bnames? (?:lack|without|do(?:es)? not include)/,
    properties: [
      'EnvironmentSuffix',
      'BucketName',
      'TableName',
      'FunctionName',
      'RoleName',
      'QueueName',
      'TopicName',
      'DBInstanceIdentifier',
      'ClusterName',
      'LogGroupName',
    ],
  },
  { id: 'tags', pattern: /\btag(?:s|ged|ging)?\b/, properties: ['Tags'] },
  {
    id: 'version',
    // "Outdated" or "deprecated" alone says nothing of versions ("outdated imports"): the thing that ages must be named.
    pattern: /\bengine versions?|\bversions?\b|\bruntimes?\b|\bengines?\b|end[- ]of[- ]life/,
    properties: ['EngineVersion', 'Runtime', 'cdk-v1-imports', 'launch-template-version-keyword'],
  },
  {
    id: 'iam',
    pattern:
      /least[- ]privilege|\bwildcard|overly (?:broad|permissive)|too (?:broad|permissive)|\bpermissions?\b|\biam\b|\bpolic(?:y|ies)\b|\bprincipals?\b|\bgrants?\b|\btrust\b/,
    properties: [
      'PolicyDocument',
      'Policies',
      'ManagedPolicyArns',
      'AssumeRolePolicyDocument',
      'Action',
      'Principal',
      'iam-least-privilege',
      'iam-resource-arns',
      'iam-managed-policy-exists',
      'iam-principals',
      'iam-wildcard-arns',
      'log-delivery-bucket-policy',
    ],
  },
  {
    id: 'deletion',
    pattern: /deletion (?:polic|protection)|removal polic|\bretain\b|\bdestroy|\bteardown|\bclean(?:up| up)|termination protection/,
    properties: [
      'DeletionPolicy',
      'UpdateReplacePolicy',
      'DeletionProtection',
      'DeletionProtectionEnabled',
      'stateful-resource-retention',
      'deletion-protection-disabled',
    ],
  },
  {
    id: 'backup',
    pattern: /\bbackups?\b|point-in-time|\bpitr\b|\bsnapshots?\b|disaster recovery/,
    properties: [
      'BackupRetentionPeriod',
      'PointInTimeRecoverySpecification',
      'AWS::Backup::BackupPlan',
      'SnapshotRetentionLimit',
      'data-backups-disabled',
    ],
  },
  {
    id: 'availability',
    pattern:
      /multi-?az|high(?:ly)? availab|single (?:az|availability zone|point of failure)|availability zones?|\bazs?\b|redundan|failover/,
    properties: ['MultiAZ', 'AvailabilityZone', 'AvailabilityZones', 'NatGateway', 'rds-multi-az'],
  },
  {
    id: 'network',
    pattern: /\bsubnets?\b|\bvpcs?\b|\bnat\b|\bendpoints?\b|\broute tables?\b|private network|\bpeering/,
    properties: [
      'SubnetIds',
      'VpcConfig',
      'VpcId',
      'SubnetId',
      'AWS::EC2::Subnet',
      'AWS::EC2::VPCEndpoint',
      'public-subnet-routing',
      'nat-gateway-placement',
      'private-subnet-internet-route',
      'internet-gateway-route-dependency',
    ],
  },
  {
    id: 'security-group',
    pattern: /security groups?|\bingress\b|\begress\b|\bports?\b|\bcidr/,
    properties: [
      'SecurityGroupIngress',
      'SecurityGroupEgress',
      'SecurityGroupIds',
      'CidrIp',
      'FromPort',
      'ToPort',
      'security-group-open-admin-ports',
    ],
  },
  {
    id: 'secrets',
    pattern: /\bsecrets?\b|\bpasswords?\b|\bcredentials?\b|plain ?text|\bssm\b/,
    properties: [
      'MasterUserPassword',
      'SecretString',
      'GenerateSecretString',
      'AWS::SecretsManager::Secret',
      'ManageMasterUserPassword',
      'hardcoded-secrets',
    ],
  },
  {
    id: 'hard-coded-value',
    pattern:
      /hard-?coded (?:account|region|partition|amis?\b|arns?\b)|\baccount ids?\b|\bpartitions?\b|\bami ids?\b|\bamis?\b|region-(?:specific|agnostic|independent)|\bportab/,
    properties: ['hardcoded-account-ids', 'hardcoded-ami-ids', 'hardcoded-regions', 'hardcoded-partition', 'ImageId'],
  },
  {
    id: 'instance-metadata',
    pattern: /\bimds(?:v[12])?\b|instance metadata|metadata options|httptokens/,
    properties: ['imdsv2-required', 'MetadataOptions', 'HttpTokens'],
  },
  {
    id: 'schedule',
    pattern: /\bschedul(?:e|ed|es|ing)\b|\bcron\b|\brate\(|\brate expressions?/,
    properties: ['invalid-schedule-expression', 'ScheduleExpression'],
  },
  {
    id: 'signal',
    pattern: /creation ?polic|cfn-signal|\bsignals?\b|wait ?conditions?/,
    properties: ['creation-policy-signal', 'signal-without-creation-policy', 'CreationPolicy'],
  },
  { id: 'waf', pattern: /\bwaf\b|web acl|firewall|\bshield\b/, properties: ['WebACLId', 'AWS::WAFv2::WebACL'] },
  {
    id: 'concurrency',
    pattern: /\bconcurrency\b|cold starts?/,
    properties: ['ProvisionedConcurrencyConfig', 'ReservedConcurrentExecutions'],
  },
  {
    id: 'caching',
    pattern: /\bcach(?:e|es|ing|ed)\b|\bcloudfront\b|\bcdn\b/,
    properties: ['CacheClusterEnabled', 'CachingEnabled', 'Caching'],
  },
  {
    id: 'scaling',
    pattern: /\bscal(?:ing|e|able)\b|\bcapacity\b|\bthroughput\b|\binstance (?:type|class|size)\b|\bmemory\b|\bsizing\b|\bthrottl/,
    properties: [
      'MemorySize',
      'InstanceType',
      'DBInstanceClass',
      'MinSize',
      'MaxSize',
      'DesiredCapacity',
      'BillingMode',
      'ProvisionedThroughput',
      'Throttles',
      'ThrottlingBurstLimit',
      'AllocatedStorage',
    ],
  },
  { id: 'timeout', pattern: /\btimeouts?\b|visibility timeout/, properties: ['Timeout', 'VisibilityTimeout'] },
  { id: 'environment', pattern: /environment variables?|\benv vars?\b/, properties: ['Environment', 'Variables'] },
  {
    id: 'reference',
    pattern: /\breferences?\b|\bdepends ?on\b|\bdependenc|\bcircular\b|\b(?:getatt|ref)\b|\bpoints? (?:at|to)\b|\bwired\b|\battach/,
    properties: ['DependsOn', 'Fn::GetAtt', 'Ref'],
  },
  {
    id: 'syntax',
    pattern:
      /\bsyntax\b|\binvalid\b|\bdoes not (?:parse|compile)|\bcompil|\bschema\b|\bunsupported propert|\bnot a valid\b|\btypo\b|\bmalformed\b/,
  },
  {
    id: 'availability-zone-literal',
    pattern: /hard-?coded (?:availability zones?|azs?)|\b[a-z]{2}-[a-z]+-\d[a-z]\b/,
    properties: ['AvailabilityZone', 'Fn::GetAZs'],
  },
  { id: 'imports', pattern: /\bimports?\b|\bcdk v1\b|@aws-cdk\/|\bmodules?\b/, properties: ['cdk-v1-imports'] },
];

/** The problems a piece of prose names, by the problem vocabulary's phrases. */
export function problemsOfText(text: string): string[] {
  const lower = text.toLowerCase();
  return PROBLEMS.filter((p) => p.pattern.test(lower)).map((p) => p.id);
}

const PROBLEM_OF_PROPERTY = new Map(PROBLEMS.flatMap((p) => (p.properties ?? []).map((name) => [name.toLowerCase(), p.id] as const)));

/** The problems a set of property names, resource types or rule ids means (`RetentionInDays` → retention). */
export function problemsOfProperties(names: readonly string[]): string[] {
  return [...new Set(names.flatMap((n) => PROBLEM_OF_PROPERTY.get(n.toLowerCase()) ?? []))];
}
