import type { ApprovalPolicy } from '../admin/settings';
import type { TemplateDiffJson } from '../diff/types';
import type { ApprovalDecision } from './types';

/**
 * Whether a change set needs an explicit confirmation, as the CDK CLI's `--require-approval`: `never` never;
 * `broadening` when IAM or security group permissions widen, or a resource is replaced or destroyed; `any-change`
 * whenever anything changes. The reasons say what triggered it.
 */
export function decideApproval(policy: ApprovalPolicy, diff: TemplateDiffJson): ApprovalDecision {
  const reasons: string[] = [];
  if (policy === 'never') return { required: false, policy, reasons };
  if (diff.permissionsBroadened) reasons.push('IAM permissions or security group rules are broadened');
  const replaced = diff.resources.filter((r) => r.impact === 'replace' || r.impact === 'may-replace').map((r) => r.logicalId);
  const destroyed = diff.resources.filter((r) => r.impact === 'destroy' || r.impact === 'orphan').map((r) => r.logicalId);
  if (replaced.length > 0) reasons.push(`replaces ${list(replaced)}`);
  if (destroyed.length > 0) reasons.push(`removes ${list(destroyed)}`);
  if (policy === 'any-change' && reasons.length === 0 && !diff.empty) {
    reasons.push(`${diff.resources.length} resource change(s) and the policy asks for approval of any change`);
  }
  return { required: reasons.length > 0, policy, reasons };
}

function list(ids: string[]): string {
  return ids.length <= 3 ? ids.join(', ') : `${ids.slice(0, 3).join(', ')} and ${ids.length - 3} more`;
}
