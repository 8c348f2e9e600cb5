import { describe, expect, it } from 'vitest';
import { CHANGE_MARKERS, markerLines, valueLines } from './markers';

describe('markerLines', () => {
  it('marks every key and element of an added object, containers on a line of their own with their children one level deeper', () => {
    const lines = markerLines({ path: 'Properties.Tags', change: 'added', after: { Name: 'x', Rules: [{ Days: 1 }, 'y'], Empty: {} } });
    expect(lines).toEqual([
      { path: 'Name', depth: 0, change: 'added', after: 'x' },
      { path: 'Rules', depth: 0, change: 'added' },
      { path: 'Rules[0]', depth: 1, change: 'added' },
      { path: 'Rules[0].Days', depth: 2, change: 'added', after: 1 },
      { path: 'Rules[1]', depth: 1, change: 'added', after: 'y' },
      { path: 'Empty', depth: 0, change: 'added', after: {} },
    ]);
  });

  it('marks a removed array element by element with the removed values', () => {
    expect(markerLines({ path: 'DependsOn', change: 'removed', before: ['A', 'B'] })).toEqual([
      { path: '[0]', depth: 0, change: 'removed', before: 'A' },
      { path: '[1]', depth: 0, change: 'removed', before: 'B' },
    ]);
  });

  it('gives an updated object its nested changes, and a scalar or empty value no lines', () => {
    const nested = [{ path: 'Enabled', depth: 0, change: 'updated' as const, before: true, after: false }];
    expect(markerLines({ path: 'Properties.X', change: 'updated', before: { Enabled: true }, after: { Enabled: false }, nested })).toBe(
      nested,
    );
    expect(markerLines({ path: 'Properties.Name', change: 'updated', before: 'a', after: 'b' })).toEqual([]);
    expect(markerLines({ path: 'Properties.Name', change: 'added', after: 'a' })).toEqual([]);
    expect(markerLines({ path: 'Properties.Empty', change: 'removed', before: [] })).toEqual([]);
  });

  it('has one marker per kind, as cdk diff prints them', () => {
    expect(CHANGE_MARKERS).toEqual({ added: '[+]', removed: '[-]', updated: '[~]' });
    expect(valueLines({ a: null }, 'removed', 'Root', 3)).toEqual([{ path: 'Root.a', depth: 3, change: 'removed', before: null }]);
  });
});
