/* Environment variables of a paired function: the ones the model lacks or sets otherwise, as one finding per function. */
import type { ResourcePair } from '../align/types';
import type { Finding } from '../rules/finding';
import { sameValue, type IdMap } from './equivalence';
import { differenceFinding, modelEvidence, referenceEvidence, shown } from './finding';
import { propertyJudgement } from './knowledge';
import { referencesAny } from './references';

/** One finding naming the variables of the reference the model lacks or changes; undefined when none (variables that point at missing resources are the missing resource's finding). */
export function environmentFinding(
  pair: ResourcePair,
  refValue: unknown,
  modValue: unknown,
  ids: IdMap,
  missing: ReadonlySet<string>,
): Finding | undefined {
  const refVars = variables(refValue);
  const modVars = variables(modValue);
  const lacking: string[] = [];
  const changed: string[] = [];
  for (const [name, value] of Object.entries(refVars)) {
    if (referencesAny(value, missing)) continue;
    if (!(name in modVars)) lacking.push(name);
    else if (!sameValue(value, modVars[name], ids)) changed.push(name);
  }
  if (lacking.length === 0 && changed.length === 0) return undefined;
  const judgement = propertyJudgement('AWS::Lambda::Function', 'Environment')!;
  const path = (name: string) => `Properties.Environment.Variables.${name}`;
  const parts = [
    ...(lacking.length ? [`lacks ${lacking.map((n) => `\`${n}\``).join(', ')}`] : []),
    ...(changed.length ? [`sets ${changed.map((n) => `\`${n}\``).join(', ')} otherwise`] : []),
  ];
  return differenceFinding('difference/property', changed.length && !lacking.length ? { ...judgement, severity: 'info' } : judgement, {
    title: `${pair.model}: environment variables not as in the reference`,
    message: `\`${pair.model}\` ${parts.join(' and ')} compared with \`${pair.reference}\` in the reference.`,
    resources: [pair.model],
    evidence: [...lacking, ...changed].flatMap((name) => [
      referenceEvidence(pair.reference, path(name), refVars[name], `\`${pair.reference}\` sets ${name}`),
      modelEvidence(
        pair.model,
        path(name),
        modVars[name],
        name in modVars ? `\`${pair.model}\` sets ${name}` : `\`${pair.model}\` does not set ${name}`,
      ),
    ]),
    fix: `The reference sets ${[...lacking, ...changed].map((name) => `${name}=${shown(refVars[name])}`).join(', ')} on \`${pair.reference}\`.`,
  });
}

function variables(environment: unknown): Record<string, unknown> {
  const vars = (environment as { Variables?: unknown } | undefined)?.Variables;
  return vars && typeof vars === 'object' && !Array.isArray(vars) ? (vars as Record<string, unknown>) : {};
}
