import { describe, expect, it } from 'vitest';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as elbv2 from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import { input, inputFromText, logicalId, synthOnce } from '../test-util';
import { rule } from './alb-https-listener';

/** A load balancer `Lb` with `lbProps` (YAML flow) and the listener lines `listeners` (YAML, two-space indented). */
const alb = (listeners: string, lbProps = '{ Subnets: [subnet-1, subnet-2] }') => `
Conditions: { HasCert: !Not [!Equals [!Ref AWS::Region, x]] }
Resources:
  Lb: { Type: AWS::ElasticLoadBalancingV2::LoadBalancer, Properties: ${lbProps} }
  Tg: { Type: AWS::ElasticLoadBalancingV2::TargetGroup, Properties: { Port: 80, Protocol: HTTP, VpcId: vpc-1 } }
${listeners}`;
const forwardHttp = `  Http: { Type: AWS::ElasticLoadBalancingV2::Listener, Properties: { LoadBalancerArn: !Ref Lb, Port: 80, Protocol: HTTP, DefaultActions: [{ Type: forward, TargetGroupArn: !Ref Tg }] } }\n`;
const https = `  Https: { Type: AWS::ElasticLoadBalancingV2::Listener, Properties: { LoadBalancerArn: !Ref Lb, Port: 443, Protocol: HTTPS, Certificates: [{ CertificateArn: arn:aws:acm:us-east-1:1:certificate/x }], DefaultActions: [{ Type: forward, TargetGroupArn: !Ref Tg }] } }\n`;
const redirectHttp = `  Http: { Type: AWS::ElasticLoadBalancingV2::Listener, Properties: { LoadBalancerArn: !Ref Lb, Port: 80, Protocol: HTTP, DefaultActions: [{ Type: redirect, RedirectConfig: { Protocol: HTTPS, Port: '443', StatusCode: HTTP_301 } }] } }\n`;

describe('alb-https-listener', () => {
  it('non-compliant 1: an internet-facing ALB that only forwards HTTP', () => {
    const violations = rule.check(inputFromText(alb(forwardHttp)));
    expect(violations.map((v) => v.resources)).toEqual([['Lb', 'Http']]);
    expect(violations[0].message).toContain('has no HTTPS listener');
  });

  it('non-compliant 2: an HTTP listener that forwards beside an HTTPS one', () => {
    expect(rule.check(inputFromText(alb(forwardHttp + https)))[0].message).toContain('besides HTTPS');
  });

  it('non-compliant 3: an HTTP listener that redirects to an HTTPS port without a listener, internal load balancers too', () => {
    const violations = rule.check(inputFromText(alb(redirectHttp)));
    expect(violations.map((v) => v.resources)).toEqual([['Lb', 'Http']]);
    expect(violations[0].message).toBe(
      'Load balancer Lb redirects HTTP to HTTPS on port 443, where it has no listener: every request ends at a closed port.',
    );
    expect(rule.check(inputFromText(alb(redirectHttp, '{ Scheme: internal, Subnets: [subnet-1] }'))).map((v) => v.resources)).toEqual([
      ['Lb', 'Http'],
    ]);
  });

  it('compliant: HTTP redirects to HTTPS, an internal or network load balancer, a conditional HTTP fallback, an unreadable protocol, a redirect to another host', () => {
    expect(rule.check(inputFromText(alb(redirectHttp + https)))).toEqual([]);
    expect(rule.check(inputFromText(alb(forwardHttp, '{ Scheme: internal, Subnets: [subnet-1] }')))).toEqual([]);
    expect(rule.check(inputFromText(alb(forwardHttp, '{ Type: network, Subnets: [subnet-1] }')))).toEqual([]);
    expect(rule.check(inputFromText(alb(forwardHttp.replace('Http: {', 'Http: { Condition: HasCert,') + https)))).toEqual([]);
    expect(rule.check(inputFromText(alb(forwardHttp.replace('Protocol: HTTP,', 'Protocol: !Ref ListenerProtocol,'))))).toEqual([]);
    expect(rule.check(inputFromText(alb(redirectHttp.replace("Port: '443'", "Port: '443', Host: www.example.com"))))).toEqual([]);
  });

  describe('CDK-synthesized', () => {
    const synthesized = synthOnce((stack, ids) => {
      const vpc = new ec2.Vpc(stack, 'Vpc', { maxAzs: 2, natGateways: 0 });
      const open = new elbv2.ApplicationLoadBalancer(stack, 'Open', { vpc, internetFacing: true });
      open.addListener('Http', { port: 80, defaultAction: elbv2.ListenerAction.fixedResponse(200) }).addTargets('App', { port: 80 });
      ids.open = logicalId(open);
      const redirected = new elbv2.ApplicationLoadBalancer(stack, 'Redirected', { vpc, internetFacing: true });
      redirected.addRedirect();
      redirected.addListener('Https', {
        port: 443,
        certificates: [elbv2.ListenerCertificate.fromArn('arn:aws:acm:us-east-1:123456789012:certificate/x')],
        defaultAction: elbv2.ListenerAction.fixedResponse(200),
      });
    });

    it('non-compliant: an HTTP listener with targets; compliant: addRedirect beside an HTTPS listener', () => {
      expect(rule.check(input(synthesized.template)).map((v) => v.resources?.[0])).toEqual([synthesized.ids.open]);
    });
  });
});
