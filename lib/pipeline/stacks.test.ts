import { describe, expect, it } from 'vitest';
import { resource, template } from '../rules/test-util';
import { fromObject } from '../templates/load';
import { pairStacks, type StackTemplate } from './stacks';

/** A stack named `name` holding resources `id: type`. */
function stack(name: string | undefined, resources: Record<string, string>): StackTemplate {
  const loaded = fromObject(template(Object.fromEntries(Object.entries(resources).map(([id, type]) => [id, resource(type)]))));
  return name === undefined ? { template: loaded } : { name, template: loaded };
}
const names = (pairs: ReturnType<typeof pairStacks>) => pairs.map((p) => [p.reference?.name, p.model?.name, p.pairedBy]);

describe('pairStacks', () => {
  it('pairs equal names, then names apart from an environment suffix or a hash, segment by segment for nested stacks', () => {
    const reference = [stack('TapStack', {}), stack('TapStack/Network', {}), stack('Monitoring-Stack', {})];
    const model = [stack('TapStackdev/Network', {}), stack('MonitoringStackA1B2C3D4', {}), stack('TapStack', {}), stack('TapStackdev', {})];
    expect(names(pairStacks(reference, model))).toEqual([
      ['TapStack/Network', 'TapStackdev/Network', 'name'],
      ['Monitoring-Stack', 'MonitoringStackA1B2C3D4', 'name'],
      ['TapStack', 'TapStack', 'name'],
      [undefined, 'TapStackdev', undefined],
    ]);
  });

  it('pairs stacks whose names differ by the logical ids they share, else by resource types, best overlap first', () => {
    const reference = [
      stack('Storage', { Bucket: 'AWS::S3::Bucket', Table: 'AWS::DynamoDB::Table' }),
      stack('Api', { Fn: 'AWS::Lambda::Function' }),
    ];
    const model = [
      stack('Compute', { Handler: 'AWS::Lambda::Function', CDKMetadata: 'AWS::CDK::Metadata' }),
      stack('Data', { Bucket: 'AWS::S3::Bucket' }),
      stack('Extra', { Topic: 'AWS::SNS::Topic' }),
    ];
    expect(names(pairStacks(reference, model))).toEqual([
      ['Api', 'Compute', 'resources'],
      ['Storage', 'Data', 'resources'],
      [undefined, 'Extra', undefined],
    ]);
  });

  it('pairs the one stack left on each side, an unnamed template included, and lists reference stacks left unpaired last', () => {
    expect(names(pairStacks([stack(undefined, { A: 'AWS::SNS::Topic' })], [stack('Main', { B: 'AWS::SQS::Queue' })]))).toEqual([
      [undefined, 'Main', 'only'],
    ]);
    const reference = [
      stack('Main', {}),
      stack('Audit', { Trail: 'AWS::CloudTrail::Trail' }),
      stack('Dns', { Zone: 'AWS::Route53::HostedZone' }),
    ];
    expect(names(pairStacks(reference, [stack('Main', {})]))).toEqual([
      ['Main', 'Main', 'name'],
      ['Audit', undefined, undefined],
      ['Dns', undefined, undefined],
    ]);
  });
});
