import { describe, expect, it } from 'vitest';
import { reviewsHref, sortHref } from './list-url';

describe('reviewsHref', () => {
  it('keeps filters, sort and page in the URL and leaves defaults out', () => {
    expect(reviewsHref({ platform: 'cfn', sort: 'name', order: 'desc', page: 3, size: 50 })).toBe(
      '/reviews?platform=cfn&sort=name&order=desc&page=3&size=50',
    );
    expect(reviewsHref({ sort: 'created', order: 'desc', page: 1, size: 25 })).toBe('/reviews');
  });

  it('applies changes over the current query', () => {
    expect(reviewsHref({ status: 'failed', page: 2 }, { page: 3 })).toBe('/reviews?status=failed&page=3');
  });
});

describe('sortHref', () => {
  it('flips the order of the current column and returns to the first page', () => {
    expect(sortHref({ sort: 'findings', page: 4 }, 'findings')).toBe('/reviews?sort=findings&order=asc');
    expect(sortHref({ sort: 'name' }, 'name')).toBe('/reviews?sort=name&order=desc');
  });

  it('starts another column at its natural order: names A→Z, numbers largest first', () => {
    expect(sortHref({}, 'name')).toBe('/reviews?sort=name');
    expect(sortHref({ sort: 'name' }, 'coverage')).toBe('/reviews?sort=coverage');
    expect(sortHref({ sort: 'name' }, 'created')).toBe('/reviews');
  });
});
