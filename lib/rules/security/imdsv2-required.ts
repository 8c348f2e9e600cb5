import { getPath, referencedOfType, resourcesOfType } from '../../templates/query';
import type { CfnTemplate, CfnValue } from '../../templates/types';
import type { Evidence, Rule, RuleInput, Violation } from '../types';
import { literalText } from '../util/cfn';
import { launchTemplatesOf } from '../util/launch';
import { isIntrinsic } from '../util/settings';

/** Instances, launch templates and launch configurations must require IMDSv2 tokens (or turn the metadata endpoint off). */
function check({ template }: RuleInput): Violation[] {
  if (!template) return [];
  const violations = new Map<string, Violation>();
  const report = (id: string, evidence: Evidence, launchedBy: string[] = []) => {
    const existing = violations.get(id);
    if (existing) existing.resources = [...new Set([...(existing.resources ?? []), ...launchedBy])];
    else
      violations.set(id, {
        message: `${id} lets instances use IMDSv1: ${evidence.note}.`,
        resources: [id, ...launchedBy],
        evidence: [evidence],
      });
  };
  for (const [id, lt] of resourcesOfType(template, 'AWS::EC2::LaunchTemplate')) {
    const data = lt.Properties?.LaunchTemplateData;
    const finding = judge(
      template,
      getPath(data, 'MetadataOptions'),
      getPath(data, 'ImageId'),
      'Properties.LaunchTemplateData.MetadataOptions',
    );
    if (finding) report(id, { resource: id, ...finding });
  }
  for (const [id, instance] of resourcesOfType(template, 'AWS::EC2::Instance')) {
    const props = instance.Properties ?? {};
    const own = props.MetadataOptions;
    // The instance's own MetadataOptions override its launch template's; without a template, or when they decide, they are judged.
    const ownDecides = isIntrinsic(own) || getPath(own, 'HttpTokens') !== undefined || getPath(own, 'HttpEndpoint') === 'disabled';
    if (props.LaunchTemplate === undefined || ownDecides) {
      const finding = judge(template, own, props.ImageId, 'Properties.MetadataOptions');
      if (finding) report(id, { resource: id, ...finding });
      continue;
    }
    for (const lt of launchTemplatesOf(template, props.LaunchTemplate))
      if (violations.has(lt)) report(lt, violations.get(lt)!.evidence![0], [id]);
  }
  for (const [id, group] of resourcesOfType(template, 'AWS::AutoScaling::AutoScalingGroup')) {
    const props = group.Properties ?? {};
    const spec = props.LaunchTemplate ?? getPath(props, 'MixedInstancesPolicy.LaunchTemplate.LaunchTemplateSpecification');
    for (const lt of launchTemplatesOf(template, spec)) if (violations.has(lt)) report(lt, violations.get(lt)!.evidence![0], [id]);
    for (const lc of referencedOfType(template, props.LaunchConfigurationName, 'AWS::AutoScaling::LaunchConfiguration')) {
      const config = template.Resources[lc].Properties ?? {};
      const finding = judge(template, config.MetadataOptions, config.ImageId, 'Properties.MetadataOptions');
      if (finding) report(lc, { resource: lc, ...finding }, [id]);
    }
  }
  return [...violations.values()];
}

export const rule: Rule = { id: 'imdsv2-required', check };

/** Why MetadataOptions lets IMDSv1 through (path, value, note), or undefined when IMDSv2 is required, IMDS is off, or it cannot be told. */
function judge(
  template: CfnTemplate,
  options: CfnValue | undefined,
  imageId: CfnValue | undefined,
  path: string,
): Omit<Evidence, 'resource'> | undefined {
  if (isIntrinsic(options)) return undefined;
  const tokens = getPath(options, 'HttpTokens');
  if (tokens === 'required' || getPath(options, 'HttpEndpoint') === 'disabled') return undefined;
  if (tokens === 'optional') return { path: `${path}.HttpTokens`, value: tokens, note: 'HttpTokens is optional' };
  if (tokens !== undefined || requiresImdsv2ByImage(template, imageId)) return undefined;
  return { path: `${path}.HttpTokens`, note: 'HttpTokens is not set, and the metadata service accepts IMDSv1 by default' };
}

/** Whether the image is Amazon Linux 2023 (from its SSM parameter, ECS and EKS variants too), whose AMIs require IMDSv2 unless told otherwise. */
function requiresImdsv2ByImage(template: CfnTemplate, imageId: CfnValue | undefined): boolean {
  const ref = getPath(imageId, 'Ref');
  const value = typeof ref === 'string' ? template.Parameters?.[ref]?.Default : imageId;
  return /al2023|amazon-linux-2023/i.test(literalText(value as CfnValue | undefined) ?? '');
}
