/* When a reference value and a model value mean the same: intrinsic forms, paired resources, ordering and defaults aside. */
import type { Alignment } from '../align/types';
import type { CfnValue } from '../templates/types';

/** How model logical IDs translate into reference IDs (paired resources count as the same). */
export type IdMap = ReadonlyMap<string, string>;

/** Model logical ID → its reference counterpart, for every pair of the alignment. */
export function modelToReference(alignment: Alignment): IdMap {
  return new Map(alignment.pairs.map((pair) => [pair.model, pair.reference]));
}

/**
 * The canonical form of a value: `Fn::Sub "${X}"` is `Ref X`, `Fn::GetAtt "A.B"` is `[A, B]`, `Fn::Join ['', ...]` is
 * the equivalent `Fn::Sub`, scalars are strings, arrays unordered, and model IDs renamed to their counterparts.
 */
export function canonical(value: unknown, ids: IdMap = new Map()): unknown {
  if (Array.isArray(value)) {
    const items = value.map((item) => canonical(item, ids)).map((form) => [JSON.stringify(form), form] as const);
    return items.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, form]) => form);
  }
  if (value === null || value === undefined) return null;
  if (typeof value !== 'object') return String(value);
  const entries = Object.entries(value as Record<string, unknown>);
  if (entries.length === 1) {
    const [key, arg] = entries[0];
    if (key === 'Ref' && typeof arg === 'string') return { Ref: rename(arg, ids) };
    if (key === 'Fn::GetAtt') return getAtt(arg, ids);
    if (key === 'Fn::Sub' && typeof arg === 'string') return sub(arg, ids);
    if (key === 'Fn::Join' && Array.isArray(arg) && arg[0] === '' && Array.isArray(arg[1])) {
      const text = joinAsSub(arg[1]);
      if (text !== undefined) return sub(text, ids);
    }
  }
  return Object.fromEntries(entries.sort(([a], [b]) => a.localeCompare(b)).map(([k, v]) => [k, canonical(v, ids)]));
}

/** Whether two values mean the same once both are canonical (model IDs renamed through `ids`). */
export function sameValue(referenceValue: unknown, modelValue: unknown, ids: IdMap): boolean {
  return JSON.stringify(canonical(referenceValue)) === JSON.stringify(canonical(modelValue, ids));
}

function rename(id: string, ids: IdMap): string {
  return ids.get(id) ?? id;
}

function getAtt(arg: unknown, ids: IdMap): unknown {
  const [target, ...attribute] = typeof arg === 'string' ? arg.split('.') : Array.isArray(arg) ? arg.map(String) : [];
  if (!target) return { 'Fn::GetAtt': canonical(arg, ids) };
  return { 'Fn::GetAtt': [rename(target, ids), attribute.join('.')] };
}

/** `${X}` alone is `Ref X` (`${A.B}` a GetAtt); otherwise a Sub whose variables name reference IDs. */
function sub(text: string, ids: IdMap): unknown {
  const only = /^\$\{([^!}]+)\}$/.exec(text);
  if (only) {
    const [target, ...attribute] = only[1].split('.');
    return attribute.length ? { 'Fn::GetAtt': [rename(target, ids), attribute.join('.')] } : { Ref: rename(target, ids) };
  }
  if (!/\$\{[^!]/.test(text)) return text;
  return {
    'Fn::Sub': text.replace(/\$\{([^!}][^}]*)\}/g, (_, name: string) => {
      const [target, ...attribute] = name.split('.');
      return `\${${[rename(target, ids), ...attribute].join('.')}}`;
    }),
  };
}

/** The parts of an empty-delimiter join as one Sub text, when every part is a literal, a Ref or a GetAtt. */
function joinAsSub(parts: unknown[]): string | undefined {
  let text = '';
  for (const part of parts) {
    if (typeof part === 'string' || typeof part === 'number') text += String(part).replace(/\$\{/g, '${!');
    else if (part && typeof part === 'object' && 'Ref' in part && typeof part.Ref === 'string') text += `\${${part.Ref}}`;
    else if (part && typeof part === 'object' && 'Fn::GetAtt' in part) {
      const att = part['Fn::GetAtt'];
      text += `\${${Array.isArray(att) ? att.join('.') : String(att)}}`;
    } else return undefined;
  }
  return text;
}

// Values CloudFormation uses when a property is omitted: writing one out is no difference.
const DEFAULTS: readonly [property: string, types: readonly string[], value: CfnValue][] = [
  ['DeletionPolicy', [], 'Delete'],
  ['UpdateReplacePolicy', [], 'Delete'],
  ['MultiAZ', [], false],
  ['DeletionProtection', [], false],
  ['DeletionProtectionEnabled', [], false],
  ['StorageEncrypted', [], false],
  ['Encrypted', [], false],
  ['PubliclyAccessible', [], false],
  ['MapPublicIpOnLaunch', [], false],
  ['EnableKeyRotation', [], false],
  ['Timeout', ['AWS::Lambda::Function'], 3],
  ['MemorySize', ['AWS::Lambda::Function'], 128],
  ['VisibilityTimeout', ['AWS::SQS::Queue'], 30],
  ['MessageRetentionPeriod', ['AWS::SQS::Queue'], 345600],
  ['BillingMode', ['AWS::DynamoDB::Table'], 'PROVISIONED'],
  ['PointInTimeRecoverySpecification', [], { PointInTimeRecoveryEnabled: false }],
  ['TracingConfig', ['AWS::Lambda::Function'], { Mode: 'PassThrough' }],
  ['TracingEnabled', [], false],
  ['BackupRetentionPeriod', ['AWS::RDS::DBCluster', 'AWS::RDS::DBInstance'], 1],
  ['MonitoringInterval', [], 0],
];

/** Whether `value` is what CloudFormation assumes when `property` of a `type` resource is omitted. */
export function isDefault(type: string, property: string, value: unknown): boolean {
  return DEFAULTS.some(
    ([name, types, fallback]) =>
      name === property &&
      (types.length === 0 || types.includes(type)) &&
      JSON.stringify(canonical(fallback)) === JSON.stringify(canonical(value)),
  );
}
