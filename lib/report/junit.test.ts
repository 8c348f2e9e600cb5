import { describe, expect, it } from 'vitest';
import { CATALOG } from '../rules/catalog';
import type { Finding } from '../rules/finding';
import { failsAt, renderJunit, xmlEscape } from './junit';
import { renderModelFailures } from './model-failures';

/** A finding with the given parts. */
function finding(part: Partial<Finding> & Pick<Finding, 'rule' | 'category'>): Finding {
  return { severity: 'error', title: part.rule, message: `${part.rule} failed`, resources: [], source: 'infra-review', ...part };
}

const findings: Finding[] = [
  finding({ rule: 'iam-least-privilege', category: 'security', resources: ['Role'], message: 'Role allows s3:* & "more" <here>' }),
  finding({ rule: 'iam-least-privilege', category: 'security', resources: ['OtherRole'], severity: 'warning' }),
  finding({
    rule: 'nat-gateway-redundancy',
    category: 'performance',
    resources: ['Vpc'],
    severity: 'warning',
    acknowledged: { reason: 'cost' },
  }),
  finding({ rule: 'cdk-v1-imports', category: 'syntax', location: { file: 'answer.md', line: 7 } }),
];

describe('renderJunit', () => {
  const xml = renderJunit({ findings, templates: [], artifact: 'answer.md', name: 'model' });

  it('writes one testsuite per category in the seed order, with counts', () => {
    const suites = [...xml.matchAll(/<testsuite name="(\w+)" tests="(\d+)" failures="(\d+)" errors="0" skipped="(\d+)">/g)].map((m) =>
      m.slice(1),
    );
    expect(suites.map((s) => s[0])).toEqual(['syntax', 'deployment', 'security', 'performance', 'observability']);
    const security = suites.find((s) => s[0] === 'security')!;
    const catalogRules = (category: string) => Object.values(CATALOG).filter((e) => e.category === category).length;
    // two failing cases (one per resource) and the other security rules of the catalog, passing
    expect(security.slice(1)).toEqual([String(2 + catalogRules('security') - 1), '2', '0']);
    expect(suites.find((s) => s[0] === 'performance')!.slice(1)).toEqual([String(catalogRules('performance')), '0', '1']);
    const total = Object.keys(CATALOG).length + 1;
    expect(xml).toMatch(
      new RegExp(
        `^<\\?xml version="1.0" encoding="UTF-8"\\?>\n<testsuites name="model" tests="${total}" failures="3" errors="0" skipped="1">`,
      ),
    );
  });

  it('fails a case per rule and resource (or file:line), skips acknowledged ones with their reason, escapes XML', () => {
    expect(xml).toContain('<testcase classname="infra-review.security.iam-least-privilege" name="iam-least-privilege: Role">');
    expect(xml).toContain('[error] Role allows s3:* &amp; &quot;more&quot; &lt;here&gt;</failure>');
    expect(xml).toContain('name="cdk-v1-imports: answer.md:7"');
    expect(xml).toContain('<skipped message="acknowledged: cost"/>');
    expect(xml).toContain('<testcase classname="infra-review.security.s3-encryption-enforced" name="s3-encryption-enforced"/>');
    expect(xmlEscape('a\u0001b')).toBe('ab');
  });
});

describe('exports of a multi-stack review', () => {
  const inStacks = ['Api', 'Api/Worker'].map((stack) =>
    finding({ rule: 'lambda-dead-letter-queue', category: 'deployment', resources: ['Fn'], stack }),
  );

  it('name the stack of each resource: one JUnit case per stack, and `in stack` in MODEL_FAILURES.md', () => {
    const xml = renderJunit({ findings: inStacks, templates: [], artifact: 'answer.md', name: 'model' });
    expect(xml).toContain('name="lambda-dead-letter-queue: Api/Fn"');
    expect(xml).toContain('name="lambda-dead-letter-queue: Api/Worker/Fn"');
    const markdown = renderModelFailures(inStacks);
    expect(markdown).toContain('`Fn` in stack `Api`: lambda-dead-letter-queue failed');
    expect(markdown).toContain('`Fn` in stack `Api/Worker`: lambda-dead-letter-queue failed');
  });
});

describe('failsAt', () => {
  it('fails when an unacknowledged finding is at or above the threshold', () => {
    expect(failsAt(findings, 'error')).toBe(true);
    expect(failsAt(findings.slice(1, 3), 'error')).toBe(false);
    expect(failsAt(findings.slice(1, 3), 'warning')).toBe(true);
    expect(failsAt(findings.slice(2, 3), 'info')).toBe(false);
    expect(failsAt([], 'info')).toBe(false);
  });
});
