import { getPath, referencedOfType, resourcesOfType } from '../../templates/query';
import type { CfnTemplate, CfnValue } from '../../templates/types';
import type { Evidence, Rule, RuleInput, Violation } from '../types';
import { literalNumber } from '../util/cfn';

/** Administrative and database ports that must never be open to the whole internet. */
const ADMIN_PORTS: Readonly<Record<number, string>> = {
  22: 'SSH',
  23: 'Telnet',
  3389: 'RDP',
  5985: 'WinRM',
  5986: 'WinRM',
  1433: 'SQL Server',
  1521: 'Oracle',
  3306: 'MySQL',
  5432: 'PostgreSQL',
  5439: 'Redshift',
  6379: 'Redis',
  9200: 'Elasticsearch',
  11211: 'Memcached',
  27017: 'MongoDB',
};
const WORLD = new Set(['0.0.0.0/0', '::/0']);

/** No security group ingress may open an administrative or database port to 0.0.0.0/0 or ::/0. */
function check({ template }: RuleInput): Violation[] {
  if (!template) return [];
  const bySecurityGroup = new Map<string, Evidence[]>();
  const add = (owner: string, evidence: Evidence) => bySecurityGroup.set(owner, [...(bySecurityGroup.get(owner) ?? []), evidence]);
  for (const [groupId, group] of resourcesOfType(template, 'AWS::EC2::SecurityGroup')) {
    const ingress = group.Properties?.SecurityGroupIngress;
    (Array.isArray(ingress) ? ingress : []).forEach((entry, i) => {
      const evidence = openAdminEvidence(template, groupId, `Properties.SecurityGroupIngress.${i}`, entry);
      if (evidence) add(groupId, evidence);
    });
  }
  for (const [ingressId, ingress] of resourcesOfType(template, 'AWS::EC2::SecurityGroupIngress')) {
    const evidence = openAdminEvidence(template, ingressId, 'Properties', ingress.Properties);
    const [groupId] = referencedOfType(template, ingress.Properties?.GroupId, 'AWS::EC2::SecurityGroup');
    if (evidence) add(groupId ?? ingressId, evidence);
  }
  return [...bySecurityGroup].map(([groupId, evidence]) => ({
    message: `Security group ${groupId} admits the whole internet on administrative ports: ${evidence.map((e) => e.note).join('; ')}.`,
    resources: [...new Set([groupId, ...evidence.map((e) => e.resource as string)])],
    evidence,
  }));
}

export const rule: Rule = { id: 'security-group-open-admin-ports', check };

/** Evidence when an ingress entry opens an admin port to the world (by literal or by a parameter's default); else undefined. */
function openAdminEvidence(template: CfnTemplate, resource: string, path: string, entry: CfnValue | undefined): Evidence | undefined {
  const source = worldSource(template, getPath(entry, 'CidrIp')) ?? worldSource(template, getPath(entry, 'CidrIpv6'));
  if (!source) return undefined;
  const opened = adminPortsOpened(entry);
  if (!opened) return undefined;
  return { resource, path, value: entry, note: `${opened} from ${source}` };
}

/** `0.0.0.0/0` or `::/0` when the CIDR is one of them, literally or as the default of the parameter it references. */
function worldSource(template: CfnTemplate, cidr: CfnValue | undefined): string | undefined {
  if (typeof cidr === 'string') return WORLD.has(cidr) ? cidr : undefined;
  const ref = getPath(cidr, 'Ref');
  const fallback = typeof ref === 'string' ? getPath(template.Parameters?.[ref], 'Default') : undefined;
  return typeof fallback === 'string' && WORLD.has(fallback) ? `${fallback} (default of parameter ${String(ref)})` : undefined;
}

/** What an ingress entry opens among the admin ports (protocol -1: everything; TCP: those within FromPort..ToPort), in words; undefined when none. */
function adminPortsOpened(entry: CfnValue | undefined): string | undefined {
  const protocol = String(getPath(entry, 'IpProtocol') ?? '').toLowerCase();
  if (protocol === '-1' || protocol === 'all') return 'all traffic (every port, SSH and RDP included)';
  if (protocol !== 'tcp' && protocol !== '6') return undefined;
  const from = literalNumber(getPath(entry, 'FromPort'));
  const to = literalNumber(getPath(entry, 'ToPort'));
  if (from === undefined || to === undefined) return undefined;
  const all = from === -1 && to === -1;
  const ports = Object.keys(ADMIN_PORTS)
    .map(Number)
    .filter((port) => all || (port >= from && port <= to));
  if (ports.length === 0) return undefined;
  const names = ports.map((port) => `${port} (${ADMIN_PORTS[port]})`);
  if (from === to) return `port ${names[0]}`;
  return `ports ${all ? 'all' : `${from}-${to}`}, covering ${names.length > 3 ? `${names.slice(0, 3).join(', ')} and ${names.length - 3} more` : names.join(', ')}`;
}
