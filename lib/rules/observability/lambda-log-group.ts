import { getPath, referencedIds, refersTo, resourcesOfType } from '../../templates/query';
import type { CfnResource, CfnTemplate } from '../../templates/types';
import type { Rule, RuleInput, Violation } from '../types';
import { literalText } from '../util/cfn';
import { applicationFunctions, literalFunctionName } from '../util/lambda';

/** Log group resources: CloudFormation's, and CDK's `logRetention` custom resource, which sets retention on `/aws/lambda/<name>`. */
const LOG_GROUP_TYPES = ['AWS::Logs::LogGroup', 'Custom::LogRetention'];

/** Flags functions without an explicit log group, or whose log group has no RetentionInDays. */
function check({ template }: RuleInput): Violation[] {
  if (!template) return [];
  const violations: Violation[] = [];
  for (const [fnId, fn] of applicationFunctions(template)) {
    const groups = logGroupsOf(template, fnId, fn);
    if (groups.length === 0) {
      const configured = getPath(fn, 'Properties.LoggingConfig.LogGroup');
      violations.push({
        message: `${fnId} has no explicit log group with a retention period: its logs go to a log group CloudFormation does not manage, kept forever.`,
        resources: [fnId],
        evidence: [
          configured === undefined
            ? {
                resource: fnId,
                path: 'Properties.LoggingConfig.LogGroup',
                note: 'no AWS::Logs::LogGroup named /aws/lambda/<function> and no LoggingConfig.LogGroup',
              }
            : { resource: fnId, path: 'Properties.LoggingConfig.LogGroup', value: configured, note: 'names no log group of the template' },
        ],
      });
    } else if (!groups.some(([, g]) => g.Properties?.RetentionInDays !== undefined)) {
      const ids = groups.map(([id]) => id);
      violations.push({
        message: `${fnId}'s log group ${ids.join(', ')} has no RetentionInDays, so its logs are kept forever.`,
        resources: [fnId, ...ids],
        evidence: ids.map((id) => ({ resource: id, path: 'Properties.RetentionInDays', note: 'retention is missing' })),
      });
    }
  }
  return violations;
}

export const rule: Rule = { id: 'lambda-log-group', check };

/** The log groups a function writes to: those its LoggingConfig.LogGroup names, else those named `/aws/lambda/<function>`. */
function logGroupsOf(template: CfnTemplate, fnId: string, fn: CfnResource): [string, CfnResource][] {
  const groups = resourcesOfType(template).filter(([, r]) => LOG_GROUP_TYPES.includes(r.Type));
  const configured = getPath(fn, 'Properties.LoggingConfig.LogGroup');
  if (configured !== undefined) {
    const refs = referencedIds(configured);
    return groups.filter(([id, g]) => refs.has(id) || (typeof configured === 'string' && g.Properties?.LogGroupName === configured));
  }
  const name = literalFunctionName(fn);
  return groups.filter(([, g]) => {
    const groupName = g.Properties?.LogGroupName;
    const text = literalText(groupName);
    return (refersTo(groupName, fnId) && text?.startsWith('/aws/lambda/')) || (name !== undefined && text === `/aws/lambda/${name}`);
  });
}
