import { AppError } from '../../errors';

/** The cdk-nag packs a review can select, by the id used in `--packs` and `?packs=`, with cdk-nag's class and rule-id prefix. */
export const RULE_PACKS = {
  'aws-solutions': { className: 'AwsSolutionsChecks', prefix: 'AwsSolutions', label: 'AWS Solutions' },
  serverless: { className: 'ServerlessChecks', prefix: 'Serverless', label: 'Serverless' },
  hipaa: { className: 'HIPAASecurityChecks', prefix: 'HIPAA.Security', label: 'HIPAA Security' },
  'nist-800-53-r5': { className: 'NIST80053R5Checks', prefix: 'NIST.800.53.R5', label: 'NIST 800-53 rev 5' },
  'pci-dss-3.2.1': { className: 'PCIDSS321Checks', prefix: 'PCI.DSS.321', label: 'PCI DSS 3.2.1' },
} as const;

/** A selectable pack id. */
export type RulePackId = keyof typeof RULE_PACKS;

/** Every pack id, in the order packs run. */
export const RULE_PACK_IDS = Object.keys(RULE_PACKS) as RulePackId[];

/** Whether a string names a pack. */
export function isRulePackId(value: string): value is RulePackId {
  return Object.hasOwn(RULE_PACKS, value);
}

/**
 * Parses a pack selection (comma-separated string or list; `all` selects every pack) into distinct ids in
 * RULE_PACK_IDS order; an unknown id is `bad_request:input` naming the valid ones. Empty or undefined selects none.
 */
export function parseRulePacks(selection: string | readonly string[] | undefined | null): RulePackId[] {
  if (selection === undefined || selection === null) return [];
  const items = (typeof selection === 'string' ? selection.split(',') : selection.flatMap((s) => s.split(',')))
    .map((s) => s.trim())
    .filter(Boolean);
  if (items.includes('all')) return [...RULE_PACK_IDS];
  const unknown = items.filter((s) => !isRulePackId(s));
  if (unknown.length) {
    throw new AppError(
      'bad_request:input',
      `Unknown rule pack ${unknown.map((u) => `"${u}"`).join(', ')}; choose from ${RULE_PACK_IDS.join(', ')} (or all).`,
      {
        details: { packs: unknown },
      },
    );
  }
  return RULE_PACK_IDS.filter((id) => items.includes(id));
}

/** The pack a cdk-nag rule id belongs to (by its prefix), if any. */
export function packOfRule(ruleId: string): RulePackId | undefined {
  return RULE_PACK_IDS.find((id) => ruleId.startsWith(`${RULE_PACKS[id].prefix}-`));
}
