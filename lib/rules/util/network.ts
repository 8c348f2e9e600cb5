/* VPC plumbing shared by network rules: subnets, their route tables, default routes, and what makes a subnet public. */
import { asList, getPath, referencedOfType, refersTo, resourcesOfType } from '../../templates/query';
import type { CfnResource, CfnTemplate, CfnValue } from '../../templates/types';
import type { Evidence } from '../types';

/** Logical IDs of the `AWS::EC2::Subnet`s whose VpcId references `vpcId`, in template order. */
export function subnetsOfVpc(template: CfnTemplate, vpcId: string): string[] {
  return resourcesOfType(template, 'AWS::EC2::Subnet')
    .filter(([, subnet]) => refersTo(subnet.Properties?.VpcId, vpcId))
    .map(([id]) => id);
}

/** Logical IDs of the route tables associated with `subnetId` through `AWS::EC2::SubnetRouteTableAssociation`. */
export function routeTablesOfSubnet(template: CfnTemplate, subnetId: string): string[] {
  return resourcesOfType(template, 'AWS::EC2::SubnetRouteTableAssociation')
    .filter(([, assoc]) => refersTo(assoc.Properties?.SubnetId, subnetId))
    .flatMap(([, assoc]) => referencedOfType(template, assoc.Properties?.RouteTableId, 'AWS::EC2::RouteTable'));
}

/** `[logicalId, route]` of every `AWS::EC2::Route` in the route tables of `subnetId`. */
export function routesOfSubnet(template: CfnTemplate, subnetId: string): [string, CfnResource][] {
  const tables = routeTablesOfSubnet(template, subnetId);
  return resourcesOfType(template, 'AWS::EC2::Route').filter(([, route]) =>
    tables.some((table) => refersTo(route.Properties?.RouteTableId, table)),
  );
}

/** Evidence that `subnetId` is public (maps public IPs, or routes to an internet gateway); empty when it is not. */
export function publicSubnetEvidence(template: CfnTemplate, subnetId: string): Evidence[] {
  const evidence: Evidence[] = [];
  const mapPublicIp = template.Resources[subnetId]?.Properties?.MapPublicIpOnLaunch;
  if (mapPublicIp === true || mapPublicIp === 'true') {
    evidence.push({
      resource: subnetId,
      path: 'Properties.MapPublicIpOnLaunch',
      value: mapPublicIp,
      note: 'the subnet assigns public IPs on launch',
    });
  }
  for (const [routeId, route] of routesOfSubnet(template, subnetId)) {
    const gateway = route.Properties?.GatewayId;
    if (routesToInternetGateway(template, gateway)) {
      evidence.push({
        resource: routeId,
        path: 'Properties.GatewayId',
        value: gateway,
        note: `subnet ${subnetId}'s route table routes to an internet gateway`,
      });
    }
  }
  return evidence;
}

/** Whether `subnetId` is public by the test of publicSubnetEvidence. */
export function isPublicSubnet(template: CfnTemplate, subnetId: string): boolean {
  return publicSubnetEvidence(template, subnetId).length > 0;
}

/** Logical IDs of the `AWS::EC2::NatGateway`s that `subnetId` routes 0.0.0.0/0 to. */
export function natGatewaysOfSubnet(template: CfnTemplate, subnetId: string): string[] {
  return routesOfSubnet(template, subnetId)
    .filter(([, route]) => route.Properties?.DestinationCidrBlock === '0.0.0.0/0')
    .flatMap(([, route]) => referencedOfType(template, route.Properties?.NatGatewayId, 'AWS::EC2::NatGateway'));
}

/**
 * A key naming a subnet's availability zone, equal for equal zones: the literal zone name, `GetAZs[i]`
 * for `Fn::Select [i, Fn::GetAZs]`, otherwise the value's JSON; undefined when the subnet names no zone.
 */
export function availabilityZoneKey(template: CfnTemplate, subnetId: string): string | undefined {
  const props = template.Resources[subnetId]?.Properties;
  const zone = props?.AvailabilityZone ?? props?.AvailabilityZoneId;
  if (zone === undefined || zone === null) return undefined;
  if (typeof zone === 'string') return zone;
  const select = getPath(zone, 'Fn::Select');
  if (Array.isArray(select) && isGetAZs(select[1])) return `GetAZs[${String(select[0])}]`;
  return JSON.stringify(zone);
}

/** Whether a value is an `Fn::GetAZs` call. */
function isGetAZs(value: CfnValue | undefined): boolean {
  return !!value && typeof value === 'object' && !Array.isArray(value) && 'Fn::GetAZs' in value;
}

/** Whether a route's GatewayId is an internet gateway: a literal `igw-` id, an IGW resource, or an attachment of one. */
function routesToInternetGateway(template: CfnTemplate, gateway: CfnValue | undefined): boolean {
  if (typeof gateway === 'string') return gateway.startsWith('igw-');
  if (referencedOfType(template, gateway, 'AWS::EC2::InternetGateway').length > 0) return true;
  return referencedOfType(template, gateway, 'AWS::EC2::VPCGatewayAttachment').some(
    (attachment) => asList(template.Resources[attachment].Properties?.InternetGatewayId).length > 0,
  );
}
