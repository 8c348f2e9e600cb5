import { asList, getPath, refersTo, resourcesOfType } from '../../templates/query';
import type { CfnResource, CfnValue } from '../../templates/types';
import type { Rule, RuleInput, Violation } from '../types';

/** An internet-facing Application Load Balancer must not forward plain HTTP: it serves HTTPS, and HTTP listeners only redirect. */
function check({ template }: RuleInput): Violation[] {
  if (!template) return [];
  const listeners = resourcesOfType(template, 'AWS::ElasticLoadBalancingV2::Listener');
  const rules = resourcesOfType(template, 'AWS::ElasticLoadBalancingV2::ListenerRule');
  const violations: Violation[] = [];
  for (const [id, lb] of resourcesOfType(template, 'AWS::ElasticLoadBalancingV2::LoadBalancer')) {
    if (!isInternetFacingAlb(lb)) continue;
    const own = listeners.filter(([, l]) => refersTo(l.Properties?.LoadBalancerArn, id));
    const protocols = own.map(([, l]) => l.Properties?.Protocol);
    // An unreadable protocol (a parameter, a condition) might be HTTPS: nothing is judged.
    if (own.length === 0 || protocols.some((p) => p !== 'HTTP' && p !== 'HTTPS')) continue;
    const hasHttps = protocols.includes('HTTPS');
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

/** Whether a load balancer is an application load balancer with the internet-facing scheme (both are the defaults). */
function isInternetFacingAlb(lb: CfnResource): boolean {
  const type = lb.Properties?.Type ?? 'application';
  const scheme = lb.Properties?.Scheme ?? 'internet-facing';
  return type === 'application' && scheme === 'internet-facing';
}

/** Whether a listener forwards requests to targets, by its default action or one of its rules. */
function forwards(listenerId: string, listener: CfnResource, rules: [string, CfnResource][]): boolean {
  const actions = [
    ...asList(listener.Properties?.DefaultActions),
    ...rules.filter(([, r]) => refersTo(r.Properties?.ListenerArn, listenerId)).flatMap(([, r]) => asList(r.Properties?.Actions)),
  ];
  return actions.some((action: CfnValue) => getPath(action, 'Type') === 'forward');
}
