/** Settings of the reference stack; every field has a default so callers pass only what they change. */
export interface ReferenceConfig {
  /** NAT gateways: 1 keeps cost down (acknowledged in the template); 2 is one per AZ, the production setting. */
  natGateways: number;
  stackName: string;
  region: string;
  /** Left undefined by default so the VPC's zones stay `Fn::GetAZs` instead of a looked-up literal list. */
  account?: string;
  /** Provisioned concurrency of the `live` alias that the API invokes. */
  provisionedConcurrency: number;
}

/** Defaults of the reference stack: one NAT gateway, us-east-1, one warm execution environment. */
export const DEFAULT_REFERENCE_CONFIG: Readonly<ReferenceConfig> = {
  natGateways: 1,
  stackName: 'InfraReviewReference',
  region: 'us-east-1',
  provisionedConcurrency: 1,
};

/** Availability zones the reference VPC spans; NAT gateways beyond this number would be wasted. */
export const MAX_AZS = 2;

/** A complete, validated config: defaults filled in; throws on values CDK would reject or silently clamp. */
export function resolveReferenceConfig(config: Partial<ReferenceConfig> = {}): ReferenceConfig {
  const defined = Object.fromEntries(Object.entries(config).filter(([, v]) => v !== undefined));
  const resolved: ReferenceConfig = { ...DEFAULT_REFERENCE_CONFIG, ...defined };
  const problems: string[] = [];
  if (!Number.isInteger(resolved.natGateways) || resolved.natGateways < 1 || resolved.natGateways > MAX_AZS) {
    problems.push(`natGateways must be an integer from 1 to ${MAX_AZS} (got ${resolved.natGateways})`);
  }
  if (!Number.isInteger(resolved.provisionedConcurrency) || resolved.provisionedConcurrency < 1) {
    problems.push(`provisionedConcurrency must be a positive integer (got ${resolved.provisionedConcurrency})`);
  }
  if (!/^[A-Za-z][A-Za-z0-9-]{0,127}$/.test(resolved.stackName)) {
    problems.push(`stackName must start with a letter and hold only letters, digits and hyphens (got "${resolved.stackName}")`);
  }
  if (!/^[a-z]{2}(-[a-z]+)+-\d$/.test(resolved.region)) problems.push(`region is not an AWS region name (got "${resolved.region}")`);
  if (resolved.account !== undefined && !/^\d{12}$/.test(resolved.account)) {
    problems.push(`account must be 12 digits (got "${resolved.account}")`);
  }
  if (problems.length > 0) throw new Error(`Invalid reference config: ${problems.join('; ')}`);
  return resolved;
}
