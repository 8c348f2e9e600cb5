import { parseDocument, type Tags, type ScalarTag, type CollectionTag, type LineCounter } from 'yaml';
import { isMap, isPair, isScalar, YAMLMap, YAMLSeq, LineCounter as Lines } from 'yaml';

/** Intrinsic functions that have a short-form YAML tag (`!Ref`, `!Sub`, ...). */
const FUNCTIONS = [
  'Base64',
  'Cidr',
  'FindInMap',
  'GetAZs',
  'ImportValue',
  'Join',
  'Select',
  'Split',
  'Sub',
  'Transform',
  'And',
  'Equals',
  'If',
  'Not',
  'Or',
  'ToJsonString',
  'Length',
  'ForEach',
] as const;

function intrinsicName(name: string): string {
  return name === 'Ref' || name === 'Condition' ? name : `Fn::${name}`;
}

/** YAML tags for every CloudFormation short form, producing the long-form JSON object. */
function cloudFormationTags(): Tags {
  const tags: (ScalarTag | CollectionTag)[] = [];
  const names = ['Ref', 'Condition', 'GetAtt', ...FUNCTIONS];
  for (const name of names) {
    const key = intrinsicName(name);
    const wrap = (value: unknown) => {
      if (name === 'GetAtt' && typeof value === 'string') {
        const dot = value.indexOf('.');
        return { [key]: dot < 0 ? [value] : [value.slice(0, dot), value.slice(dot + 1)] };
      }
      return { [key]: value };
    };
    tags.push({ tag: `!${name}`, resolve: (str: string) => wrap(str) } as ScalarTag);
    tags.push({
      tag: `!${name}`,
      collection: 'seq',
      resolve: (seq: YAMLSeq) => wrap(seq.toJSON()),
    } as unknown as CollectionTag);
    tags.push({
      tag: `!${name}`,
      collection: 'map',
      resolve: (map: YAMLMap) => wrap(map.toJSON()),
    } as unknown as CollectionTag);
  }
  return tags;
}

const TAGS = cloudFormationTags();

/** A parse failure with the parser's reason and, when the parser gives it, the 1-based line and column in the parsed text. */
export class TemplateParseError extends SyntaxError {
  constructor(
    readonly reason: string,
    readonly line?: number,
    readonly column?: number,
  ) {
    super(`${line ? `line ${line}: ` : ''}${reason}`);
    this.name = 'TemplateParseError';
  }
}

/** Result of parsing CloudFormation YAML: the plain value and the line of each resource key. */
export interface ParsedYaml {
  value: unknown;
  resourceLines: Record<string, number>;
}

/** Parses CloudFormation YAML (short-form tags included); throws SyntaxError with line on bad input. */
export function parseCloudFormationYaml(text: string): ParsedYaml {
  const lineCounter: LineCounter = new Lines();
  const doc = parseDocument(text, { customTags: TAGS, lineCounter, uniqueKeys: false, prettyErrors: true });
  if (doc.errors.length > 0) {
    const first = doc.errors[0];
    const position = first.linePos?.[0];
    const reason = first.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
    throw new TemplateParseError(reason, position?.line, position?.col);
  }
  const resourceLines: Record<string, number> = {};
  const contents = doc.contents;
  if (isMap(contents)) {
    const resources = contents.items.find((p) => isPair(p) && isScalar(p.key) && p.key.value === 'Resources');
    if (resources && isMap(resources.value)) {
      for (const item of resources.value.items) {
        if (isScalar(item.key) && item.key.range) {
          resourceLines[String(item.key.value)] = lineCounter.linePos(item.key.range[0]).line;
        }
      }
    }
  }
  return { value: doc.toJS({ maxAliasCount: 1000 }), resourceLines };
}
