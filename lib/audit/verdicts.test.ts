import { describe, expect, it } from 'vitest';
import type { Finding } from '../rules/finding';
import { consensusVerdict, findingKey } from './verdicts';

const finding: Finding & { side: string } = {
  rule: 'iam-least-privilege',
  category: 'security',
  severity: 'error',
  title: 't',
  message: 'm',
  resources: ['Role', 'Policy'],
  source: 'infra-review',
  side: 'model',
};

describe('findingKey', () => {
  it('is stable across resource order and differs by side, rule, place and message', () => {
    expect(findingKey({ ...finding, resources: ['Policy', 'Role'] })).toBe(findingKey(finding));
    const others = [
      { ...finding, side: 'reference' },
      { ...finding, rule: 'x' },
      { ...finding, resources: ['Role'] },
      { ...finding, message: 'other' },
      { ...finding, resources: [], location: { file: 'a.md', line: 3 } },
      { ...finding, stack: 'Api' },
      { ...finding, stack: 'Api/Worker' },
    ];
    const keys = new Set([findingKey(finding), ...others.map(findingKey)]);
    expect(keys.size).toBe(8);
  });
});

describe('consensusVerdict', () => {
  it('takes the most frequent verdict, calls ties for discussion, and has none without verdicts', () => {
    expect(consensusVerdict([])).toBeUndefined();
    expect(consensusVerdict(['confirmed'])).toBe('confirmed');
    expect(consensusVerdict(['confirmed', 'false_positive', 'confirmed'])).toBe('confirmed');
    expect(consensusVerdict(['confirmed', 'false_positive'])).toBe('needs_discussion');
  });
});
