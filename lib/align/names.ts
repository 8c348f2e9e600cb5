/* Resource names for alignment: the CDK construct path (stack prefix dropped) or the logical ID without its hash, as weighted tokens. */
import type { CfnResource } from '../templates/types';

/** A resource's name as lower-case tokens, each weighted (later path segments and later words weigh more). */
export interface NameTokens {
  /** What the tokens were read from, for evidence: `path Data/Table` or `id DataTable`. */
  source: string;
  weights: Map<string, number>;
}

// CDK appends 8 upper-case hex characters to logical IDs; API Gateway deployments also append a 32-40 char lower-case hash.
const CDK_HASH = /[0-9A-F]{8}(?:[0-9a-f]{32,40})?$/;
// Segments CDK adds under an L2 construct: they say nothing about which resource it is.
const FILLER_SEGMENTS = new Set(['Resource', 'Default']);
const WORD = /[A-Z]+(?![a-z])|[A-Z]?[a-z]+|\d+/g;

/** The logical ID without CDK's hash suffix (unchanged when it has none or is nothing but the hash). */
export function stripCdkHash(logicalId: string): string {
  const stripped = logicalId.replace(CDK_HASH, '');
  return stripped.length > 0 ? stripped : logicalId;
}

/** The construct path below the stack (`Stack/Data/Table/Resource` → `Data/Table`), when the resource has one. */
export function constructPath(resource: CfnResource): string | undefined {
  const path = resource.Metadata?.['aws:cdk:path'];
  if (typeof path !== 'string' || !path.includes('/')) return undefined;
  const segments = path
    .split('/')
    .slice(1)
    .filter((segment) => !FILLER_SEGMENTS.has(segment));
  return segments.length > 0 ? segments.join('/') : undefined;
}

/** The resource's name tokens: from its construct path when it has one, else from its logical ID without hash. */
export function nameTokens(logicalId: string, resource: CfnResource): NameTokens {
  const path = constructPath(resource);
  const segments = path ? path.split('/') : [stripCdkHash(logicalId)];
  const weights = new Map<string, number>();
  segments.forEach((segment, s) => {
    const words = segment.match(WORD) ?? [];
    words.forEach((word, w) => {
      // Path segments weigh by depth; within one segment (a bare logical ID) later words weigh a little more.
      const weight = ((s + 1) / segments.length) * (0.5 + (0.5 * (w + 1)) / words.length);
      const token = singular(word.toLowerCase());
      weights.set(token, Math.max(weights.get(token) ?? 0, weight));
    });
  });
  return { source: path ? `path ${path}` : `id ${segments[0]}`, weights };
}

/** Weighted Dice similarity of two names, 0..1 (1 when every token matches with the same weight). */
export function nameSimilarity(a: NameTokens, b: NameTokens): number {
  let shared = 0;
  let total = 0;
  for (const [token, weight] of a.weights) {
    total += weight;
    const other = b.weights.get(token);
    if (other !== undefined) shared += Math.min(weight, other);
  }
  for (const weight of b.weights.values()) total += weight;
  return total === 0 ? 0 : (2 * shared) / total;
}

/** `errors` → `error`, so `ErrorsAlarm` and `ErrorAlarm` share their words (`address`, `status` stay). */
function singular(word: string): string {
  return word.length > 3 && word.endsWith('s') && !/(ss|us|is)$/.test(word) ? word.slice(0, -1) : word;
}
