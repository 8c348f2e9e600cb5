/* VPC plumbing shared by network rules: subnets, their route tables, default routes, and what makes a subnet public. */
import { asList, getPath, referencedIds, referencedOfType, refersTo, resourcesOfType } from '../../templates/query';
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
  return routingOf(template).tablesBySubnet.get(subnetId) ?? [];
}

/** `[logicalId, route]` of every `AWS::EC2::Route` in the route tables of `subnetId`, in template order. */
export function routesOfSubnet(template: CfnTemplate, subnetId: string): [string, CfnResource][] {
  const { routes, routeTables } = routingOf(template);
  const tables = routeTablesOfSubnet(template, subnetId);
  return routes.filter(([id]) => (routeTables.get(id) ?? []).some((table) => tables.includes(table)));
}

/** Associations and routes of a template, read once per template (rules never mutate their input, so the object is the key). */
interface Routing {
  tablesBySubnet: Map<string, string[]>;
  routes: [string, CfnResource][];
  routeTables: Map<string, string[]>;
}
const ROUTING = new WeakMap<CfnTemplate, Routing>();

function routingOf(template: CfnTemplate): Routing {
  const cached = ROUTING.get(template);
  if (cached) return cached;
  const tablesBySubnet = new Map<string, string[]>();
  for (const [, assoc] of resourcesOfType(template, 'AWS::EC2::SubnetRouteTableAssociation')) {
    const tables = referencedOfType(template, assoc.Properties?.RouteTableId, 'AWS::EC2::RouteTable');
    for (const subnet of referencedIds(assoc.Properties?.SubnetId))
      tablesBySubnet.set(subnet, [...(tablesBySubnet.get(subnet) ?? []), ...tables]);
  }
  const routes = resourcesOfType(template, 'AWS::EC2::Route');
  const routeTables = new Map(routes.map(([id, route]) => [id, [...referencedIds(route.Properties?.RouteTableId)]]));
  const routing = { tablesBySubnet, routes, routeTables };
  ROUTING.set(template, routing);
  return routing;
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
export function routesToInternetGateway(template: CfnTemplate, gateway: CfnValue | undefined): boolean {
  if (typeof gateway === 'string') return gateway.startsWith('igw-');
  if (referencedOfType(template, gateway, 'AWS::EC2::InternetGateway').length > 0) return true;
  return referencedOfType(template, gateway, 'AWS::EC2::VPCGatewayAttachment').some(
    (attachment) => asList(template.Resources[attachment].Properties?.InternetGatewayId).length > 0,
  );
}

/** The IPv4 default routes (`0.0.0.0/0`) of `subnetId`'s route tables, as `[logicalId, route]`. */
export function defaultRoutesOfSubnet(template: CfnTemplate, subnetId: string): [string, CfnResource][] {
  return routesOfSubnet(template, subnetId).filter(([, route]) => route.Properties?.DestinationCidrBlock === '0.0.0.0/0');
}

/**
 * Whether the routing of `subnetId` can be read from the template alone: its VPC is a VPC resource of the template (so
 * an unassociated subnet gets that VPC's main route table, which holds only the local route), every association names a
 * route table resource, and every route of those tables has a literal destination and a target that is not a parameter.
 */
export function subnetRoutingIsKnown(template: CfnTemplate, subnetId: string): boolean {
  const subnet = template.Resources[subnetId];
  if (referencedOfType(template, subnet?.Properties?.VpcId, 'AWS::EC2::VPC').length === 0) return false;
  const associations = resourcesOfType(template, 'AWS::EC2::SubnetRouteTableAssociation').filter(([, assoc]) =>
    refersTo(assoc.Properties?.SubnetId, subnetId),
  );
  if (associations.some(([, assoc]) => referencedOfType(template, assoc.Properties?.RouteTableId, 'AWS::EC2::RouteTable').length === 0)) {
    return false;
  }
  return routesOfSubnet(template, subnetId).every(([, route]) => {
    const props = route.Properties ?? {};
    if (props.DestinationCidrBlock !== undefined && typeof props.DestinationCidrBlock !== 'string') return false;
    return Object.entries(props).every(
      ([key, value]) => !key.endsWith('Id') || key === 'RouteTableId' || targetIsReadable(template, value),
    );
  });
}

/** What a subnet is meant to be, read from its logical ID, its Name or CDK subnet-type tag, and MapPublicIpOnLaunch. */
export interface SubnetIntent {
  intent: 'public' | 'private';
  evidence: Evidence;
}

const PRIVATE_WORDS = /private|isolated|database/i;
const PUBLIC_WORDS = /public/i;

/** The intent of `subnetId` (public: maps public IPs or is named public; private: named private, isolated or database); undefined when unclear. */
export function subnetIntent(template: CfnTemplate, subnetId: string): SubnetIntent | undefined {
  const props = template.Resources[subnetId]?.Properties ?? {};
  const mapsPublicIps = props.MapPublicIpOnLaunch === true || props.MapPublicIpOnLaunch === 'true';
  const names = [subnetId, ...tagValues(props.Tags, 'Name'), ...tagValues(props.Tags, 'aws-cdk:subnet-type')];
  const saysPublic = names.some((name) => PUBLIC_WORDS.test(name));
  const saysPrivate = names.some((name) => PRIVATE_WORDS.test(name));
  if (mapsPublicIps && !saysPrivate) {
    return {
      intent: 'public',
      evidence: {
        resource: subnetId,
        path: 'Properties.MapPublicIpOnLaunch',
        value: props.MapPublicIpOnLaunch,
        note: 'the subnet assigns public IPs on launch',
      },
    };
  }
  if (saysPublic === saysPrivate || mapsPublicIps) return undefined;
  const name = names.find((n) => (saysPublic ? PUBLIC_WORDS : PRIVATE_WORDS).test(n));
  return {
    intent: saysPublic ? 'public' : 'private',
    evidence: { resource: subnetId, value: name, note: `the subnet is named ${saysPublic ? 'public' : 'private'}` },
  };
}

/** The literal values of the tags with `key` in a Tags list. */
function tagValues(tags: CfnValue | undefined, key: string): string[] {
  return asList(tags).flatMap((tag) => {
    const value = getPath(tag, 'Value');
    return getPath(tag, 'Key') === key && typeof value === 'string' ? [value] : [];
  });
}

/** Whether a route target is something the template shows: a literal id or a resource of the template (not a parameter or import). */
function targetIsReadable(template: CfnTemplate, value: CfnValue | undefined): boolean {
  if (value === undefined || typeof value === 'string') return true;
  const ids = [...referencedIds(value)];
  return ids.length > 0 && ids.every((id) => id in template.Resources);
}
