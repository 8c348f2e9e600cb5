import type { Finding } from '../rules/finding';
import type { DeployedView } from './types';

/** What the deployed template says about one rule, for the findings view's third column. */
export type DeployedResult =
  /** The rule has open findings on the deployed template (`acknowledged` more that it accepts). */
  | { kind: 'found'; open: number; acknowledged: number }
  /** Every finding of the rule on the deployed template is acknowledged. */
  | { kind: 'acknowledged'; acknowledged: number }
  | { kind: 'clear' }
  /** The findings concern source code, which a deployed template does not have. */
  | { kind: 'not-applicable' }
  | { kind: 'not-deployed' }
  | { kind: 'unavailable' };

/** The deployed template's result for `rule`, given the findings of that rule a row shows (to tell source-only rules apart). */
export function deployedResultOf(
  view: Pick<DeployedView, 'analysis' | 'deployedFindings'>,
  rule: string,
  shown: readonly Finding[],
): DeployedResult {
  if (view.analysis !== 'analyzed') return { kind: view.analysis };
  const ofRule = view.deployedFindings.filter((f) => f.rule === rule);
  const acknowledged = ofRule.filter((f) => f.acknowledged).length;
  const open = ofRule.length - acknowledged;
  if (open > 0) return { kind: 'found', open, acknowledged };
  if (acknowledged > 0) return { kind: 'acknowledged', acknowledged };
  const sourceOnly = shown.length > 0 && shown.every((f) => f.resources.length === 0 && f.location !== undefined);
  return sourceOnly ? { kind: 'not-applicable' } : { kind: 'clear' };
}
