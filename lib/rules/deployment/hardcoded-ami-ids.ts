import type { CfnValue } from '../../templates/types';
import type { Evidence, Rule, RuleInput, Violation } from '../types';
import { textsIn } from '../util/arns';

/** An AMI ID (`ami-` and 8 or 17 hex digits) or an obvious placeholder for one (`ami-xxxxxxxx`). */
const AMI = /\bami-(?:[0-9a-f]{17}|[0-9a-f]{8}|x{8,17})\b/gi;

/** AMI IDs written in resources, parameter defaults or mappings instead of resolved from a public SSM parameter. */
function check({ template }: RuleInput): Violation[] {
  if (!template) return [];
  const owners: [string, string, CfnValue | undefined, string][] = [
    ...Object.entries(template.Parameters ?? {}).map(([id, p]): [string, string, CfnValue | undefined, string] => [
      id,
      'Parameter ',
      p.Default,
      'Default',
    ]),
    ...Object.entries(template.Mappings ?? {}).map(([id, m]): [string, string, CfnValue | undefined, string] => [id, 'Mapping ', m, id]),
    ...Object.entries(template.Resources ?? {}).map(([id, r]): [string, string, CfnValue | undefined, string] => [
      id,
      '',
      r?.Properties as CfnValue | undefined,
      'Properties',
    ]),
  ];
  return owners.flatMap(([id, kind, value, base]) => {
    const evidence: Evidence[] = textsIn(value, base).flatMap((place) =>
      place.text.startsWith('{{resolve:') ? [] : [...place.text.matchAll(AMI)].map((m) => amiEvidence(id, place.path, place.value, m[0])),
    );
    if (!evidence.length) return [];
    const amis = [...new Set(evidence.map((e) => e.note.split(' ').at(-1)))];
    return [
      {
        message: `${kind}${id} hardcodes the AMI ID${amis.length > 1 ? 's' : ''} ${amis.join(', ')}; AMIs are regional and get deregistered, so the template breaks in other regions and over time.`,
        resources: [id],
        evidence,
      },
    ];
  });
}

export const rule: Rule = { id: 'hardcoded-ami-ids', check };

function amiEvidence(id: string, path: string, value: CfnValue, ami: string): Evidence {
  const placeholder = /x{8}|0?abcdef|12345678|0{8}/i.test(ami);
  return { resource: id, path, value, note: `${placeholder ? 'placeholder ' : ''}AMI ID ${ami}` };
}
