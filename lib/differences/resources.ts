/* Missing and extra resources: one finding per resource, with what attaches it and the settings that point at it. */
import type { Alignment } from '../align/types';
import type { Finding } from '../rules/finding';
import type { Evidence } from '../rules/types';
import type { CfnTemplate } from '../templates/types';
import { differenceFinding, modelEvidence, referenceEvidence, shown } from './finding';
import { ATTACHMENT_TYPES, IGNORED_TYPES, OBSERVER_TYPES, missingJudgement } from './knowledge';
import { referencesByResource, referrersOf, resourceRoleOf, sitesReferencing } from './references';

/** One finding per reference resource without counterpart, its attachments and the settings that point at it folded in. */
export function missingResourceFindings(reference: CfnTemplate, model: CfnTemplate, alignment: Alignment): Finding[] {
  const counterpart = new Map(alignment.pairs.map((pair) => [pair.reference, pair.model]));
  const groups = foldAttachments(reference, alignment.missing);
  return [...groups].map(([id, attached]) => {
    const resource = reference.Resources[id];
    const sites = sitesReferencing(reference, id).filter((site) => !attached.includes(site.resource) && site.resource !== id);
    const role = resourceRoleOf(reference, id, sites);
    const judgement = missingJudgement(resource.Type, role);
    const pointing = sites.filter((site) => counterpart.has(site.resource));
    const evidence: Evidence[] = [
      referenceEvidence(id, 'Type', resource.Type, `${judgement.what} \`${id}\` has no counterpart in the model`),
      ...pointing.flatMap((site) => {
        const modelId = counterpart.get(site.resource)!;
        return [
          referenceEvidence(site.resource, site.path, site.value, `\`${site.resource}\` points at \`${id}\``),
          modelEvidence(modelId, site.path, valueAt(model, modelId, site.path), `counterpart \`${modelId}\``),
        ];
      }),
    ];
    const pointers = pointing.map((site) => `\`${site.resource}\` ${site.path}`);
    const also = attached.length ? ` Missing with it: ${attached.map((a) => `\`${a}\``).join(', ')}.` : '';
    return differenceFinding('difference/missing-resource', judgement, {
      title: `Missing ${judgement.what}: ${id}`,
      message: `The reference has ${judgement.what} \`${id}\` (${resource.Type}) and the model has no counterpart${
        pointers.length ? `; in the reference ${pointers.join(', ')} points at it` : ''
      }.${also}`,
      resources: pointing.map((site) => counterpart.get(site.resource)!),
      evidence,
      fix: `The reference defines \`${id}\` (${resource.Type}${summary(reference, id)})${
        pointing.length ? ` and sets ${pointing.map((site) => `\`${site.resource}\` ${site.path} to ${shown(site.value)}`).join(', ')}` : ''
      }.${also}`,
    });
  });
}

/** One info finding per model resource without counterpart in the reference, its attachments folded in. */
export function extraResourceFindings(model: CfnTemplate, alignment: Alignment): Finding[] {
  return [...foldAttachments(model, alignment.extra)].map(([id, attached]) => {
    const type = model.Resources[id].Type;
    const judgement = missingJudgement(type);
    const also = attached.length ? ` (with ${attached.map((a) => `\`${a}\``).join(', ')})` : '';
    return differenceFinding(
      'difference/extra-resource',
      { category: judgement.category, severity: 'info' },
      {
        title: `Not in the reference: ${id}`,
        message: `The model has \`${id}\` (${type})${also}, which has no counterpart in the reference.`,
        resources: [id, ...attached],
        evidence: [modelEvidence(id, 'Type', type, 'no counterpart in the reference')],
        fix: `The reference has no ${type} in this role; remove \`${id}\` unless it is wanted.`,
      },
    );
  });
}

/**
 * Root resource → the resources folded into it: an attachment that references another listed resource goes with it,
 * and a resource referenced only by listed ones (a cache policy only its missing distribution uses) goes with the first.
 * Attachments point up to what they attach and others to what uses them, so (references being acyclic) no chain loops.
 */
function foldAttachments(template: CfnTemplate, ids: readonly string[]): Map<string, string[]> {
  const listed = new Set(
    ids.filter((id) => typeof template.Resources[id]?.Type === 'string' && !IGNORED_TYPES.has(template.Resources[id].Type)),
  );
  const isAttachment = (id: string) => ATTACHMENT_TYPES.has(template.Resources[id].Type);
  const usedBy = referrersOf(template);
  const parentOf = (id: string): string | undefined => {
    const attached = isAttachment(id) && [...(referencesByResource(template).get(id) ?? [])].find((t) => t !== id && listed.has(t));
    if (attached) return attached;
    const users = [...(usedBy.get(id) ?? [])];
    if (users.length === 0 || !users.every((user) => listed.has(user))) return undefined;
    return users.find((user) => !isAttachment(user) && !OBSERVER_TYPES.has(template.Resources[user].Type));
  };
  const rootOf = (id: string, seen = new Set<string>()): string => {
    const parent = parentOf(id);
    return parent && !seen.has(parent) ? rootOf(parent, seen.add(id)) : id;
  };
  const groups = new Map<string, string[]>();
  for (const id of listed) {
    const root = rootOf(id);
    if (!groups.has(root)) groups.set(root, []);
    if (root !== id) groups.get(root)!.push(id);
  }
  return groups;
}

/** The value at a dotted path of a resource (`Properties.A.0.B`), undefined when absent. */
export function valueAt(template: CfnTemplate, id: string, path: string): unknown {
  let value: unknown = template.Resources[id];
  for (const key of path.split('.')) value = value && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined;
  return value;
}

/** `, with A=x, B=y` for the first few scalar properties of a reference resource: enough to recreate the gist. */
function summary(template: CfnTemplate, id: string): string {
  const scalars = Object.entries(template.Resources[id].Properties ?? {}).filter(([, v]) => v === null || typeof v !== 'object');
  return scalars.length
    ? `, with ${scalars
        .slice(0, 4)
        .map(([k, v]) => `${k} ${shown(v)}`)
        .join(', ')}`
    : '';
}
