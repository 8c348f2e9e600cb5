/* What EC2 instances boot from: the launch templates and configurations of instances and Auto Scaling groups, their user data, and the cfn-signal calls in it. */
import { getPath, referencedOfType, resourcesOfType, stringLiterals } from '../../templates/query';
import type { CfnTemplate, CfnValue } from '../../templates/types';
import { literalText } from './cfn';
import { settingOf } from './settings';

/** Logical IDs of the template's launch templates that a LaunchTemplate specification names, by reference or by literal name. */
export function launchTemplatesOf(template: CfnTemplate, spec: CfnValue | undefined): string[] {
  if (!spec) return [];
  const byRef = referencedOfType(template, spec, 'AWS::EC2::LaunchTemplate');
  const name = getPath(spec, 'LaunchTemplateName');
  const byName =
    typeof name === 'string'
      ? resourcesOfType(template, 'AWS::EC2::LaunchTemplate')
          .filter(([, lt]) => lt.Properties?.LaunchTemplateName === name)
          .map(([id]) => id)
      : [];
  return [...new Set([...byRef, ...byName])];
}

/**
 * The resources whose user data boots the instances of `id`: an instance itself and its launch template; an Auto
 * Scaling group's launch template (plain or in a mixed instances policy) or launch configuration. Empty for other types.
 */
export function bootSourcesOf(template: CfnTemplate, id: string): string[] {
  const resource = template.Resources[id];
  const props = resource?.Properties ?? {};
  if (resource?.Type === 'AWS::EC2::Instance') return [id, ...launchTemplatesOf(template, props.LaunchTemplate)];
  if (resource?.Type !== 'AWS::AutoScaling::AutoScalingGroup') return [];
  const spec = props.LaunchTemplate ?? getPath(props, 'MixedInstancesPolicy.LaunchTemplate.LaunchTemplateSpecification');
  return [
    ...launchTemplatesOf(template, spec),
    ...referencedOfType(template, props.LaunchConfigurationName, 'AWS::AutoScaling::LaunchConfiguration'),
  ];
}

/** Path of the user data in a boot source (instance, launch template or launch configuration). */
export function userDataPath(template: CfnTemplate, id: string): string {
  return template.Resources[id]?.Type === 'AWS::EC2::LaunchTemplate' ? 'Properties.LaunchTemplateData.UserData' : 'Properties.UserData';
}

/**
 * The text a boot source runs: its user data (Fn::Base64 unwrapped, non-literal parts as `*`) and its
 * AWS::CloudFormation::Init metadata; undefined when the user data cannot be read as text (a Ref, a Fn::If).
 */
export function bootText(template: CfnTemplate, id: string): string | undefined {
  const resource = template.Resources[id];
  const raw = getPath(resource, userDataPath(template, id));
  const inner = getPath(raw, 'Fn::Base64') ?? raw;
  const userData = inner === undefined ? '' : literalText(inner);
  if (userData === undefined) return undefined;
  const init = stringLiterals(resource?.Metadata?.['AWS::CloudFormation::Init']).map((s) => s.value);
  return [userData, ...init].join('\n');
}

/** A boot command that runs a script fetched at boot (`curl ... | bash`, `aws s3 cp s3://.../x.sh`). */
const RUNS_FETCHED_SCRIPT = /(?:curl|wget)\b[^\n|]*\|\s*(?:sudo\s+)?(?:ba)?sh\b|aws\s+s3\s+cp\s+\S+\.sh\b/;

/** A resource signal in boot text: the logical ID it names, or `unknown` when that is not a literal. */
export interface ResourceSignal {
  target: string | 'unknown';
  command: string;
}

/** The resource signals (`cfn-signal --resource X`, `aws cloudformation signal-resource --logical-resource-id X`) in boot text; wait-handle signals are not resource signals. */
export function resourceSignals(text: string): ResourceSignal[] {
  const signals: ResourceSignal[] = [];
  // A script fetched and run at boot may send the signal; what it says cannot be read here.
  if (RUNS_FETCHED_SCRIPT.test(text)) return [{ target: 'unknown', command: RUNS_FETCHED_SCRIPT.exec(text)?.[0] ?? '' }];
  for (const match of text.matchAll(/cfn-signal|signal-resource/g)) {
    const command = commandAt(text, match.index ?? 0);
    const target = /--(?:resource|logical-resource-id)(?:=|\s+)["']?([^\s"';)]+)/.exec(command)?.[1];
    if (target !== undefined) signals.push({ target: /^[A-Za-z0-9]+$/.test(target) ? target : 'unknown', command: command.trim() });
    // A command built from non-literal parts might name the resource where the placeholder stands.
    else if (command.includes('*')) signals.push({ target: 'unknown', command: command.trim() });
  }
  return signals;
}

/** Whether a resource waits for resource signals: a CreationPolicy ResourceSignal, or a rolling update with WaitOnResourceSignals. */
export function waitsForSignals(template: CfnTemplate, id: string): boolean {
  const resource = template.Resources[id];
  if (getPath(resource, 'CreationPolicy.ResourceSignal') !== undefined) return true;
  return settingOf(getPath(resource, 'UpdatePolicy.AutoScalingRollingUpdate.WaitOnResourceSignals')) === true;
}

/** The command starting at `index`: up to the first line end not continued by a backslash. */
function commandAt(text: string, index: number): string {
  const rest = text.slice(index);
  const end = rest.search(/(?<!\\)\n/);
  return end === -1 ? rest : rest.slice(0, end);
}
