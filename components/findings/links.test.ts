import { describe, expect, it } from 'vitest';
import type { ReviewFinding } from '@/lib/pipeline/types';
import { findingAnchorId, reviewDiffHref, reviewHref, sourceHref, sourcePlaces } from './links';

const finding = (extra: Partial<ReviewFinding>): ReviewFinding => ({
  side: 'model',
  rule: 'cdk-v1-imports',
  category: 'syntax',
  severity: 'error',
  title: 'CDK v1 imports',
  message: 'imports @aws-cdk/core',
  resources: [],
  source: 'infra-review',
  ...extra,
});

describe('finding links', () => {
  it('point at the bundled review by its own pages and at stored reviews by id', () => {
    expect(reviewHref('bundled')).toBe('/');
    expect(reviewDiffHref('bundled')).toBe('/diff');
    expect(reviewHref('r-1a2b')).toBe('/review/r-1a2b');
    expect(reviewDiffHref('r-1a2b')).toBe('/review/r-1a2b/diff');
    expect(findingAnchorId('0123abcd')).toBe('finding-0123abcd');
  });

  it('link a source line with the side and file in the query and the line in the fragment', () => {
    expect(sourceHref('r-1', { side: 'reference', file: 'lib/tap stack.ts', line: 12 })).toBe(
      '/review/r-1/source?side=reference&file=lib%2Ftap+stack.ts#L12',
    );
  });
});

describe('sourcePlaces', () => {
  it('lists its location, its construct and its evidence, each place once, on the evidence side when it names one', () => {
    const places = sourcePlaces(
      finding({
        location: { file: 'bin/app.ts', line: 3 },
        constructLocation: { file: 'lib/stack.ts', line: 20 },
        evidence: [
          { note: 'same line', location: { file: 'bin/app.ts', line: 3 } },
          { note: 'the reference', side: 'reference', location: { file: 'lib/stack.ts', line: 8 } },
          { note: 'no place' },
        ],
      }),
    );
    expect(places).toEqual([
      { side: 'model', file: 'bin/app.ts', line: 3 },
      { side: 'model', file: 'lib/stack.ts', line: 20 },
      { side: 'reference', file: 'lib/stack.ts', line: 8 },
    ]);
  });

  it("counts a markdown block's lines from the block's first line", () => {
    expect(sourcePlaces(finding({ location: { file: 'MODEL_RESPONSE.md:40', line: 3 } }))).toEqual([
      { side: 'model', file: 'MODEL_RESPONSE.md', line: 42 },
    ]);
  });

  it('is empty for a template finding without source locations', () => {
    expect(sourcePlaces(finding({ resources: ['Bucket'], evidence: [{ note: 'x', resource: 'Bucket', path: 'Properties' }] }))).toEqual([]);
  });
});
