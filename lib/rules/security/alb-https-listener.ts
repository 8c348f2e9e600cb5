import { asList, getPath, refersTo, resourcesOfType } from '../../templates/query';
import type { CfnResource, CfnValue } from '../../templates/types';
import type { Rule, RuleInput, Violation } from '../types';

/**
 * An internet-facing Application Load Balancer must not forward plain HTTP: it serves HTTPS, and HTTP listeners only
 * redirect; and an HTTP listener must not redirect to an HTTPS port on which the load balancer has no listener.
 */
function check({ template }: RuleInput): Violation[] {
  if (!template) return [];
  const listeners = resourcesOfType(template, 'AWS::ElasticLoadBalancingV2::Listener');
  const rules = resourcesOfType(template, 'AWS::ElasticLoadBalancingV2::ListenerRule');
  const violations: Violation[] = [];
  for (const [id, lb] of resourcesOfType(template, 'AWS::ElasticLoadBalancingV2::LoadBalancer')) {
    if ((lb.Properties?.Type ?? 'application') !== 'application') continue;
    const own = listeners.filter(([, l]) => refersTo(l.Properties?.LoadBalancerArn, id));
    const protocols = own.map(([, l]) => l.Properties?.Protocol);
    // An unreadable protocol (a parameter, a condition) might be HTTPS: nothing is judged.
    if (own.length === 0 || protocols.some((p) => p !== 'HTTP' && p !== 'HTTPS')) continue;
    const hasHttps = protocols.includes('HTTPS');
    const dangling = danglingRedirects(own);
    if (dangling.length) {
      violations.push({
        message: `Load balancer ${id} redirects HTTP to HTTPS on port ${dangling.map((d) => d.port).join(', ')}, where it has no listener: every request ends at a closed port.`,
        resources: [id, ...dangling.map((d) => d.listenerId)],
        evidence: dangling.map((d) => ({
          resource: d.listenerId,
          path: 'Properties.DefaultActions',
          value: d.actions,
          note: `redirects to HTTPS port ${d.port}, which no listener of ${id} serves`,
        })),
      });
    }
    if ((lb.Properties?.Scheme ?? 'internet-facing') !== 'internet-facing') continue;
    // A conditional HTTP listener beside an HTTPS one is the fallback for a deployment without a certificate.
    const plain = own.filter(
      ([listenerId, l]) => l.Properties?.Protocol === 'HTTP' && forwards(listenerId, l, rules) && !(hasHttps && l.Condition),
    );
    if (plain.length === 0) continue;
    violations.push({
      message: hasHttps
        ? `Internet-facing load balancer ${id} serves plain HTTP on ${plain.map(([l]) => l).join(', ')} besides HTTPS, instead of redirecting to HTTPS.`
        : `Internet-facing load balancer ${id} has no HTTPS listener and forwards plain HTTP (${plain.map(([l]) => l).join(', ')}): traffic crosses the internet unencrypted.`,
      resources: [id, ...plain.map(([l]) => l)],
      evidence: plain.map(([listenerId, l]) => ({
        resource: listenerId,
        path: 'Properties.DefaultActions',
        value: l.Properties?.DefaultActions,
        note: `HTTP listener on port ${String(l.Properties?.Port ?? '?')} forwards to targets instead of redirecting to HTTPS`,
      })),
    });
  }
  return violations;
}

export const rule: Rule = { id: 'alb-https-listener', check };

/**
 * HTTP listeners whose default action redirects to HTTPS on the same host and a literal port that none of the load
 * balancer's listeners uses; nothing when a listener port cannot be read.
 */
function danglingRedirects(own: [string, CfnResource][]): { listenerId: string; port: string; actions: CfnValue | undefined }[] {
  const ports = own.map(([, l]) => l.Properties?.Port);
  if (ports.some((p) => typeof p !== 'number' && typeof p !== 'string')) return [];
  const served = new Set(ports.map(String));
  return own.flatMap(([listenerId, l]) => {
    if (l.Properties?.Protocol !== 'HTTP') return [];
    const actions = l.Properties?.DefaultActions;
    return asList(actions).flatMap((action: CfnValue) => {
      const config = getPath(action, 'RedirectConfig');
      const port = getPath(config, 'Port');
      const host = getPath(config, 'Host');
      if (getPath(action, 'Type') !== 'redirect' || getPath(config, 'Protocol') !== 'HTTPS') return [];
      if ((host !== undefined && host !== '#{host}') || (typeof port !== 'number' && typeof port !== 'string') || port === '#{port}')
        return [];
      return served.has(String(port)) ? [] : [{ listenerId, port: String(port), actions }];
    });
  });
}

/** Whether a listener forwards requests to targets, by its default action or one of its rules. */
function forwards(listenerId: string, listener: CfnResource, rules: [string, CfnResource][]): boolean {
  const actions = [
    ...asList(listener.Properties?.DefaultActions),
    ...rules.filter(([, r]) => refersTo(r.Properties?.ListenerArn, listenerId)).flatMap(([, r]) => asList(r.Properties?.Actions)),
  ];
  return actions.some((action: CfnValue) => getPath(action, 'Type') === 'forward');
}
