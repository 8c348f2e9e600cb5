/* Property differences on paired resources, for the properties of the knowledge table and references that point elsewhere. */
import type { Alignment, ResourcePair } from '../align/types';
import type { Finding } from '../rules/finding';
import { referencedIds } from '../templates/query';
import type { CfnResource, CfnTemplate } from '../templates/types';
import { environmentFinding } from './environment';
import { canonical, isDefault, modelToReference, sameValue, type IdMap } from './equivalence';
import { differenceFinding, modelEvidence, referenceEvidence, shown } from './finding';
import { statementChanges } from './iam';
import { IGNORED_TYPES, POINTS_ELSEWHERE, propertyJudgement, type Judgement } from './knowledge';
import { referencesAny } from './references';

const ATTRIBUTES = ['DeletionPolicy', 'UpdateReplacePolicy'] as const;
const POLICY_PROPERTIES = new Set(['PolicyDocument', 'Policies', 'AssumeRolePolicyDocument', 'KeyPolicy']);
// Settings whose mere presence in the model, where the reference leaves them out, can expose or widen.
const WORSE_WHEN_ADDED = new Set([
  'PubliclyAccessible',
  'MapPublicIpOnLaunch',
  'SecurityGroupIngress',
  'ManagedPolicyArns',
  'Policies',
  'PolicyDocument',
]);

/** Findings for every paired resource whose properties that matter are omitted or set otherwise than in the reference. */
export function propertyFindings(reference: CfnTemplate, model: CfnTemplate, alignment: Alignment): Finding[] {
  const ids = modelToReference(alignment);
  const missing = new Set(alignment.missing);
  const findings: Finding[] = [];
  for (const pair of alignment.pairs) {
    const ref = reference.Resources[pair.reference];
    const mod = model.Resources[pair.model];
    if (typeof ref?.Type !== 'string' || !mod || IGNORED_TYPES.has(ref.Type)) continue;
    const names = new Set([...Object.keys(ref.Properties ?? {}), ...Object.keys(mod.Properties ?? {}), ...ATTRIBUTES]);
    const found = [...names].flatMap((name) => propertyFinding(pair, ref, mod, name, ids, missing) ?? []);
    // DeletionPolicy and UpdateReplacePolicy set otherwise together are one decision: keep what happens on deletion.
    const deletion = found.some((f) => f.evidence?.[0]?.path === 'DeletionPolicy');
    findings.push(...found.filter((f) => !(deletion && f.evidence?.[0]?.path === 'UpdateReplacePolicy')));
  }
  return findings;
}

