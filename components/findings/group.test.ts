import { describe, expect, it } from 'vitest';
import { groupFindingsByRule, summarizeWhere, worstSeverity } from './group';
import type { ReviewFinding } from '../../lib/pipeline/types';

/** A model finding of `rule` with the given overrides. */
const finding = (rule: string, extra: Partial<ReviewFinding> = {}): ReviewFinding => ({
  rule,
  category: 'syntax',
  severity: 'error',
  title: rule,
  message: rule,
  resources: [],
  source: 'infra-review',
  side: 'model',
  ...extra,
});
const at = (file: string, line: number) => ({ location: { file, line } });

describe('groupFindingsByRule', () => {
  it('groups findings of the same rule in order of first appearance and keeps each finding once', () => {
    const findings = [finding('a', at('x.py', 1)), finding('b'), finding('a', at('x.py', 2))];
    const groups = groupFindingsByRule(findings);
    expect(groups.map((g) => [g.rule, g.findings.length])).toEqual([
      ['a', 2],
      ['b', 1],
    ]);
    expect(groups.flatMap((g) => g.findings)).toHaveLength(findings.length);
  });
});

describe('worstSeverity', () => {
  it('is the worst open severity, ignoring acknowledged findings unless all are', () => {
    const ack = { acknowledged: { reason: 'on purpose' } };
    expect(worstSeverity([finding('a', { severity: 'info' }), finding('a', { severity: 'warning' })])).toBe('warning');
    expect(worstSeverity([finding('a', { severity: 'error', ...ack }), finding('a', { severity: 'info' })])).toBe('info');
    expect(worstSeverity([finding('a', { severity: 'warning', ...ack })])).toBe('warning');
  });
});

describe('summarizeWhere', () => {
  it('lists the first places, shortens a repeated file to its line, and counts the rest', () => {
    const findings = [1, 2, 3, 4, 5].map((line) => finding('a', at('m.md', line)));
    expect(summarizeWhere(findings)).toEqual({ places: ['m.md:1', ':2', ':3'], more: 2 });
  });

  it('names resources, and counts a repeated place once', () => {
    const findings = [
      finding('a', { resources: ['Fn', 'Role'] }),
      finding('a', { resources: ['Fn', 'Role'] }),
      finding('a', { resources: ['Other'] }),
    ];
    expect(summarizeWhere(findings)).toEqual({ places: ['Fn, Role', 'Other'], more: 0 });
  });

  it('tells the same logical id in two stacks apart by stack', () => {
    const findings = [finding('a', { resources: ['Fn'], stack: 'Api' }), finding('a', { resources: ['Fn'], stack: 'Api/Worker' })];
    expect(summarizeWhere(findings)).toEqual({ places: ['Api › Fn', 'Api/Worker › Fn'], more: 0 });
  });
});
