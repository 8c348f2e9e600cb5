import type { CfnValue } from '../../templates/types';
import type { Evidence, Rule, RuleInput, Violation } from '../types';
import { arnsIn, ELB_ACCOUNTS, isCdkSynthesized, textsIn, type TextAt } from '../util/arns';

/** Keys whose 12-digit value is an account (`SourceAccount`, `aws:SourceAccount`, `Principal.AWS`, `AccountId`). */
const ACCOUNT_KEY = /(account|^aws$|owner)/i;

/** Account IDs written literally in ARNs, principals and account properties of resources and parameter defaults. */
function check({ template }: RuleInput): Violation[] {
  if (!template || isCdkSynthesized(template)) return [];
  const owners: [string, CfnValue | undefined, string][] = [
    ...Object.entries(template.Parameters ?? {}).map(([id, p]): [string, CfnValue | undefined, string] => [id, p.Default, 'Default']),
    ...Object.entries(template.Resources ?? {}).map(([id, r]): [string, CfnValue | undefined, string] => [
      id,
      r?.Properties as CfnValue | undefined,
      'Properties',
    ]),
  ];
  return owners.flatMap(([id, value, base]) => {
    const evidence = textsIn(value, base).flatMap((place) => literalAccounts(id, place, base === 'Default' ? id : undefined));
    if (!evidence.length) return [];
    const accounts = [...new Set(evidence.map((e) => e.note.match(/\d{12}/)?.[0]))];
    const placeholder = evidence.some((e) => e.note.includes('placeholder'));
    return [
      {
        message: `${base === 'Default' ? 'Parameter ' : ''}${id} hardcodes the account ID${accounts.length > 1 ? 's' : ''} ${accounts.join(', ')} instead of \${AWS::AccountId}${placeholder ? ' (a placeholder: IAM rejects principals in accounts that do not exist)' : ''}.`,
        resources: [id],
        evidence,
      },
    ];
  });
}

export const rule: Rule = { id: 'hardcoded-account-ids', check };

/** The literal account IDs of one place: in ARNs (not AWS service or third-party layer accounts), or a 12-digit value of an account key (or parameter). */
function literalAccounts(id: string, place: TextAt, parameterName?: string): Evidence[] {
  const fromArns = arnsIn(place.text)
    .filter((arn) => /^\d{12}$/.test(arn.account) && !ELB_ACCOUNTS.has(arn.account) && !arn.resource.startsWith('layer:'))
    .map((arn) => arn.account);
  const key =
    parameterName ??
    place.path
      .split('.')
      .filter((part) => !/^\d+$/.test(part))
      .at(-1) ??
    '';
  const bare =
    /^\d{12}$/.test(place.text.trim()) && ACCOUNT_KEY.test(key) && !ELB_ACCOUNTS.has(place.text.trim()) ? [place.text.trim()] : [];
  return [...new Set([...fromArns, ...bare])].map((account) => ({
    resource: id,
    path: place.path,
    value: place.value,
    note: `${isPlaceholder(account) ? 'placeholder ' : ''}account ID ${account} written literally`,
  }));
}

/** Example account IDs that belong to nobody's stack: one digit repeated, or a counting sequence. */
function isPlaceholder(account: string): boolean {
  return /^(\d)\1{11}$/.test(account) || account === '123456789012' || account === '012345678901';
}
