/* Small readings of CloudFormation values shared by rules: literal numbers and the literal text of joined strings. */
import type { CfnValue } from '../../templates/types';

/** A literal number (or numeric string) as a number; undefined for intrinsics and anything else. */
export function literalNumber(value: CfnValue | undefined): number | undefined {
  if (typeof value === 'number') return value;
  if (typeof value === 'string' && value.trim() !== '' && !Number.isNaN(Number(value))) return Number(value);
  return undefined;
}

/**
 * The literal text of a string-valued expression: a string as is, `Fn::Join` and `Fn::Sub` with every
 * non-literal part (Ref, GetAtt, `${...}`) replaced by `placeholder`; undefined for anything else.
 * `{"Fn::Join":["",["arn:",{"Ref":"AWS::Partition"},":iam::aws:policy/X"]]}` gives `arn:*:iam::aws:policy/X`.
 */
export function literalText(value: CfnValue | undefined, placeholder = '*'): string | undefined {
  if (typeof value === 'string') return value;
  if (!value || typeof value !== 'object' || Array.isArray(value)) return undefined;
  const join = value['Fn::Join'];
  if (Array.isArray(join) && typeof join[0] === 'string' && Array.isArray(join[1])) {
    return join[1].map((part) => literalText(part, placeholder) ?? placeholder).join(join[0]);
  }
  const sub = value['Fn::Sub'];
  const text = Array.isArray(sub) ? sub[0] : sub;
  if (typeof text === 'string') return text.replace(/\$\{(?!!)[^}]*\}/g, placeholder);
  return undefined;
}
