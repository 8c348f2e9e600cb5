import { vocabularyTerms } from './vocabulary';

/** What a text (or a finding) names: logical IDs / construct names, resource types, and properties. */
export interface NamedTerms {
  ids: string[];
  types: string[];
  properties: string[];
}

const RESOURCE_TYPE = /^AWS::[A-Za-z0-9]+::[A-Za-z0-9]+$/;
const IAM_ACTION = /^[a-z0-9-]+:[A-Za-z*][A-Za-z0-9*]*$/;
const FILE_NAME = /\.(md|ts|tsx|js|mjs|py|json|ya?ml|txt|toml)$/i;
const CDK_HASH = /^(.+?)[0-9A-F]{8}$/;
/** Endings of CloudFormation property names; other PascalCase names are taken for logical IDs or construct names. */
const PROPERTY_ENDING =
  /(Config|Configuration|Specification|Settings|Enabled|Arns?|Names?|Ids|Variables|Document|Encryption|Rules?|Policies|Period|Threshold|Timeout|Size|Days)$/;
/** Path segments that say where something is, not what it is. */
const STRUCTURAL = new Set(['properties', 'statement', 'value', 'values', 'name', 'type', 'ref', 'key', 'id', 'metadata']);

/** A name compared across texts: lower case, without separators (`aws_cdk`, `aws-cdk`, `awsCdk` are one name); IAM actions keep their colon. */
export function normalizeName(name: string): string {
  const lower = name.trim().toLowerCase();
  return IAM_ACTION.test(name.trim()) ? lower : lower.replace(/[^a-z0-9:*]/g, '');
}

/** A logical ID or construct id without CDK's 8-hex-digit hash suffix, normalized (`DataArchive774FA568` → `dataarchive`). */
export function normalizeId(id: string): string {
  const joined = id.replace(/\//g, '');
  const hashed = CDK_HASH.exec(joined);
  return normalizeName(hashed && /[a-z]/.test(hashed[1]) ? hashed[1] : joined);
}

/** Whether a named construct is, or contains, a resource: equal ids, or the resource's id continues the construct's (CDK child ids). */
export function sameResource(named: string, logicalId: string): boolean {
  const a = normalizeId(named);
  const b = normalizeId(logicalId);
  return a.length >= 3 && (a === b || b.startsWith(a));
}

/** Property terms of a dotted path (`Properties.DeadLetterConfig.TargetArn` → DeadLetterConfig, TargetArn), structure and indices left out. */
export function pathTerms(path: string): string[] {
  return path.split(/[./]/).filter((s) => s && !/^\d+$/.test(s) && !s.startsWith('Fn::') && !STRUCTURAL.has(s.toLowerCase()));
}

/** Sorts one code span (a backticked token) into ids, types or properties; file names name nothing. */
function classifyToken(token: string, into: NamedTerms): void {
  if (!token || FILE_NAME.test(token) || /\s/.test(token)) return;
  if (RESOURCE_TYPE.test(token)) into.types.push(token);
  else if (IAM_ACTION.test(token)) into.properties.push(token);
  else if (token.includes('/') && /^[A-Z]/.test(token)) into.ids.push(token);
  else if (token.includes('.') && !/^[\d.]+$/.test(token) && !/^[a-z]+\d/.test(token)) into.properties.push(...pathTerms(token));
  else if (/^[A-Z][a-zA-Z0-9]*$/.test(token) && /[a-z]/.test(token) && !PROPERTY_ENDING.test(token)) into.ids.push(token);
  else into.properties.push(token);
}

/** Everything a text names: code spans, logical IDs with CDK hashes, resource types, IAM actions, literal availability zones, and the vocabulary's phrases. */
export function termsOfText(text: string): NamedTerms {
  const terms: NamedTerms = { ids: [], types: [], properties: [] };
  for (const m of text.matchAll(/`([^`\n]+)`/g)) classifyToken(m[1].trim(), terms);
  const prose = text.replace(/`[^`\n]*`/g, ' ');
  for (const m of prose.matchAll(/\bAWS::[A-Za-z0-9]+::[A-Za-z0-9]+\b/g)) terms.types.push(m[0]);
  for (const m of prose.matchAll(/\b[A-Z][a-zA-Z0-9]*[a-z][a-zA-Z0-9]*[0-9A-F]{8}\b/g)) terms.ids.push(m[0]);
  for (const m of prose.matchAll(/\b[a-z0-9-]+:[A-Z*][A-Za-z0-9*]*/g)) terms.properties.push(m[0]);
  for (const m of prose.matchAll(/\b[a-z]{2}(?:-gov)?-[a-z]+-\d[a-z]\b/g)) terms.properties.push(m[0]);
  const vocabulary = vocabularyTerms(prose);
  terms.types.push(...vocabulary.types);
  terms.properties.push(...vocabulary.properties);
  return dedupe(terms);
}

/** Terms without repeats (compared by normalized name), in first-seen order. */
export function dedupe(terms: NamedTerms): NamedTerms {
  const unique = (values: string[], key: (v: string) => string) => {
    const seen = new Set<string>();
    return values.filter((v) => {
      const k = key(v);
      if (!k || seen.has(k)) return false;
      seen.add(k);
      return true;
    });
  };
  return {
    ids: unique(terms.ids, normalizeId),
    types: unique(terms.types, (t) => t),
    properties: unique(terms.properties, normalizeName),
  };
}
