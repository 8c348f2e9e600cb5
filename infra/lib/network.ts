import { CfnResource } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { Construct } from 'constructs';
import { ACK_METADATA_KEY } from '../../lib/rules/metadata-acknowledgements';
import { MAX_AZS } from './config';

const SINGLE_NAT_REASON =
  'Single NAT gateway kept for cost, as the seed review notes; set natGateways=2 (one per AZ) for production high availability.';

/** Props of {@link Network}. */
export interface NetworkProps {
  /** 1 for cost, 2 (one per AZ) for production high availability. */
  natGateways: number;
}

/**
 * A VPC over two zones derived from the region (never literal names), with public subnets and
 * private subnets that egress through `natGateways` NAT gateways, and a flow log of all its traffic to CloudWatch Logs. Fewer NAT gateways than zones
 * is acknowledged in the template, on the VPC and on every NAT gateway, with the reason.
 */
export class Network extends Construct {
  public readonly vpc: ec2.Vpc;
  public readonly natGatewayCount: number;

  constructor(scope: Construct, id: string, props: NetworkProps) {
    super(scope, id);
    this.natGatewayCount = props.natGateways;
    this.vpc = new ec2.Vpc(this, 'Vpc', {
      maxAzs: MAX_AZS,
      natGateways: props.natGateways,
      // The restricting custom resource would need an asset-backed Lambda; this stack stays asset-free.
      restrictDefaultSecurityGroup: false,
      subnetConfiguration: [
        { name: 'Public', subnetType: ec2.SubnetType.PUBLIC, cidrMask: 24 },
        { name: 'Private', subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS, cidrMask: 24 },
      ],
      flowLogs: { All: { destination: ec2.FlowLogDestination.toCloudWatchLogs(), trafficType: ec2.FlowLogTrafficType.ALL } },
    });
    if (props.natGateways < MAX_AZS) this.acknowledgeSharedNat();
  }

  /** Writes the nat-gateway-redundancy acknowledgement on the VPC and on each NAT gateway resource. */
  private acknowledgeSharedNat(): void {
    const ack = { acknowledge: [{ rule: 'nat-gateway-redundancy', reason: SINGLE_NAT_REASON }] };
    (this.vpc.node.defaultChild as ec2.CfnVPC).addMetadata(ACK_METADATA_KEY, ack);
    for (const subnet of this.vpc.publicSubnets) {
      const nat = subnet.node.tryFindChild('NATGateway');
      if (nat instanceof CfnResource) nat.addMetadata(ACK_METADATA_KEY, ack);
    }
  }
}