function propertyFinding(
  pair: ResourcePair,
  ref: CfnResource,
  mod: CfnResource,
  name: string,
  ids: IdMap,
  missing: ReadonlySet<string>,
): Finding | undefined {
  const attribute = (ATTRIBUTES as readonly string[]).includes(name);
  const path = attribute ? name : `Properties.${name}`;
  const refValue: unknown = attribute ? ref[name as (typeof ATTRIBUTES)[number]] : ref.Properties?.[name];
  const modValue: unknown = attribute ? mod[name as (typeof ATTRIBUTES)[number]] : mod.Properties?.[name];
  if (sameValue(refValue, modValue, ids)) return undefined;
  if (name === 'Environment' && ref.Type === 'AWS::Lambda::Function') return environmentFinding(pair, refValue, modValue, ids, missing);
  const judgement = propertyJudgement(ref.Type, name);
  const make = (title: string, message: string, judged: Judgement = judgement ?? POINTS_ELSEWHERE) =>
    differenceFinding('difference/property', judged, {
      title: `${pair.model}: ${title}`,
      message,
      resources: [pair.model],
      evidence: [
        referenceEvidence(
          pair.reference,
          path,
          refValue,
          `\`${pair.reference}\` ${refValue === undefined ? 'does not set it' : 'sets it'}`,
        ),
        modelEvidence(pair.model, path, modValue, `\`${pair.model}\` ${modValue === undefined ? 'does not set it' : 'sets it'}`),
      ],
      fix:
        refValue === undefined
          ? `The reference leaves ${path} of \`${pair.reference}\` unset.`
          : `The reference sets ${path} of \`${pair.reference}\` (${ref.Type}) to ${shown(refValue)}.`,
    });
  if (!judgement)
    return pointsElsewhere(refValue, modValue, ids, missing)
      ? make(`${name} points elsewhere than in the reference`, elsewhereMessage(pair, path, refValue, modValue))
      : undefined;
  if (referencesAny(refValue, missing) && !POLICY_PROPERTIES.has(name)) return undefined;
  if (refValue === undefined && (!WORSE_WHEN_ADDED.has(name) || isDefault(ref.Type, name, modValue))) return undefined;
  if (modValue === undefined && isDefault(ref.Type, name, refValue)) return undefined;
  if (POLICY_PROPERTIES.has(name)) {
    const changes = statementChanges(refValue, modValue, ids, missing);
    if (changes.length === 0) return undefined;
    const broadened = changes.some((c) => c.direction === 'broadened');
    const said = changes.map((c) => `${c.direction} ${c.aspect}: ${c.items.slice(0, 6).join(', ')}${c.items.length > 6 ? ', ...' : ''}`);
    const judged = broadened ? judgement : { ...judgement, severity: 'warning' as const };
    return make(
      `${judgement.what} not as in the reference`,
      `The ${judgement.what} of \`${pair.model}\` differ from \`${pair.reference}\` in the reference: ${said.join('; ')}.`,
      judged,
    );
  }
  const verb = modValue === undefined ? 'does not set' : refValue === undefined ? 'sets, where the reference does not,' : 'sets otherwise';
  return make(
    `${judgement.what} not as in the reference`,
    `\`${pair.model}\` ${verb} ${path} (${judgement.what}): ${valuesSaid(refValue, modValue, ids)}.`,
  );
}

/** Both values; for two lists (rules, subnets), only the items one has and the other lacks. */
function valuesSaid(refValue: unknown, modValue: unknown, ids: IdMap): string {
  if (!Array.isArray(refValue) || !Array.isArray(modValue)) return `reference ${shown(refValue)}, model ${shown(modValue)}`;
  const key = (item: unknown, map: IdMap = new Map()) => JSON.stringify(canonical(item, map));
  const modelKeys = new Set(modValue.map((item) => key(item, ids)));
  const referenceKeys = new Set(refValue.map((item) => key(item)));
  const lacking = refValue.filter((item) => !modelKeys.has(key(item)));
  const added = modValue.filter((item) => !referenceKeys.has(key(item, ids)));
  return [
    ...(lacking.length ? [`only the reference has ${lacking.map(shown).join(', ')}`] : []),
    ...(added.length ? [`only the model has ${added.map(shown).join(', ')}`] : []),
  ].join('; ');
}

/** Whether a reference to a paired resource became a reference to another resource (or a literal) in the model. */
function pointsElsewhere(refValue: unknown, modValue: unknown, ids: IdMap, missing: ReadonlySet<string>): boolean {
  if (refValue === undefined || modValue === undefined || referencesAny(refValue, missing)) return false;
  const paired = new Set(ids.values());
  const pointedAt = [...referencedIds(canonical(refValue))].filter((id) => paired.has(id));
  if (pointedAt.length === 0) return false;
  const modelPointsAt = referencedIds(canonical(modValue, ids));
  return pointedAt.some((id) => !modelPointsAt.has(id));
}

function elsewhereMessage(pair: ResourcePair, path: string, refValue: unknown, modValue: unknown): string {
  return `${path} of \`${pair.model}\` points elsewhere than its counterpart \`${pair.reference}\` does: reference ${shown(refValue)}, model ${shown(modValue)}.`;
}
