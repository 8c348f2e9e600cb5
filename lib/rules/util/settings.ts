/* Reading protection settings that CloudFormation leaves off unless the template turns them on. */
import type { CfnValue } from '../../templates/types';

/** A setting as written: a literal `true`/`false` (strings too), `absent`, or `unknown` (an intrinsic such as Fn::If or Ref). */
export type Setting = boolean | 'absent' | 'unknown';

/** How a boolean property is set; intrinsics are `unknown`, never guessed. */
export function settingOf(value: CfnValue | undefined): Setting {
  if (value === undefined || value === null) return 'absent';
  if (value === true || value === 'true' || value === 'True') return true;
  if (value === false || value === 'false' || value === 'False') return false;
  return 'unknown';
}

/** Whether a value is present and is not an intrinsic that might resolve to nothing (`Ref: AWS::NoValue`, Fn::If). */
export function isSet(value: CfnValue | undefined): boolean {
  if (value === undefined || value === null || value === '') return false;
  return !(typeof value === 'object' && !Array.isArray(value) && ('Fn::If' in value || value.Ref === 'AWS::NoValue'));
}

/** Whether a value is an object whose key is an intrinsic function (`Fn::If`, `Ref`, ...), i.e. not readable as written. */
export function isIntrinsic(value: CfnValue | undefined): boolean {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return false;
  const keys = Object.keys(value);
  return keys.length === 1 && (keys[0] === 'Ref' || keys[0].startsWith('Fn::'));
}
