import type { CfnTemplate, CfnValue } from '../templates/types';

/** An acknowledgement written into a template: rule id (or `*`), the reason, and where it was found. */
export interface Acknowledgement {
  rule: string;
  reason: string;
  /** Logical ID whose Metadata carries it; undefined for template-level acknowledgements. */
  resource?: string;
}

/** Metadata key under which infra-review reads acknowledgements (`{acknowledge:[{rule,reason}]}`). */
export const ACK_METADATA_KEY = 'infra-review';

function entriesOf(metadata: Readonly<Record<string, CfnValue>> | undefined): { rule: string; reason: string }[] {
  if (!metadata) return [];
  const out: { rule: string; reason: string }[] = [];
  const own = metadata[ACK_METADATA_KEY];
  const ownList = own && typeof own === 'object' && !Array.isArray(own) ? own.acknowledge : undefined;
  // cdk-nag's suppression format is read too, so stacks that already suppress with cdk-nag need no second annotation.
  const nag = metadata.cdk_nag;
  const nagList = nag && typeof nag === 'object' && !Array.isArray(nag) ? nag.rules_to_suppress : undefined;
  for (const list of [ownList, nagList]) {
    if (!Array.isArray(list)) continue;
    for (const item of list) {
      if (!item || typeof item !== 'object' || Array.isArray(item)) continue;
      const rule = typeof item.rule === 'string' ? item.rule : typeof item.id === 'string' ? item.id : undefined;
      if (rule && typeof item.reason === 'string' && item.reason.trim()) out.push({ rule, reason: item.reason.trim() });
    }
  }
  return out;
}

/** Every acknowledgement a template carries, at template level and in resource Metadata. */
export function readAcknowledgements(template: CfnTemplate): Acknowledgement[] {
  const acks: Acknowledgement[] = entriesOf(template.Metadata).map((a) => ({ ...a }));
  for (const [id, resource] of Object.entries(template.Resources)) {
    for (const a of entriesOf(resource?.Metadata)) acks.push({ ...a, resource: id });
  }
  return acks;
}

/** The acknowledgement covering a finding of `rule` on `resources`, if any (template-level covers all). */
export function findAcknowledgement(
  acks: readonly Acknowledgement[],
  rule: string,
  resources: readonly string[],
): Acknowledgement | undefined {
  return acks.find((a) => (a.rule === rule || a.rule === '*') && (a.resource === undefined || resources.includes(a.resource)));
}
