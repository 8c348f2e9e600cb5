import { describe, expect, it } from 'vitest';
import type { ReviewFinding } from '@/lib/pipeline/types';
import { EVIDENCE_SHOWN } from './evidence-list';
import { GROUP_FINDINGS_SHOWN } from './finding-group';
import { renderSecuritySection } from './test-render';

const unencrypted = (i: number, evidence = 1): ReviewFinding => ({
  side: 'model',
  rule: 's3-encryption-enforced',
  category: 'security',
  severity: 'error',
  title: 'Bucket not encrypted',
  message: `Bucket${i} is not encrypted`,
  resources: [`Bucket${i}`],
  source: 'infra-review',
  evidence: Array.from({ length: evidence }, (_, e) => ({ resource: `Bucket${i}`, note: `observation ${e}` })),
});

const count = (html: string, testId: string) => html.match(new RegExp(`data-testid="${testId}"`, 'g'))?.length ?? 0;

describe('what the review page draws of a very large review', () => {
  it('draws the first findings of a rule and links to all of them, filtered to the rule', () => {
    const html = renderSecuritySection(Array.from({ length: GROUP_FINDINGS_SHOWN + 250 }, (_, i) => unencrypted(i)));
    expect(count(html, 'finding')).toBe(GROUP_FINDINGS_SHOWN);
    expect(html).toContain('Bucket99 is not encrypted');
    expect(html).not.toContain('Bucket100 is not encrypted');
    expect(html).toContain('250 more findings of this rule');
    expect(html).toContain('/api/reviews/bundled/findings?side=model&amp;category=security&amp;rule=s3-encryption-enforced');
  });

  it('draws every finding of a rule up to the limit, with no note', () => {
    const html = renderSecuritySection(Array.from({ length: GROUP_FINDINGS_SHOWN }, (_, i) => unencrypted(i)));
    expect(count(html, 'finding')).toBe(GROUP_FINDINGS_SHOWN);
    expect(count(html, 'finding-group-more')).toBe(0);
  });

  it('draws the first observations of a finding and says how many more there are', () => {
    const html = renderSecuritySection([unencrypted(0, EVIDENCE_SHOWN + 7)]);
    expect(count(html, 'evidence-item')).toBe(EVIDENCE_SHOWN);
    expect(html).toContain('7 more observations');
  });
});
