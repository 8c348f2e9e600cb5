import type { CatalogEntry } from './categories';

/** Catalog part: general rules about protections a resource lacks by default (encryption, public access, instance metadata, HTTPS, availability, signals). */
export const PROTECTION_DEFAULTS_CATALOG = {
  'encryption-at-rest': {
    category: 'security',
    severity: 'error',
    heading: 'Missing Encryption at Rest',
    title: 'Missing encryption at rest',
    problem:
      'A resource that stores data does not encrypt it: a database or cluster without `StorageEncrypted`, an EBS volume or block device mapping without `Encrypted: true`, an EFS file system, ElastiCache replication group, OpenSearch domain or Kinesis stream without encryption, or an SQS queue with SSE turned off.',
    impact:
      'Data, snapshots and backups are stored in the clear, against security baselines (CIS, PCI, HIPAA); for most of these services encryption cannot be turned on later without replacing the resource.',
    fix: 'Turn encryption on when the resource is created (`StorageEncrypted: true`, `Encrypted: true`, `AtRestEncryptionEnabled: true`, `StreamEncryption`, `EncryptionAtRestOptions`), with a customer managed KMS key where the data is sensitive.',
  },
  's3-public-access-block': {
    category: 'security',
    severity: 'warning',
    heading: 'No Public Access Block on S3 Bucket',
    title: 'No S3 public access block',
    problem:
      'A bucket (not a website bucket) has no `PublicAccessBlockConfiguration`, or sets one of `BlockPublicAcls`, `BlockPublicPolicy`, `IgnorePublicAcls`, `RestrictPublicBuckets` to false.',
    impact:
      'Nothing in the stack keeps a later ACL or bucket policy from making the data public; the protection depends on account settings outside the template.',
    fix: 'Set `PublicAccessBlockConfiguration` with all four settings true (CDK: `blockPublicAccess: BlockPublicAccess.BLOCK_ALL`).',
  },
  'imdsv2-required': {
    category: 'security',
    severity: 'warning',
    heading: 'IMDSv2 Not Enforced',
    title: 'IMDSv2 not enforced',
    problem:
      'An EC2 instance, launch template or launch configuration does not set `MetadataOptions.HttpTokens: required`, so the instance metadata service also answers IMDSv1 requests (the image is not one that requires IMDSv2 by itself, such as Amazon Linux 2023).',
    impact: 'A server-side request forgery in the application can read the instance role credentials from the metadata service.',
    fix: 'Set `MetadataOptions: { HttpTokens: required }` on the launch template, instance or launch configuration (CDK: `requireImdsv2: true`).',
  },
  'creation-policy-signal': {
    category: 'deployment',
    severity: 'error',
    heading: 'CreationPolicy Never Signaled',
    title: 'CreationPolicy never signaled',
    problem:
      'An Auto Scaling group or instance waits for resource signals (`CreationPolicy.ResourceSignal`, or `WaitOnResourceSignals` in its update policy), but the user data of its instances runs no `cfn-signal` for it (none at all, or one that names another resource).',
    impact: 'CloudFormation waits until the timeout, marks the resource failed and rolls the stack back (or the rolling update).',
    fix: 'Run `cfn-signal -e $? --stack ${AWS::StackName} --resource <this logical id> --region ${AWS::Region}` at the end of the user data, or remove the signal requirement.',
  },
  'signal-without-creation-policy': {
    category: 'deployment',
    severity: 'warning',
    heading: 'cfn-signal Without CreationPolicy',
    title: 'cfn-signal without CreationPolicy',
    problem: 'User data runs `cfn-signal` for a resource that has no `CreationPolicy` (nor an update policy waiting for signals).',
    impact:
      'CloudFormation rejects the signal and marks the resource complete before the bootstrap has run, so a failed bootstrap goes unnoticed by the stack.',
    fix: 'Add a `CreationPolicy` with `ResourceSignal` (count and timeout) to the resource the user data signals, or point `--resource` at the one that has it.',
  },
  'alb-https-listener': {
    category: 'security',
    severity: 'warning',
    heading: 'Missing HTTPS Listener',
    title: 'Missing HTTPS listener',
    problem:
      'An internet-facing Application Load Balancer serves plain HTTP: it has only HTTP listeners and none redirects to HTTPS, or an HTTP listener forwards traffic besides its HTTPS listener instead of redirecting; or an HTTP listener redirects to an HTTPS port on which the load balancer has no listener.',
    impact:
      'Requests and responses (credentials, session cookies, data) cross the internet unencrypted; a redirect to a port without a listener makes the application unreachable.',
    fix: 'Add an HTTPS listener with an ACM certificate and make the HTTP listener redirect to HTTPS (`RedirectConfig: { Protocol: HTTPS, Port: 443, StatusCode: HTTP_301 }`).',
  },
  'customer-key-not-applied': {
    category: 'security',
    severity: 'warning',
    heading: 'Customer Managed Key Not Applied',
    title: 'Customer managed key not applied',
    problem:
      'The stack defines a KMS key whose policy lets CloudWatch Logs (a `logs` service principal) or DynamoDB (`kms:ViaService`) use it, but a log group has no `KmsKeyId` or a table no `SSESpecification.KMSMasterKeyId`.',
    impact:
      'That data is encrypted only with an AWS owned or managed key: the key policy, rotation and audit trail the stack set up for it do not apply.',
    fix: 'Point the resource at the key (`KmsKeyId: !GetAtt Key.Arn`; `SSESpecification: { SSEEnabled: true, SSEType: KMS, KMSMasterKeyId: !Ref Key }`).',
  },
  'kms-key-rotation': {
    category: 'security',
    severity: 'warning',
    heading: 'KMS Key Rotation Not Enabled',
    title: 'KMS key rotation not enabled',
    problem: 'A symmetric encryption KMS key of the stack does not turn on automatic rotation (`EnableKeyRotation` is off by default).',
    impact:
      'The same key material protects data for the life of the key, against security baselines (CIS, Security Hub KMS.4) that expect yearly rotation.',
    fix: 'Set `EnableKeyRotation: true` on the key (CDK: `enableKeyRotation: true`).',
  },
  'rds-public-access': {
    category: 'security',
    severity: 'error',
    heading: 'Database Publicly Accessible',
    title: 'Database publicly accessible',
    problem:
      'An RDS instance or cluster sets `PubliclyAccessible: true`, or its DB subnet group contains public subnets (public IPs on launch or a route to an internet gateway).',
    impact: 'The database can get a public endpoint and is one security group rule away from the internet.',
    fix: 'Place the database in a DB subnet group of private (or isolated) subnets and set `PubliclyAccessible: false`.',
  },
  'rds-multi-az': {
    category: 'deployment',
    severity: 'warning',
    heading: 'Database Not Multi-AZ',
    title: 'Database not Multi-AZ',
    problem:
      'An RDS DB instance has `MultiAZ` off while the rest of the stack (load balancer, Auto Scaling group, NAT gateways) is spread over several availability zones.',
    impact:
      'The database is the single point of failure of an otherwise redundant design: an AZ outage or maintenance takes the application down.',
    fix: 'Set `MultiAZ: true` (or use an Aurora cluster with a replica in another zone); keep it off only for development, acknowledged.',
  },
  'vpc-flow-logs': {
    category: 'observability',
    severity: 'warning',
    heading: 'Missing VPC Flow Logs',
    title: 'No VPC flow logs',
    problem:
      'A VPC the stack creates has no `AWS::EC2::FlowLog`: neither the VPC nor any of its subnets or network interfaces records its traffic.',
    impact:
      'Accepted and rejected connections are not recorded: security incidents cannot be investigated, connectivity problems are hard to diagnose, and compliance controls that require network monitoring (PCI DSS 10, CIS, Security Hub EC2.6) fail.',
    fix: 'Add an `AWS::EC2::FlowLog` with `ResourceType: VPC`, `ResourceId: !Ref Vpc`, `TrafficType: ALL` delivering to a CloudWatch log group (with a role `vpc-flow-logs.amazonaws.com` can assume) or an S3 bucket (CDK: `vpc.addFlowLog(...)` or `flowLogs` on the Vpc).',
  },
  'sns-topic-encryption': {
    category: 'security',
    severity: 'warning',
    heading: 'SNS Topic Not Encrypted',
    title: 'SNS topic not encrypted',
    problem:
      'An SNS topic sets no `KmsMasterKeyId`, so messages are stored unencrypted; or a topic that CloudWatch alarms notify is encrypted with the AWS managed key `alias/aws/sns`.',
    impact:
      'Messages (alerts, events, data) rest unencrypted, against security baselines; CloudWatch cannot use the AWS managed key, so alarm notifications to a topic encrypted with it are silently never delivered.',
    fix: 'Set `KmsMasterKeyId` to a customer managed KMS key whose key policy lets the publishing services (`cloudwatch.amazonaws.com`, `events.amazonaws.com`, ...) call `kms:Decrypt` and `kms:GenerateDataKey*`. Use `alias/aws/sns` only for topics that no AWS service publishes to: alarm topics with it stop working.',
  },
  's3-tls-only': {
    category: 'security',
    severity: 'warning',
    heading: 'S3 Bucket Allows Plain HTTP',
    title: 'S3 bucket allows plain HTTP',
    problem:
      'A bucket (not a website bucket) has no bucket policy statement that denies requests made without TLS (`Effect: Deny`, `Condition: { Bool: { aws:SecureTransport: false } }`).',
    impact:
      'Clients may read and write objects over unencrypted HTTP, exposing data and credentials in transit; security baselines (Security Hub S3.5, CIS, PCI) fail.',
    fix: 'Add a bucket policy statement denying `s3:*` on the bucket and its objects to every principal when `aws:SecureTransport` is false (CDK: `enforceSSL: true`).',
  },
} as const satisfies Record<string, CatalogEntry>;
