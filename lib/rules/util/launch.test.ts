import { describe, expect, it } from 'vitest';
import { inputFromText } from '../test-util';
import { bootSourcesOf, bootText, resourceSignals } from './launch';

describe('resourceSignals', () => {
  it('reads the target of cfn-signal and signal-resource in their spellings', () => {
    const text = [
      '/opt/aws/bin/cfn-signal -e $? --stack s --resource=Group --region r',
      "cfn-signal -e 0 --stack s \\\n  --resource 'Server'",
      'aws cloudformation signal-resource --stack-name s --logical-resource-id Fleet --unique-id i --status SUCCESS',
    ].join('\n');
    expect(resourceSignals(text).map((s) => s.target)).toEqual(['Group', 'Server', 'Fleet']);
  });

  it('gives unknown for a target built from a variable, and nothing for a wait condition signal', () => {
    expect(resourceSignals('cfn-signal --stack s --resource $RESOURCE')).toEqual([
      { target: 'unknown', command: 'cfn-signal --stack s --resource $RESOURCE' },
    ]);
    expect(resourceSignals("cfn-signal -e 0 -r 'done' https://cloudformation-waitcondition.example/handle")).toEqual([]);
  });
});

describe('bootSourcesOf and bootText', () => {
  const template = inputFromText(`
Resources:
  Template:
    Type: AWS::EC2::LaunchTemplate
    Metadata: { 'AWS::CloudFormation::Init': { config: { commands: { ready: { command: 'cfn-signal --resource Group' } } } } }
    Properties: { LaunchTemplateData: { UserData: { 'Fn::Base64': { 'Fn::Join': ['', ["#!/bin/bash\\n", 'echo ', { Ref: 'AWS::Region' }]] } } } }
  Config: { Type: AWS::AutoScaling::LaunchConfiguration, Properties: { ImageId: ami-1, UserData: { Ref: Script } } }
  Group: { Type: AWS::AutoScaling::AutoScalingGroup, Properties: { MinSize: '1', MaxSize: '1', LaunchTemplate: { LaunchTemplateId: !Ref Template, Version: '1' } } }
  Old: { Type: AWS::AutoScaling::AutoScalingGroup, Properties: { MinSize: '1', MaxSize: '1', LaunchConfigurationName: !Ref Config } }
`).template!;

  it('finds what instances boot from and reads its user data and init commands', () => {
    expect(bootSourcesOf(template, 'Group')).toEqual(['Template']);
    expect(bootSourcesOf(template, 'Old')).toEqual(['Config']);
    expect(bootText(template, 'Template')).toBe('#!/bin/bash\necho *\ncfn-signal --resource Group');
  });

  it('cannot read user data given as a reference', () => {
    expect(bootText(template, 'Config')).toBeUndefined();
  });
});
