import { describe, expect, it } from 'vitest';
import { renderSecuritySection } from './test-render';
import { catalogEntry } from '@/lib/rules/catalog';
import type { ReviewFinding } from '@/lib/pipeline/types';

const difference = (resource: string, fix?: string): ReviewFinding => ({
  side: 'model',
  rule: 'difference/property',
  category: 'security',
  severity: 'warning',
  title: 'Property differs from the reference',
  message: `${resource} differs`,
  resources: [resource],
  source: 'reference-diff',
  ...(fix ? { fix } : {}),
});

const render = (findings: ReviewFinding[]) => renderSecuritySection(findings);
const generic = catalogEntry('difference/property')!.fix;

describe('the fix a difference finding carries of its own', () => {
  it('replaces the catalog fix on a lone finding', () => {
    const html = render([difference('Bucket', 'Set BucketEncryption as the reference Bucket does: aws:kms.')]);
    expect(html).toContain('Set BucketEncryption as the reference Bucket does: aws:kms.');
    expect(html).not.toContain(generic);
  });

  it('in a group, the explanation stays generic and each instance shows its own fix', () => {
    const html = render([difference('Bucket', 'Fix of Bucket.'), difference('Table', 'Fix of Table.')]);
    expect(html).toContain(generic);
    expect(html.match(/data-testid="finding-own-fix"/g)).toHaveLength(2);
    expect(html).toContain('Fix of Bucket.');
    expect(html).toContain('Fix of Table.');
  });
});
