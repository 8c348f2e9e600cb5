import { Match, Template } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { findAcknowledgement, readAcknowledgements } from '../../lib/rules/metadata-acknowledgements';
import type { CfnTemplate } from '../../lib/templates/types';
import { Network } from './network';
import { unitStack } from './testing';

function networkTemplate(natGateways: number): Template {
  const stack = unitStack({ env: { region: 'eu-west-1' } });
  new Network(stack, 'Network', { natGateways });
  return Template.fromStack(stack);
}

describe('Network', () => {
  it('takes every subnet zone from the region with Fn::GetAZs, never a literal zone name', () => {
    const subnets = networkTemplate(1).findResources('AWS::EC2::Subnet');
    expect(Object.keys(subnets)).toHaveLength(4);
    for (const subnet of Object.values(subnets)) {
      expect(subnet.Properties.AvailabilityZone).toEqual({ 'Fn::Select': [expect.any(Number), { 'Fn::GetAZs': '' }] });
    }
  });

  it('has public subnets and private subnets that egress through a NAT gateway', () => {
    const template = networkTemplate(1);
    template.resourcePropertiesCountIs('AWS::EC2::Subnet', { MapPublicIpOnLaunch: true }, 2);
    template.resourcePropertiesCountIs('AWS::EC2::Subnet', { MapPublicIpOnLaunch: false }, 2);
    template.resourcePropertiesCountIs('AWS::EC2::Route', { NatGatewayId: Match.anyValue() }, 2);
  });

  it('creates one NAT gateway by default and acknowledges it on the VPC and the NAT gateway', () => {
    const template = networkTemplate(1);
    template.resourceCountIs('AWS::EC2::NatGateway', 1);
    const json = template.toJSON() as CfnTemplate;
    const acks = readAcknowledgements(json);
    const vpcId = Object.keys(template.findResources('AWS::EC2::VPC'))[0]!;
    const natId = Object.keys(template.findResources('AWS::EC2::NatGateway'))[0]!;
    expect(findAcknowledgement(acks, 'nat-gateway-redundancy', [vpcId])?.reason).toMatch(/natGateways=2/);
    expect(findAcknowledgement(acks, 'nat-gateway-redundancy', [natId])?.reason).toMatch(/cost/);
  });

  it('creates one NAT gateway per zone when asked for two, with nothing to acknowledge', () => {
    const template = networkTemplate(2);
    template.resourceCountIs('AWS::EC2::NatGateway', 2);
    expect(readAcknowledgements(template.toJSON() as CfnTemplate)).toEqual([]);
  });

  it('adds no custom resource to restrict the default security group', () => {
    const types = Object.values(networkTemplate(1).toJSON().Resources as Record<string, { Type: string }>).map((r) => r.Type);
    expect(types.filter((t) => t.startsWith('Custom::'))).toEqual([]);
  });
});
