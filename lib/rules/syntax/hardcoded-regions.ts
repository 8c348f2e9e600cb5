import type { CfnValue } from '../../templates/types';
import type { Evidence, Rule, RuleInput, Violation } from '../types';
import { arnsIn, isCdkSynthesized, PSEUDO, regionsIn, textsIn, type TextAt } from '../util/arns';

/** Regions written where the stack's own region is meant: in ARNs of the stack's account, `Fn::GetAZs`, and region environment variables. */
function check({ template }: RuleInput): Violation[] {
  if (!template || isCdkSynthesized(template)) return [];
  return Object.entries(template.Resources ?? {}).flatMap(([id, resource]) => {
    const properties = resource?.Properties as CfnValue | undefined;
    const evidence = [
      ...textsIn(properties, 'Properties').flatMap((place) => ownRegions(id, place)),
      ...regionVariables(id, properties, 'Properties'),
    ];
    if (!evidence.length) return [];
    const regions = [...new Set(evidence.map((e) => e.note.split(' ').at(-1)))];
    return [
      {
        message: `${id} hardcodes the region${regions.length > 1 ? 's' : ''} ${regions.join(', ')} where the stack's own region is meant (\${AWS::Region}); the template cannot be deployed elsewhere.`,
        resources: [id],
        evidence,
      },
    ];
  });
}

export const rule: Rule = { id: 'hardcoded-regions', check };

/** The literal regions of one place that stand for the stack's region. */
function ownRegions(id: string, place: TextAt): Evidence[] {
  const keys = place.path.split('.').filter((part) => !/^\d+$/.test(part));
  const key = keys.at(-1) ?? '';
  const evidence = (region: string, where: string): Evidence => ({
    resource: id,
    path: place.path,
    value: place.value,
    note: `${where} ${region}`,
  });
  if (key === 'Fn::GetAZs') return regionsIn(place.text).map((r) => evidence(r, 'Fn::GetAZs of the literal region'));
  const exactRegion = regionsIn(place.text).length === 1 && place.text.trim() === regionsIn(place.text)[0];
  if (exactRegion && /region/i.test(key) && keys.at(-2) === 'Variables')
    return [evidence(place.text.trim(), 'environment variable set to the literal region')];
  return arnsIn(place.text)
    .filter((arn) => (arn.account === PSEUDO.account || /^\d{12}$/.test(arn.account)) && !arn.resource.startsWith('layer:'))
    .filter((arn) => !(arn.service === 'acm' && arn.region === 'us-east-1'))
    .flatMap((arn) => regionsIn(arn.region).map((r) => evidence(r, 'ARN in the stack account with the literal region')));
}

/** Container environment entries (`{ Name: REGION, Value: us-east-1 }`) that set a region variable to a literal region. */
function regionVariables(id: string, value: CfnValue | undefined, path: string): Evidence[] {
  if (!value || typeof value !== 'object') return [];
  const entries = Object.entries(value).flatMap(([key, child]) => regionVariables(id, child, `${path}.${key}`));
  const { Name: name, Value: literal } = Array.isArray(value) ? ({} as Record<string, CfnValue>) : value;
  if (typeof name === 'string' && /region/i.test(name) && typeof literal === 'string' && regionsIn(literal)[0] === literal.trim())
    entries.push({
      resource: id,
      path: `${path}.Value`,
      value: literal,
      note: `environment variable set to the literal region ${literal.trim()}`,
    });
  return entries;
}
