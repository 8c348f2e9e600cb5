import { describe, expect, it } from 'vitest';
import { resource, template } from '../rules/test-util';
import { templateSectionFindings } from './template-sections';
import { alignment } from './test-util';

const resources = { Cluster: resource('AWS::RDS::DBCluster') };

describe('templateSectionFindings', () => {
  it('non-compliant: one finding per section listing what the model lacks, renamed entries said as such', () => {
    const reference = template(resources, {
      Parameters: { EnvironmentSuffix: { Type: 'String', Default: 'dev' }, DbName: { Type: 'String' } },
      Outputs: { ClusterEndpoint: { Value: { 'Fn::GetAtt': ['Cluster', 'Endpoint.Address'] } } },
    });
    const model = template(resources, { Parameters: { Environment: { Type: 'String', Default: 'dev' }, DbName: { Type: 'String' } } });
    const findings = templateSectionFindings(reference, model, alignment(reference, model));
    expect(findings.map((f) => [f.title, f.severity])).toEqual([
      ['Parameters of the reference missing', 'warning'],
      ['Outputs of the reference missing', 'warning'],
    ]);
    expect(findings[0].message).toContain('`EnvironmentSuffix` (renamed `Environment`)');
    expect(findings[1].evidence).toEqual([expect.objectContaining({ path: 'Outputs.ClusterEndpoint' })]);
    expect(findings[1].fix).toContain('output `ClusterEndpoint`');
  });

  it('non-compliant: an output the model keeps without its export', () => {
    const output = { Value: { Ref: 'Cluster' } };
    const reference = template(resources, { Outputs: { Id: { ...output, Export: { Name: { 'Fn::Sub': '${AWS::StackName}-Id' } } } } });
    const model = template(resources, { Outputs: { Id: output } });
    expect(templateSectionFindings(reference, model, alignment(reference, model)).map((f) => f.title)).toEqual([
      'Exports of the reference missing',
    ]);
  });

  it('compliant: CDK bookkeeping and CDK output hashes are no difference', () => {
    const reference = template(resources, {
      Parameters: { BootstrapVersion: { Type: 'String' } },
      Conditions: { CDKMetadataAvailable: true },
      Outputs: { ApiUrl4F160690: { Value: 'x' }, ExportsOutputRefCluster1234: { Value: 'y' } },
    });
    const model = template(resources, { Outputs: { ApiUrlA1B2C3D4: { Value: 'x' } } });
    expect(templateSectionFindings(reference, model, alignment(reference, model))).toEqual([]);
  });
});
