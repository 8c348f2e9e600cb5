import { App, CfnOutput, Stack, type StackProps } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import type { Construct } from 'constructs';
import { Compute } from './compute';
import { resolveReferenceConfig, type ReferenceConfig } from './config';
import { Data } from './data';
import { Edge } from './edge';
import { Monitoring } from './monitoring';
import { Network } from './network';
import { assetFreeSynthesizer, createSynthApp } from './synth';

export { DEFAULT_REFERENCE_CONFIG, resolveReferenceConfig, type ReferenceConfig } from './config';

/** Props of {@link ReferenceStack}: the resolved config drives the construct tree; env is derived from it. */
export interface ReferenceStackProps extends Omit<StackProps, 'env' | 'synthesizer' | 'stackName'> {
  config: ReferenceConfig;
}

/**
 * The seed review's ideal stack: every one of its 14 failures fixed. Asset-free and
 * bootstrap-free, so its template deploys to any plain CloudFormation endpoint.
 */
export class ReferenceStack extends Stack {
  public readonly network: Network;
  public readonly data: Data;
  public readonly compute: Compute;
  public readonly edge: Edge;
  public readonly monitoring: Monitoring;

  constructor(scope: Construct, id: string, props: ReferenceStackProps) {
    const { config, ...stackProps } = props;
    super(scope, id, {
      ...stackProps,
      stackName: config.stackName,
      env: { region: config.region, account: config.account },
      synthesizer: assetFreeSynthesizer(),
    });
    this.network = new Network(this, 'Network', { natGateways: config.natGateways });
    this.data = new Data(this, 'Data');
    this.compute = new Compute(this, 'Compute', {
      vpc: this.network.vpc,
      table: this.data.table,
      bucket: this.data.bucket,
      provisionedConcurrency: config.provisionedConcurrency,
    });
    this.edge = new Edge(this, 'Edge', { handler: this.compute.alias });
    this.monitoring = new Monitoring(this, 'Monitoring', {
      fn: this.compute.fn,
      deadLetterQueue: this.compute.deadLetterQueue,
    });
    this.grantDataAccess();
    this.addOutputs();
  }

  /** Exactly the calls lambda/handler.py makes, on exactly this table and this bucket's item prefix. */
  private grantDataAccess(): void {
    this.compute.fn.addToRolePolicy(
      new iam.PolicyStatement({
        sid: 'ReadWriteItems',
        actions: ['dynamodb:GetItem', 'dynamodb:PutItem'],
        resources: [this.data.table.tableArn],
      }),
    );
    this.compute.fn.addToRolePolicy(
      new iam.PolicyStatement({
        sid: 'ArchiveItems',
        actions: ['s3:PutObject'],
        resources: [this.data.bucket.arnForObjects('items/*')],
      }),
    );
  }

  private addOutputs(): void {
    new CfnOutput(this, 'ApiUrl', { value: this.edge.api.url, description: 'Regional API Gateway endpoint (uncached)' });
    new CfnOutput(this, 'DistributionDomainName', {
      value: this.edge.distribution.distributionDomainName,
      description: 'CloudFront domain that caches the API',
    });
    new CfnOutput(this, 'TableName', { value: this.data.table.tableName });
    new CfnOutput(this, 'BucketName', { value: this.data.bucket.bucketName });
    new CfnOutput(this, 'FunctionName', { value: this.compute.fn.functionName });
  }
}

/** Logical ID (construct id) of the reference stack inside its app. */
export const REFERENCE_STACK_ID = 'InfraReviewReference';

/**
 * A fresh app holding one ReferenceStack built from `config` (defaults filled in, validated);
 * nothing is written until the caller synthesizes, and then only into a temp outdir.
 */
export function buildReferenceApp(config: Partial<ReferenceConfig> = {}): { app: App; stack: ReferenceStack; config: ReferenceConfig } {
  const resolved = resolveReferenceConfig(config);
  const app = createSynthApp();
  const stack = new ReferenceStack(app, REFERENCE_STACK_ID, { config: resolved });
  return { app, stack, config: resolved };
}
