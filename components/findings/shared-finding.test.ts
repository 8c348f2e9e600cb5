import { describe, expect, it } from 'vitest';
import { renderSecuritySection } from './test-render';
import { markSharedFindings } from '@/lib/pipeline/shared';
import type { ReviewFinding } from '@/lib/pipeline/types';

const finding = (side: 'model' | 'reference', resource: string): ReviewFinding => ({
  side,
  rule: 'iam-least-privilege',
  category: 'security',
  severity: 'error',
  title: 'Wildcard IAM',
  message: `wildcard on ${resource}`,
  resources: [resource],
  source: 'infra-review',
});

describe('a model finding shared with the reference', () => {
  const findings = markSharedFindings([finding('model', 'Role'), finding('model', 'Other'), finding('reference', 'Role')]);
  const html = renderSecuritySection(findings);

  it('is badged as shared and not counted among the model open findings', () => {
    expect(html.match(/data-testid="shared-badge"/g)).toHaveLength(1);
    expect(html).toContain('shared with the reference');
    expect(html).toMatch(/data-testid="count-security-model"[^>]*>1</);
    expect(html).toMatch(/data-testid="shared-security-model"[^>]*>1 shared with the reference</);
  });
});
