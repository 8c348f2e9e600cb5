import { describe, expect, it } from 'vitest';
import { stripAnsi, toChangeTable } from './tables';

describe('toChangeTable', () => {
  it('strips ANSI colors and tags + and - rows as added and removed', () => {
    const green = (s: string) => `\u001b[32m${s}\u001b[39m`;
    const red = (s: string) => `\u001b[31m${s}\u001b[39m`;
    const table = toChangeTable([
      ['', 'Resource', 'Action'],
      ['+', '*', 's3:*'].map(green),
      ['-', '${Bucket.Arn}', 's3:GetObject'].map(red),
    ]);
    expect(table).toEqual({
      headers: ['', 'Resource', 'Action'],
      rows: [
        { change: 'added', cells: ['+', '*', 's3:*'] },
        { change: 'removed', cells: ['-', '${Bucket.Arn}', 's3:GetObject'] },
      ],
    });
  });

  it('is undefined when only the header is there', () => {
    expect(toChangeTable([['', 'Group', 'Dir']])).toBeUndefined();
    expect(toChangeTable([])).toBeUndefined();
  });

  it('leaves plain text alone', () => {
    expect(stripAnsi('TCP 22\nUDP 53')).toBe('TCP 22\nUDP 53');
  });
});
