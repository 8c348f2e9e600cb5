/* Strings of a template read as text with pseudo parameters marked, the ARNs in them, and AWS's regions and service accounts. */
import { RegionInfo } from 'aws-cdk-lib/region-info';
import type { CfnTemplate, CfnValue } from '../../templates/types';

/** Markers that stand for `AWS::Partition`, `AWS::Region`, `AWS::AccountId` and any other non-literal part in `TextAt.text`. */
export const PSEUDO = { partition: '\u0001P', region: '\u0001R', account: '\u0001A', other: '\u0001X' } as const;

/** A string-valued place of a template: its dotted path, the value written there, and its text with pseudo parameters marked. */
export interface TextAt {
  path: string;
  value: CfnValue;
  text: string;
}

// Several rules read the same properties as text; templates are never mutated, so each object is read once per path.
const TEXTS = new WeakMap<object, Map<string, readonly TextAt[]>>();

/** Every string, `Fn::Sub` and `Fn::Join` inside a value, as text (`${AWS::Region}` and `{Ref: AWS::Region}` become PSEUDO.region, ...). */
export function textsIn(value: CfnValue | undefined, path: string): readonly TextAt[] {
  if (!value || typeof value !== 'object') return collectTexts(value, path);
  const byPath = TEXTS.get(value) ?? new Map<string, readonly TextAt[]>();
  TEXTS.set(value, byPath);
  const cached = byPath.get(path) ?? collectTexts(value, path);
  byPath.set(path, cached);
  return cached;
}

function collectTexts(value: CfnValue | undefined, path: string): TextAt[] {
  const text = asText(value);
  if (text !== undefined) return [{ path, value: value as CfnValue, text }];
  if (!value || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, child]) => collectTexts(child, `${path}.${key}`));
}

/** The text of a string, `Fn::Sub` or `Fn::Join` (undefined for other values). */
function asText(value: CfnValue | undefined): string | undefined {
  if (typeof value === 'string') return value;
  if (!value || typeof value !== 'object' || Array.isArray(value)) return undefined;
  const sub = value['Fn::Sub'];
  const template = Array.isArray(sub) ? sub[0] : sub;
  if (typeof template === 'string') return template.replace(/\$\{(?!!)([^}]*)\}/g, (_, name: string) => pseudoMarker(name));
  const join = value['Fn::Join'];
  if (Array.isArray(join) && typeof join[0] === 'string' && Array.isArray(join[1])) {
    return join[1]
      .map((part) => {
        if (part && typeof part === 'object' && !Array.isArray(part) && typeof part.Ref === 'string') return pseudoMarker(part.Ref);
        return asText(part) ?? PSEUDO.other;
      })
      .join(join[0]);
  }
  return undefined;
}

function pseudoMarker(name: string): string {
  if (name === 'AWS::Partition') return PSEUDO.partition;
  if (name === 'AWS::Region') return PSEUDO.region;
  if (name === 'AWS::AccountId') return PSEUDO.account;
  return PSEUDO.other;
}

/** The partition, service, region, account and resource of an ARN found in a text, with its start. */
export interface ArnParts {
  arn: string;
  partition: string;
  service: string;
  region: string;
  account: string;
  resource: string;
}

/** Every ARN in a text (`arn:<partition>:<service>:<region>:<account>:<resource>`). */
export function arnsIn(text: string): ArnParts[] {
  if (!text.includes('arn:')) return [];
  return [...text.matchAll(/arn:([^:\s"',]*):([^:\s"',]*):([^:\s"',]*):([^:\s"',]*):([^\s"',]*)/g)].map((m) => ({
    arn: m[0],
    partition: m[1],
    service: m[2],
    region: m[3],
    account: m[4],
    resource: m[5],
  }));
}

/** The names of AWS regions (from aws-cdk-lib's region-info). */
export const AWS_REGIONS: ReadonlySet<string> = new Set(RegionInfo.regions.map((r) => r.name));

const REGION_NAME = new RegExp(`\\b(${[...AWS_REGIONS].join('|')})\\b`, 'g');

/** The region names inside a text: `us-east-1`, `eu-central-2`, `us-gov-west-1` (only names AWS has). */
export function regionsIn(text: string): string[] {
  return /-\d/.test(text) ? (text.match(REGION_NAME) ?? []) : [];
}

/** Accounts AWS services act from (regional Elastic Load Balancing log delivery), which a template rightly writes literally. */
export const ELB_ACCOUNTS: ReadonlySet<string> = new Set(
  RegionInfo.regions.map((r) => r.elbv2Account).filter((a): a is string => typeof a === 'string'),
);

/**
 * Whether a template was synthesized by the CDK: its `BootstrapVersion` parameter, `CDKMetadata`, `aws:cdk:path` metadata,
 * or logical IDs that mostly end in the CDK's 8-character hash. Such a stack bound to an environment has its region and
 * account resolved into literals by the CDK itself, which is no author's choice.
 */
export function isCdkSynthesized(template: CfnTemplate): boolean {
  if (template.Parameters?.BootstrapVersion !== undefined) return true;
  const resources = Object.entries(template.Resources ?? {});
  if (resources.some(([id, r]) => id === 'CDKMetadata' || r?.Type === 'AWS::CDK::Metadata' || r?.Metadata?.['aws:cdk:path'] !== undefined))
    return true;
  const hashed = resources.filter(([id]) => /[A-Za-z][0-9A-F]{8}$/.test(id)).length;
  return resources.length >= 3 && hashed * 2 > resources.length;
}

/** A text of TextAt with its pseudo-parameter markers written back as `${AWS::Region}` etc. (for messages). */
export function readableText(text: string): string {
  return text
    .replaceAll(PSEUDO.partition, '${AWS::Partition}')
    .replaceAll(PSEUDO.region, '${AWS::Region}')
    .replaceAll(PSEUDO.account, '${AWS::AccountId}')
    .replaceAll(PSEUDO.other, '${...}');
}
