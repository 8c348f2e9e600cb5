import type { CfnValue } from '../../templates/types';
import type { Evidence, Rule, RuleInput, Violation } from '../types';
import { arnsIn, isCdkSynthesized, textsIn } from '../util/arns';

/** ARNs that write the partition (`arn:aws:`) instead of `${AWS::Partition}`: one finding for the whole template, listing every place. */
function check({ template }: RuleInput): Violation[] {
  // The CDK resolves the partition of a stack bound to a region itself; that is no author's choice.
  if (!template || isCdkSynthesized(template)) return [];
  const evidence: Evidence[] = Object.entries(template.Resources ?? {}).flatMap(([id, resource]) =>
    textsIn(resource?.Properties as CfnValue | undefined, 'Properties').flatMap((place) => {
      const partitions = [...new Set(arnsIn(place.text).map((arn) => arn.partition))].filter((p) => /^aws(-[a-z-]+)?$/.test(p));
      return partitions.map((partition) => ({
        resource: id,
        path: place.path,
        value: place.value,
        note: `ARN with the literal partition ${partition}${/:iam::aws:policy\//.test(place.text) ? ' (AWS managed policy)' : ''}`,
      }));
    }),
  );
  if (!evidence.length) return [];
  const resources = [...new Set(evidence.map((e) => e.resource!))];
  const managed = evidence.filter((e) => e.note.endsWith('(AWS managed policy)')).length;
  return [
    {
      message: `${evidence.length} ARN${evidence.length > 1 ? 's' : ''} in ${resources.length} resource${resources.length > 1 ? 's' : ''} write${evidence.length > 1 ? '' : 's'} the partition literally instead of \${AWS::Partition}; the template cannot be deployed to the China or GovCloud partitions${managed ? ` (${managed} of them ${managed > 1 ? 'are AWS managed policy ARNs' : 'is an AWS managed policy ARN'})` : ''}.`,
      resources,
      evidence,
    },
  ];
}

export const rule: Rule = { id: 'hardcoded-partition', check };
