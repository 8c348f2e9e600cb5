import { asList, getPath, referencedOfType } from '../../templates/query';
import type { CfnTemplate, CfnValue } from '../../templates/types';
import type { Evidence, Rule, RuleInput, Violation } from '../types';
import { ELB_ACCOUNTS, PSEUDO, textsIn } from '../util/arns';
import { allowsAction } from '../util/iam';
import { resourcePolicyStatements, type ResourcePolicyStatement } from '../util/resource-policies';

/** A service that writes logs into a bucket of the stack, and the principals a bucket policy must allow to write. */
interface LogDelivery {
  service: string;
  writer: string;
  bucket: string;
  /** The service fails to deploy without the grant (CloudTrail, load balancers), rather than silently delivering nothing. */
  required: boolean;
  /** The principal the bucket policy must name, as a reviewer would write it. */
  expected: string;
  accepts: (principal: string) => boolean;
}

const ELB_SERVICES = ['logdelivery.elasticloadbalancing.amazonaws.com', 'delivery.logs.amazonaws.com'];
const ELB_EXPECTED =
  'the regional Elastic Load Balancing account (arn:aws:iam::<elb-account>:root) or logdelivery.elasticloadbalancing.amazonaws.com';

/** A bucket that receives CloudTrail, load balancer, S3 server access or flow logs must let that service write (`s3:PutObject`). */
function check({ template }: RuleInput): Violation[] {
  if (!template) return [];
  const statements = resourcePolicyStatements(template).filter((s) => s.type === 'AWS::S3::BucketPolicy');
  return logDeliveries(template).flatMap((delivery) => {
    const own = statements.filter((s) => s.targets.includes(delivery.bucket));
    const writers = own.filter((s) => allowsAction(s.statement, 's3:PutObject'));
    const principals = writers.map(principalsOf);
    if (principals.some((p) => p === undefined || p.some(delivery.accepts))) return [];
    if (!writers.length && !delivery.required) return [];
    const granted = [...new Set(principals.flatMap((p) => p ?? []))];
    const evidence: Evidence[] = writers.length
      ? writers.map((s) => ({
          resource: s.policyId,
          path: `${s.path}.Principal`,
          value: s.statement.Principal,
          note: `s3:PutObject granted to ${(principalsOf(s) ?? []).join(', ')}, not to ${delivery.expected}`,
        }))
      : [{ resource: delivery.bucket, note: `no bucket policy statement lets ${delivery.expected} put objects` }];
    return [
      {
        message: `Bucket ${delivery.bucket} receives ${delivery.service} logs from ${delivery.writer}, but ${writers.length ? `its policy grants s3:PutObject only to ${granted.join(', ')}, which cannot deliver them` : 'no bucket policy lets the service put objects'}: it must allow ${delivery.expected}.`,
        resources: [delivery.bucket, delivery.writer, ...new Set(own.map((s) => s.policyId))],
        evidence,
      },
    ];
  });
}

export const rule: Rule = { id: 'log-delivery-bucket-policy', check };

/** Every bucket of the template that a trail, load balancer, bucket (unless its ACL is LogDeliveryWrite) or flow log delivers logs to. */
function logDeliveries(template: CfnTemplate): LogDelivery[] {
  const bucketOf = (value: CfnValue | undefined) => referencedOfType(template, value, 'AWS::S3::Bucket')[0];
  const is = (name: string) => (principal: string) => principal === name;
  const elb = (principal: string) =>
    ELB_SERVICES.includes(principal) || [...ELB_ACCOUNTS].some((a) => principal === a || principal.endsWith(`:iam::${a}:root`));
  const out: LogDelivery[] = [];
  for (const [id, resource] of Object.entries(template.Resources ?? {})) {
    const p = resource?.Properties;
    const add = (bucket: string | undefined, service: string, required: boolean, expected: string, accepts: LogDelivery['accepts']) => {
      if (bucket) out.push({ service, writer: id, bucket, required, expected, accepts });
    };
    if (resource?.Type === 'AWS::CloudTrail::Trail')
      add(bucketOf(p?.S3BucketName), 'CloudTrail', true, 'cloudtrail.amazonaws.com', is('cloudtrail.amazonaws.com'));
    if (resource?.Type === 'AWS::ElasticLoadBalancingV2::LoadBalancer') {
      const attribute = asList(p?.LoadBalancerAttributes).find((a) => getPath(a, 'Key') === 'access_logs.s3.bucket');
      add(bucketOf(getPath(attribute, 'Value')), 'Elastic Load Balancing', true, ELB_EXPECTED, elb);
    }
    if (resource?.Type === 'AWS::ElasticLoadBalancing::LoadBalancer')
      add(bucketOf(getPath(p, 'AccessLoggingPolicy.S3BucketName')), 'Elastic Load Balancing', true, ELB_EXPECTED, elb);
    const target = bucketOf(getPath(p, 'LoggingConfiguration.DestinationBucketName'));
    if (resource?.Type === 'AWS::S3::Bucket' && target && template.Resources[target]?.Properties?.AccessControl !== 'LogDeliveryWrite')
      add(target, 'S3 server access logging', false, 'logging.s3.amazonaws.com', is('logging.s3.amazonaws.com'));
    if (resource?.Type === 'AWS::EC2::FlowLog' && p?.LogDestinationType === 's3')
      add(bucketOf(p?.LogDestination), 'VPC flow logs', false, 'delivery.logs.amazonaws.com', is('delivery.logs.amazonaws.com'));
  }
  return out;
}

/** The literal principals of a statement (`*`, service names, ARNs, account IDs); undefined when one cannot be read (an intrinsic). */
function principalsOf(s: ResourcePolicyStatement): string[] | undefined {
  const principal = s.statement.Principal;
  if (principal === '*') return ['*'];
  if (!principal || typeof principal !== 'object' || Array.isArray(principal)) return undefined;
  const values = Object.values(principal).flatMap((v) => asList(v));
  const texts = values.map((v) => (getPath(v, 'Ref') === 'AWS::AccountId' ? PSEUDO.account : textsIn(v, '')[0]?.text));
  if (texts.some((t) => t === undefined || t.includes(PSEUDO.region) || t.includes(PSEUDO.other))) return undefined;
  return texts.map((t) => t!.replace(PSEUDO.partition, 'aws').replace(PSEUDO.account, '<this account>'));
}
