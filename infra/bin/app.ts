import { App } from 'aws-cdk-lib';
import { resolveReferenceConfig, type ReferenceConfig } from '../lib/config';
import { REFERENCE_STACK_ID, ReferenceStack } from '../lib/reference-stack';

/**
 * The reference stack as a CDK app: `cdk synth -c natGateways=2 -c stackName=...` from infra/.
 * Context wins over environment variables; the account comes only from context `account`
 * (not CDK_DEFAULT_ACCOUNT) so that the VPC's zones stay `Fn::GetAZs` rather than a looked-up list.
 */
const app = new App({ analyticsReporting: false });
const context = (key: string): string | undefined => {
  const value: unknown = app.node.tryGetContext(key);
  return value === undefined || value === null || value === '' ? undefined : String(value);
};
const numeric = (value: string | undefined): number | undefined => (value === undefined ? undefined : Number(value));

const config: ReferenceConfig = resolveReferenceConfig({
  natGateways: numeric(context('natGateways') ?? process.env.NAT_GATEWAYS),
  provisionedConcurrency: numeric(context('provisionedConcurrency')),
  stackName: context('stackName') ?? process.env.STACK_NAME,
  region: context('region') ?? process.env.CDK_DEFAULT_REGION ?? process.env.AWS_REGION,
  account: context('account'),
});

new ReferenceStack(app, REFERENCE_STACK_ID, { config });
