import type { CatalogEntry } from './categories';

/** Catalog part: general rules about networking (routes, open admin ports, NAT placement), stateful data (retention policies, deletion protection, backups) and values CloudFormation or the service rejects. */
export const NETWORK_DATA_VALUES_CATALOG = {
  'public-subnet-routing': {
    category: 'deployment',
    severity: 'error',
    heading: 'Public Subnet Without Internet Route',
    title: 'Public subnet without internet route',
    problem:
      'A subnet meant to be public (it maps public IPs on launch, or is named or tagged public) has no route table association, or its route tables have no default route (`0.0.0.0/0`) to an internet gateway.',
    impact:
      'Instances, load balancers and NAT gateways placed in the subnet can neither be reached from the internet nor reach it; the public tier does not work.',
    fix: "Associate the subnet with a route table (`AWS::EC2::SubnetRouteTableAssociation`) that routes `0.0.0.0/0` to the VPC's attached internet gateway.",
  },
  'internet-gateway-route-dependency': {
    category: 'deployment',
    severity: 'error',
    heading: 'Internet Gateway Route Without Attachment Dependency',
    title: 'Route to an unattached internet gateway',
    problem:
      'A route targets an internet gateway that no `AWS::EC2::VPCGatewayAttachment` attaches, or does not depend (`DependsOn`) on the attachment that does.',
    impact:
      'CloudFormation may create the route before the gateway is attached to the VPC; the route then fails to create and the stack rolls back (always, when the gateway is never attached).',
    fix: 'Attach the gateway with an `AWS::EC2::VPCGatewayAttachment` and add `DependsOn: <attachment>` to every route that targets it.',
  },
  'nat-gateway-placement': {
    category: 'deployment',
    severity: 'error',
    heading: 'NAT Gateway in a Private Subnet',
    title: 'NAT gateway in a private subnet',
    problem: 'A public NAT gateway is placed in a subnet whose route tables have no default route to an internet gateway.',
    impact:
      'The NAT gateway has no way out to the internet: every private subnet that routes through it loses outbound access (package installs, AWS APIs without endpoints, external calls).',
    fix: 'Place each NAT gateway in a public subnet (one whose default route goes to the internet gateway), ideally one per availability zone.',
  },
  'private-subnet-internet-route': {
    category: 'security',
    severity: 'error',
    heading: 'Private Subnet Routed to the Internet Gateway',
    title: 'Private subnet routed to the internet',
    problem: 'A subnet named or tagged private, isolated or database sends its default route (`0.0.0.0/0`) to an internet gateway.',
    impact:
      'The subnet is public in all but name: anything given a public IP in it is reachable from the internet, and the network segmentation the design relies on is gone.',
    fix: "Route the private subnets' `0.0.0.0/0` to a NAT gateway (or nowhere, for isolated subnets), and keep the internet gateway route in the public route table only.",
  },
  'security-group-open-admin-ports': {
    category: 'security',
    severity: 'error',
    heading: 'Administrative Ports Open to the Internet',
    title: 'Admin ports open to the internet',
    problem:
      "A security group admits `0.0.0.0/0` or `::/0` (literally or as a parameter's default) on an administrative or database port (SSH 22, RDP 3389, WinRM, MySQL 3306, PostgreSQL 5432, SQL Server 1433, Oracle 1521, Redis 6379, MongoDB 27017, ...), directly, through a port range that covers one, or with protocol `-1`.",
    impact:
      'Anyone on the internet can try to log in to or query the instances and databases behind the group: brute force, exploits and data theft.',
    fix: "Admit administrative and database ports only from known CIDRs or other security groups (a bastion's, the application's), or use SSM Session Manager instead of SSH/RDP.",
  },
  'stateful-resource-retention': {
    category: 'deployment',
    severity: 'warning',
    heading: 'Missing DeletionPolicy and UpdateReplacePolicy on Stateful Resources',
    title: 'No retention policy on stateful resources',
    problem:
      'A resource that holds data (database, table, bucket, file system, search domain, warehouse, volume) sets neither `DeletionPolicy` nor `UpdateReplacePolicy`.',
    impact:
      'CloudFormation deletes the data when the stack is deleted or when an update replaces the resource; a bucket that still holds objects makes stack deletion fail instead.',
    fix: 'Decide for each stateful resource and say so: `DeletionPolicy` and `UpdateReplacePolicy` `Retain` or `Snapshot` for data that must survive, `Delete` for disposable environments (CDK: `removalPolicy`).',
  },
  'deletion-protection-disabled': {
    category: 'deployment',
    severity: 'warning',
    heading: 'Deletion Protection Disabled on Retained Data',
    title: 'Deletion protection off on retained data',
    problem:
      'A database, cluster or table that the template means to keep (`DeletionPolicy: Retain`) leaves deletion protection off (`DeletionProtection`, `DeletionProtectionEnabled`).',
    impact: 'The data survives stack deletion but not a mistaken delete through the console, CLI or another tool.',
    fix: 'Set `DeletionProtection: true` (RDS, DocumentDB, Neptune) or `DeletionProtectionEnabled: true` (DynamoDB) on resources that are meant to be kept.',
  },
  'data-backups-disabled': {
    category: 'deployment',
    severity: 'warning',
    heading: 'Backups Disabled on Stateful Data',
    title: 'Backups disabled',
    problem:
      'A database or table has no backups: an RDS instance with `BackupRetentionPeriod: 0`, a DynamoDB table without point-in-time recovery, a Redshift cluster with `AutomatedSnapshotRetentionPeriod: 0`, and no AWS Backup selection names it.',
    impact: 'A bad write, a bug or an accidental deletion cannot be undone: there is no point to restore from.',
    fix: 'Enable automated backups (`BackupRetentionPeriod` of 7 days or more), DynamoDB point-in-time recovery (`PointInTimeRecoverySpecification.PointInTimeRecoveryEnabled: true`), or cover the resource with an AWS Backup plan.',
  },
  'invalid-schedule-expression': {
    category: 'deployment',
    severity: 'error',
    heading: 'Invalid Schedule Expression',
    title: 'Invalid schedule expression',
    problem:
      'A schedule expression the service rejects: a cron with other than six fields, a field value out of range, both or neither day field `?`, a malformed `rate()` or `at()` (EventBridge Scheduler, AWS Backup, Glue, Synthetics, DLM, Application Auto Scaling; for EventBridge rules, cron field values).',
    impact: 'The resource fails to create and the stack rolls back, or the schedule never fires.',
    fix: 'Write AWS cron expressions with six fields (`cron(0 12 * * ? *)`: minutes hours day-of-month month day-of-week year, one day field `?`), or `rate(1 hour)` / `rate(5 minutes)`.',
  },
  'launch-template-version-keyword': {
    category: 'deployment',
    severity: 'warning',
    heading: 'Launch Template Version Given as $Latest or $Default',
    title: 'Launch template version not a number',
    problem:
      "An Auto Scaling group, EC2 instance or Spot Fleet gives its launch template version as `$Latest` or `$Default`, where CloudFormation's documentation asks for a version number.",
    impact:
      'CloudFormation does not see a new launch template version as a change to the group or instance: no rolling update or replacement follows, so running instances keep the old configuration (and the form is documented as unsupported, so it may be rejected).',
    fix: 'Use `Fn::GetAtt <launch template>.LatestVersionNumber` (or `DefaultVersionNumber`), so that each new version updates the group through CloudFormation.',
  },
  'rejected-property-values': {
    category: 'deployment',
    severity: 'error',
    heading: 'Property Values the Service Rejects',
    title: 'Property values the service rejects',
    problem:
      'A value or combination that the service rejects when the resource is created: Lambda memory or ephemeral storage above 10240 MB, an API Gateway cache TTL above 3600 s or a method setting path with raw inner slashes (`/*/*`), an Auto Scaling desired capacity outside min..max, a target group health check timeout not below its interval, an SQS event source batch above 10 without a batching window, ElastiCache automatic failover with one node, RDS MySQL/MariaDB/PostgreSQL storage below 20 GiB.',
    impact: 'The resource fails to create and the stack rolls back.',
    fix: 'Keep each value within the limit the service documents (see the evidence for the limit each breaks).',
  },
} as const satisfies Record<string, CatalogEntry>;
