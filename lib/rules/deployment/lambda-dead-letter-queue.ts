import { getPath, resourcesOfType } from '../../templates/query';
import type { CfnTemplate } from '../../templates/types';
import type { Evidence, Rule, RuleInput, Violation } from '../types';
import { applicationFunctions, namesFunction } from '../util/lambda';

/** Resource types whose `DestinationConfig.OnFailure` captures a function's failed events. */
const ON_FAILURE_TYPES = ['AWS::Lambda::EventInvokeConfig', 'AWS::Lambda::EventSourceMapping'];

/** Flags functions with neither a dead-letter queue nor an on-failure destination (async invoke config or event source mapping). */
function check({ template }: RuleInput): Violation[] {
  if (!template) return [];
  const violations: Violation[] = [];
  for (const [fnId, fn] of applicationFunctions(template)) {
    if (getPath(fn, 'Properties.DeadLetterConfig.TargetArn') !== undefined) continue;
    const configs = configsOf(template, fnId);
    if (configs.some(([, c]) => getPath(c, 'Properties.DestinationConfig.OnFailure.Destination') !== undefined)) continue;
    const evidence: Evidence[] = [
      { resource: fnId, path: 'Properties.DeadLetterConfig.TargetArn', note: 'no dead-letter queue' },
      ...configs.map(([id]) => ({
        resource: id,
        path: 'Properties.DestinationConfig.OnFailure',
        note: `${id} configures ${fnId} without an on-failure destination`,
      })),
    ];
    if (configs.length === 0)
      evidence.push({
        resource: fnId,
        note: 'no AWS::Lambda::EventInvokeConfig or EventSourceMapping with DestinationConfig.OnFailure targets this function',
      });
    violations.push({
      message: `${fnId} has no dead-letter queue (DeadLetterConfig) and no on-failure destination, so failed invocations are lost.`,
      resources: [fnId],
      evidence,
    });
  }
  return violations;
}

export const rule: Rule = { id: 'lambda-dead-letter-queue', check };

/** EventInvokeConfigs and EventSourceMappings whose FunctionName designates `fnId`. */
function configsOf(template: CfnTemplate, fnId: string) {
  return resourcesOfType(template).filter(
    ([, r]) => ON_FAILURE_TYPES.includes(r.Type) && namesFunction(template, r.Properties?.FunctionName, fnId),
  );
}
