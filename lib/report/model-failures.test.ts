import { describe, expect, it } from 'vitest';
import type { Finding } from '../rules/finding';
import { groupIssues, renderModelFailures } from './model-failures';

const finding = (extra: Partial<Finding>): Finding => ({
  rule: 'difference/property',
  category: 'security',
  severity: 'error',
  title: 'MyBucket: public access block not as in the reference',
  message: '`MyBucket` does not set Properties.PublicAccessBlockConfiguration.',
  resources: ['MyBucket'],
  source: 'infra-review',
  ...extra,
});

describe('MODEL_FAILURES.md of difference findings', () => {
  it("says what the reference does as the fix of a finding that has its own, instead of the catalog's advice", () => {
    const fix = 'The reference sets Properties.PublicAccessBlockConfiguration of `Data` (AWS::S3::Bucket) to `{"BlockPublicAcls":true}`.';
    const markdown = renderModelFailures([finding({ fix })]);
    expect(markdown).toContain(`- **Fix in Ideal Response**: ${fix}`);
    expect(markdown).toContain('### **Issue 1: MyBucket: public access block not as in the reference**');
    expect(markdown).not.toContain('Set the property as the reference does on its counterpart.');
  });

  it('makes each finding with its own fix an issue, and keeps grouping catalog findings by rule', () => {
    const issues = groupIssues([
      finding({ fix: 'a' }),
      finding({ fix: 'b', resources: ['Other'] }),
      finding({ rule: 'iam-least-privilege', fix: undefined }),
      finding({ rule: 'iam-least-privilege', fix: undefined, resources: ['Other'] }),
    ]);
    expect(issues.map((i) => [i.rule, i.fix.slice(0, 1), i.findings.length])).toEqual([
      ['iam-least-privilege', 'S', 2],
      ['difference/property', 'a', 1],
      ['difference/property', 'b', 1],
    ]);
  });
});

describe('MODEL_FAILURES.md of a synthesized CDK template', () => {
  it("names the construct and the source line that created it in a finding's evidence", () => {
    const markdown = renderModelFailures([
      finding({ constructPath: 'TapStack/Data/MyBucket/Resource', constructLocation: { file: 'lib/data.ts', line: 7 } }),
      finding({ resources: ['Other'], constructPath: 'TapStack/Other' }),
    ]);
    expect(markdown).toContain('`MyBucket` (construct `TapStack/Data/MyBucket/Resource`, created at `lib/data.ts:7`): ');
    expect(markdown).toContain('`Other` (construct `TapStack/Other`): ');
  });
});
