/* A reference template and a model of it with every resource renamed, for the alignment benchmark: what a re-synthesized CDK app under other names looks like. */
import type { CfnResource, CfnTemplate } from '../../lib/templates/types';

/** The two templates and, per reference logical ID, the model logical ID it truly corresponds to. */
export interface GeneratedPair {
  reference: CfnTemplate;
  model: CfnTemplate;
  truth: Map<string, string>;
}

const KINDS = ['Role', 'Policy', 'Function', 'Table', 'Queue', 'Bucket', 'Topic', 'Alarm', 'LogGroup', 'SecurityGroup'] as const;
type Kind = (typeof KINDS)[number];

/** `units × 10` resources on each side (500 for 50 units): per unit a role, policy, function, table, queue, bucket, topic, alarm, log group and security group wired together; the model renames each (other stack, other hashes, half without construct paths) and changes a few properties. Deterministic. */
export function generateAlignedPair(units = 50): GeneratedPair {
  const reference: Record<string, CfnResource> = {};
  const model: Record<string, CfnResource> = {};
  const truth = new Map<string, string>();
  for (let u = 0; u < units; u++) {
    const unit = `Service${u}`;
    const refIds = idsFor(unit, (kind) => hash(`ref:${unit}:${kind}`));
    const modelIds = idsFor(u % 2 ? `Svc${u}` : unit, (kind) => hash(`model:${unit}:${kind}`));
    for (const kind of KINDS) {
      reference[refIds[kind]] = unitResource(kind, u, refIds, { stack: 'RefStack', unit, tweak: false });
      model[modelIds[kind]] = unitResource(kind, u, modelIds, { stack: 'ModelStack', unit: u % 2 ? undefined : unit, tweak: u % 3 === 0 });
      truth.set(refIds[kind], modelIds[kind]);
    }
  }
  return { reference: { Resources: reference }, model: { Resources: model }, truth };
}

function idsFor(unit: string, suffix: (kind: Kind) => string): Record<Kind, string> {
  return Object.fromEntries(KINDS.map((kind) => [kind, `${unit}${kind}${suffix(kind)}`])) as Record<Kind, string>;
}

/** One resource of a unit; `stack`/`unit` give its construct path (none when `unit` is undefined); `tweak` changes a few values. */
function unitResource(
  kind: Kind,
  u: number,
  ids: Record<Kind, string>,
  side: { stack: string; unit?: string; tweak: boolean },
): CfnResource {
  const metadata = side.unit ? { Metadata: { 'aws:cdk:path': `${side.stack}/${side.unit}/${kind}/Resource` } } : {};
  const ref = (kind: Kind) => ({ Ref: ids[kind] });
  const arn = (kind: Kind) => ({ 'Fn::GetAtt': [ids[kind], 'Arn'] });
  const properties: Record<Kind, Record<string, unknown>> = {
    Role: { AssumeRolePolicyDocument: { Statement: [{ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' } }] } },
    Policy: {
      Roles: [ref('Role')],
      PolicyDocument: { Statement: [{ Effect: 'Allow', Action: side.tweak ? 'dynamodb:*' : 'dynamodb:GetItem', Resource: arn('Table') }] },
    },
    Function: {
      Role: arn('Role'),
      Runtime: side.tweak ? 'nodejs18.x' : 'nodejs20.x',
      MemorySize: 128 * (1 + (u % 4)),
      Environment: { Variables: { TABLE: ref('Table'), QUEUE: ref('Queue'), BUCKET: ref('Bucket') } },
    },
    Table: { TableName: { 'Fn::Sub': `table-${u}-\${Env}` }, BillingMode: 'PAY_PER_REQUEST' },
    Queue: { VisibilityTimeout: 30 + u, ...(side.tweak ? {} : { SqsManagedSseEnabled: true }) },
    Bucket: { BucketName: { 'Fn::Sub': `bucket-${u}-\${Env}` }, VersioningConfiguration: { Status: 'Enabled' } },
    Topic: { DisplayName: `alerts ${u}` },
    Alarm: { Threshold: u + 1, AlarmActions: [ref('Topic')], Dimensions: [{ Name: 'FunctionName', Value: ref('Function') }] },
    LogGroup: { LogGroupName: { 'Fn::Sub': `/aws/lambda/\${${ids.Function}}` }, RetentionInDays: side.tweak ? 7 : 30 },
    SecurityGroup: { GroupDescription: `service ${u}`, SecurityGroupEgress: [{ CidrIp: '0.0.0.0/0', IpProtocol: '-1' }] },
  };
  return { Type: `AWS::Bench::${kind}`, Properties: properties[kind], ...metadata } as CfnResource;
}

/** 8 upper-case hex characters derived from `text` (FNV-1a), like CDK's logical ID suffix. */
function hash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return h.toString(16).toUpperCase().padStart(8, '0');
}
