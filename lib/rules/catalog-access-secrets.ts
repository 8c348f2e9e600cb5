import type { CatalogEntry } from './categories';

/** Catalog part: general rules about IAM (names where ARNs belong, unknown managed policies, principals, wildcard ARNs) and hard-coded secrets, account IDs, partitions, regions and AMIs. */
export const ACCESS_AND_SECRETS_CATALOG = {
  'iam-managed-policy-exists': {
    category: 'deployment',
    severity: 'error',
    heading: 'Non-existent AWS Managed Policy',
    title: 'Non-existent AWS managed policy',
    problem:
      'An `arn:aws:iam::aws:policy/...` ARN names no AWS managed policy (a wrong name, a missing `service-role/` path, a retired policy), or attaches a service-linked role policy (`aws-service-role/`) to a role, user or group of the stack. For a CDK answer that does not synthesize, the names its code passes to `fromAwsManagedPolicyName` are checked.',
    impact: 'IAM rejects the attachment ("Policy ... does not exist or is not attachable"); the stack fails to deploy and rolls back.',
    fix: 'Use the exact name and path of an existing AWS managed policy (e.g. `service-role/AWSLambdaBasicExecutionRole`, `service-role/AWS_ConfigRole`), or write the permissions as an inline policy.',
  },
  'iam-resource-arns': {
    category: 'deployment',
    severity: 'error',
    heading: 'Resource Names Where IAM Requires ARNs',
    title: 'Resource names where IAM requires ARNs',
    problem:
      'A policy statement names its resources by name, URL or ID (`Ref` to a bucket, table, queue or log group, `${Bucket}/*`, a bare bucket name) instead of by ARN, or applies S3 object actions to the bucket ARN only (or bucket actions to `/*` only).',
    impact:
      'IAM rejects a resource that is not an ARN and the stack fails to deploy; a statement at the wrong S3 level deploys but matches nothing, so every request it should allow is denied.',
    fix: 'Use ARNs: `Fn::GetAtt <Bucket>.Arn` for bucket actions and `${<Bucket>.Arn}/*` for object actions, `Fn::GetAtt <Table>.Arn`, `<Queue>.Arn`, `arn:${AWS::Partition}:logs:${AWS::Region}:${AWS::AccountId}:log-group:<name>:*`.',
  },
  'hardcoded-secrets': {
    category: 'security',
    severity: 'error',
    heading: 'Hardcoded Secrets',
    title: 'Hardcoded secrets',
    problem:
      'A password, key or token is written in the template: a parameter default (of a secret-named or NoEcho parameter), a literal `MasterUserPassword`, `AuthToken` or `SecretString`, an SSM parameter value, a secret-named environment variable of a function or container, or an assignment in EC2 user data.',
    impact:
      'The secret is readable by anyone who can read the template, the stack, its events or the instance metadata, cannot be rotated without a redeploy, and ends up in version control.',
    fix: 'Generate the secret in Secrets Manager (`GenerateSecretString`, or `ManageMasterUserPassword` for RDS) and reference it with `{{resolve:secretsmanager:...}}`; pass secrets to functions and containers as the secret ARN (ECS `Secrets`), never as a value.',
  },
  'hardcoded-account-ids': {
    category: 'deployment',
    severity: 'warning',
    heading: 'Hardcoded Account IDs',
    title: 'Hardcoded account IDs',
    problem:
      'A 12-digit account ID is written in an ARN, a principal, a source account or a parameter default instead of `${AWS::AccountId}` (or a parameter without a default); placeholder IDs (`123456789012`, `111111111111`) are named as such.',
    impact:
      'The stack only works in that one account; a placeholder account makes IAM reject the policy ("Invalid principal") and the deployment fails.',
    fix: "Use `${AWS::AccountId}` (CDK: `Stack.of(this).account`) for the stack's own account, and a required parameter for another account.",
  },
  'hardcoded-ami-ids': {
    category: 'deployment',
    severity: 'warning',
    heading: 'Hardcoded AMI IDs',
    title: 'Hardcoded AMI IDs',
    problem:
      'An AMI ID (`ami-...`) is written in a resource, a parameter default or a region mapping instead of resolved from a public SSM parameter.',
    impact:
      'AMIs are regional and get deprecated and deregistered: the template fails in other regions and, later, everywhere ("Invalid id"); a placeholder ID never works.',
    fix: 'Use a parameter of type `AWS::SSM::Parameter::Value<AWS::EC2::Image::Id>` defaulting to `/aws/service/ami-amazon-linux-latest/...`, `{{resolve:ssm:...}}`, or `MachineImage.latestAmazonLinux2023()` in the CDK.',
  },
  'hardcoded-regions': {
    category: 'syntax',
    severity: 'warning',
    heading: 'Hardcoded Regions',
    title: 'Hardcoded regions',
    problem:
      "A region name is written where the stack's own region is meant: in an ARN of the stack's account, in `Fn::GetAZs`, or as the value of a region environment variable (not in mappings, conditions, parameters, replica lists or CloudFront certificates).",
    impact: 'Deployed in another region, the stack points at resources that are not there, and its policies grant nothing.',
    fix: "Use `${AWS::Region}` (`!GetAZs ''`; CDK: `Stack.of(this).region`).",
  },
  'hardcoded-partition': {
    category: 'syntax',
    severity: 'info',
    heading: 'Hardcoded ARN Partition',
    title: 'Hardcoded ARN partition',
    problem:
      'ARNs write the partition (`arn:aws:`) instead of `${AWS::Partition}`. Reported once per template, listing every place, AWS managed policy ARNs included.',
    impact:
      'Harmless in the commercial regions; the template cannot be deployed to the China (`aws-cn`) or GovCloud (`aws-us-gov`) partitions.',
    fix: "Build ARNs with `!Sub 'arn:${AWS::Partition}:...'` (the CDK does so by itself).",
  },
  'log-delivery-bucket-policy': {
    category: 'deployment',
    severity: 'error',
    heading: 'Log Bucket Policy Grants the Wrong Principal',
    title: 'Log bucket policy grants the wrong principal',
    problem:
      'A bucket receives CloudTrail, load balancer, S3 server access or VPC flow logs, but its bucket policy lets only other principals (the account root, `*`, a wrong service such as `elasticloadbalancing.amazonaws.com`) put objects, or, for CloudTrail and load balancers, there is no such policy at all.',
    impact:
      'CloudTrail and load balancers refuse a bucket they cannot write to and the deployment fails; the other services deliver nothing, so the logs the bucket was made for are lost.',
    fix: 'Allow `s3:PutObject` on the log prefix to the delivering service: `cloudtrail.amazonaws.com`, the regional Elastic Load Balancing account or `logdelivery.elasticloadbalancing.amazonaws.com`, `logging.s3.amazonaws.com`, `delivery.logs.amazonaws.com` (the CDK constructs do this).',
  },
  'iam-principals': {
    category: 'security',
    severity: 'error',
    heading: 'IAM Principals That Cannot Work',
    title: 'IAM principals that cannot work',
    problem:
      'A policy names a principal that cannot work as meant: a service principal that is not `<service>.amazonaws.com` (a typo such as `lambda.amazon.com`, an ARN or account under `Service`), a service written under `AWS`, or an `Allow` to `*` without any condition in a trust or resource policy (read-only access to bucket objects aside).',
    impact:
      'IAM rejects a malformed principal ("Invalid principal in policy") and the stack fails to deploy; an unconditioned `*` lets anyone assume the role or use the queue, topic, key or bucket.',
    fix: 'Write services as `Service: <service>.amazonaws.com`, accounts and roles under `AWS`, and restrict `*` with conditions (`aws:SourceArn`, `aws:SourceAccount`, `aws:PrincipalOrgID`) or name the principals.',
  },
  'iam-wildcard-arns': {
    category: 'security',
    severity: 'warning',
    heading: 'Wildcard ARNs Where the Stack Has the Resources',
    title: 'Wildcard ARNs where specific ones are meant',
    problem:
      'An identity policy gives a service\'s data actions a wildcard ARN (`arn:aws:dynamodb:*:*:table/*`, `arn:aws:logs:*:*:*`, `arn:aws:s3:::*/*`) although the stack defines the tables, log groups or buckets meant (`Resource: "*"` is `iam-least-privilege`\'s; listing actions and permissions boundaries aside).',
    impact:
      "The role can read and write every such resource in the account (and every region), not just the stack's: a compromised function reaches other applications' data.",
    fix: "Name the stack's resources: `Fn::GetAtt <Table>.Arn`, `${<Bucket>.Arn}/*`, `Fn::GetAtt <LogGroup>.Arn` (CDK: `table.grantReadData(fn)`, `logGroup.grantWrite(fn)`).",
  },
} as const satisfies Record<string, CatalogEntry>;
