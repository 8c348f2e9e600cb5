import { describe, expect, it } from 'vitest';
import { findingLine, sourceUrl } from './source-url';

describe('the source view URL', () => {
  it('keeps the contract /review/<id>/source?side=&file=[&session=]#L<n>', () => {
    expect(sourceUrl({ reviewId: 'r 1', side: 'model', file: 'lib/a b.ts', line: 7 })).toBe(
      '/review/r%201/source?side=model&file=lib%2Fa+b.ts#L7',
    );
    expect(sourceUrl({ reviewId: 'bundled', side: 'reference', sessionId: 's1' })).toBe('/review/bundled/source?side=reference&session=s1');
  });

  it("points a finding at its own line, a markdown block's line counted from the block, else its construct's line", () => {
    expect(findingLine({ location: { file: 'lib/a.ts', line: 3 } })).toEqual({ file: 'lib/a.ts', line: 3 });
    expect(findingLine({ location: { file: 'answer.md:40', line: 3 } })).toEqual({ file: 'answer.md', line: 42 });
    expect(findingLine({ constructLocation: { file: 'lib/s.ts', line: 9 } })).toEqual({ file: 'lib/s.ts', line: 9 });
    expect(findingLine({})).toBeUndefined();
  });
});
