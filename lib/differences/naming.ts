/* Naming conventions of the reference: names built from a parameter, and tags on every resource. One finding each, listing every resource. */
import type { Alignment } from '../align/types';
import type { Finding } from '../rules/finding';
import type { Evidence } from '../rules/types';
import { referencedIds } from '../templates/query';
import type { CfnResource, CfnTemplate } from '../templates/types';
import { differenceFinding, modelEvidence, referenceEvidence } from './finding';
import { IGNORED_TYPES } from './knowledge';

// Top-level properties that name a resource; names of other things (key pairs, domains, metrics) are not the resource's own.
const NAME_PROPERTY = /(Name|^DBInstanceIdentifier|^DBClusterIdentifier|^CacheClusterId|^ReplicationGroupId)$/;
const NOT_OWN_NAME = new Set(['KeyName', 'DomainName', 'HostedZoneName', 'MetricName', 'AttributeName', 'IndexName', 'ImageName']);

/** One finding when the reference builds names from a parameter (e.g. `EnvironmentSuffix`) and paired model resources do not. */
export function parameterNamingFinding(reference: CfnTemplate, model: CfnTemplate, alignment: Alignment): Finding[] {
  const referenceParameters = new Set(Object.keys(reference.Parameters ?? {}));
  const modelOwnParameters = new Set(Object.keys(model.Parameters ?? {}).filter((p) => !referenceParameters.has(p)));
  const broken: { pair: Alignment['pairs'][number]; property: string; parameters: string[]; refValue: unknown; modValue: unknown }[] = [];
  for (const pair of alignment.pairs) {
    const ref = reference.Resources[pair.reference];
    const mod = model.Resources[pair.model];
    if (!ref || !mod || IGNORED_TYPES.has(ref.Type)) continue;
    for (const [property, refValue] of nameProperties(ref)) {
      const parameters = [...referencedIds(refValue)].filter((id) => referenceParameters.has(id));
      if (parameters.length === 0) continue;
      const modValue = mod.Properties?.[property];
      const used = referencedIds(modValue ?? null);
      if (parameters.every((p) => used.has(p)) || [...used].some((id) => modelOwnParameters.has(id))) continue;
      broken.push({ pair, property, parameters, refValue, modValue });
    }
  }
  if (broken.length === 0) return [];
  const parameters = [...new Set(broken.flatMap((b) => b.parameters))];
  const lacking = parameters.filter((p) => !(model.Parameters ?? {})[p]);
  const evidence: Evidence[] = broken.flatMap(({ pair, property, refValue, modValue }) => [
    referenceEvidence(pair.reference, `Properties.${property}`, refValue, `name built from ${parameters.join(', ')}`),
    modelEvidence(pair.model, `Properties.${property}`, modValue, modValue === undefined ? 'no name given' : 'name not built from it'),
  ]);
  const listed = broken.map((b) => `\`${b.pair.model}\``).join(', ');
  return [
    differenceFinding(
      'difference/naming-convention',
      { category: 'deployment', severity: 'warning' },
      {
        title: `Resource names lack ${parameters.join(', ')}`,
        message: `The reference builds resource names from ${parameters.map((p) => `\`${p}\``).join(', ')}; ${broken.length} model resource${
          broken.length === 1 ? ' does' : 's do'
        } not: ${listed}.${lacking.length ? ` The model has no parameter ${lacking.map((p) => `\`${p}\``).join(', ')}.` : ''}`,
        resources: broken.map((b) => b.pair.model),
        evidence,
        fix: `The reference names its resources from ${parameters.map((p) => `\`${p}\``).join(', ')}, e.g. \`${broken[0].pair.reference}\` ${
          broken[0].property
        } = ${JSON.stringify(broken[0].refValue)}.`,
      },
    ),
  ];
}

/** One finding when tag keys the reference puts on every tagged resource are absent on paired model resources. */
export function tagConventionFinding(reference: CfnTemplate, model: CfnTemplate, alignment: Alignment): Finding[] {
  const tagged = Object.values(reference.Resources).filter((r) => r?.Properties?.Tags !== undefined);
  if (tagged.length < 2) return [];
  const keys = [...tagKeys(tagged[0])].filter((key) => tagged.every((r) => tagKeys(r).has(key)));
  const untagged = alignment.pairs
    .filter((pair) => reference.Resources[pair.reference]?.Properties?.Tags !== undefined && model.Resources[pair.model])
    .map((pair) => ({ pair, lacking: keys.filter((key) => !tagKeys(model.Resources[pair.model]).has(key)) }))
    .filter((entry) => entry.lacking.length > 0);
  if (untagged.length === 0) return [];
  const lackingKeys = [...new Set(untagged.flatMap((u) => u.lacking))];
  const example = untagged[0].pair.reference;
  return [
    differenceFinding(
      'difference/naming-convention',
      { category: 'deployment', severity: 'info' },
      {
        title: `Tags ${lackingKeys.join(', ')} missing`,
        message: `The reference tags every resource with ${lackingKeys.map((k) => `\`${k}\``).join(', ')}; ${untagged.length} model resource${
          untagged.length === 1 ? ' lacks' : 's lack'
        } them: ${untagged.map((u) => `\`${u.pair.model}\``).join(', ')}.`,
        resources: untagged.map((u) => u.pair.model),
        evidence: untagged.flatMap(({ pair }) => [
          referenceEvidence(pair.reference, 'Properties.Tags', reference.Resources[pair.reference].Properties?.Tags, 'tagged'),
          modelEvidence(pair.model, 'Properties.Tags', model.Resources[pair.model].Properties?.Tags, `lacks ${lackingKeys.join(', ')}`),
        ]),
        fix: `The reference tags every resource with ${lackingKeys.join(', ')}, e.g. \`${example}\` Tags = ${JSON.stringify(
          reference.Resources[example].Properties?.Tags,
        )}.`,
      },
    ),
  ];
}

function nameProperties(resource: CfnResource): [string, unknown][] {
  return Object.entries(resource.Properties ?? {}).filter(([key]) => NAME_PROPERTY.test(key) && !NOT_OWN_NAME.has(key));
}

/** Tag keys of a resource, from a `[{Key, Value}]` list or a `{key: value}` map. */
function tagKeys(resource: CfnResource | undefined): Set<string> {
  const tags = resource?.Properties?.Tags;
  if (Array.isArray(tags)) return new Set(tags.map((t) => (t as { Key?: unknown })?.Key).filter((k): k is string => typeof k === 'string'));
  return new Set(tags && typeof tags === 'object' ? Object.keys(tags) : []);
}
