import { readFile } from 'node:fs/promises';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { coverageNumbers } from '@/lib/coverage/match';
import { bundledHumanReviewPath, modelTypes, reviewCoverage, type ReviewCoverage } from '@/lib/coverage/review';
import { bundledReview } from '@/lib/pipeline/bundled';
import { runReview } from '@/lib/pipeline/run';
import { CoverageView } from './coverage-panel';
import { ExportLinks } from './export-links';

/** The text of the element with this data-testid (first match, tags stripped). */
function testIdText(html: string, testId: string): string {
  const match = new RegExp(`data-testid="${testId}"[^>]*>(.*?)</`, 's').exec(html);
  return (match?.[1] ?? '').replace(/<[^>]+>/g, '');
}

describe('CoverageView', async () => {
  const def = bundledReview();
  const [review, markdown, typeOf] = await Promise.all([runReview(def), readFile(bundledHumanReviewPath(), 'utf8'), modelTypes(def)]);
  const { failures, unread, result } = reviewCoverage(review, markdown, typeOf);
  const coverage: ReviewCoverage = {
    reviewId: 'bundled',
    humanReview: 'seed.md',
    failures,
    unread,
    result,
    numbers: coverageNumbers(result),
  };

  it('shows the bundled review side by side: 14 of 14 found, none missed, the findings the seed does not list', () => {
    const html = renderToStaticMarkup(createElement(CoverageView, { coverage }));
    expect(html).toContain('data-testid="coverage-panel"');
    expect(testIdText(html, 'coverage-ratio')).toBe('14 / 14 (100%)');
    expect(html.match(/data-testid="coverage-found-item"/g)).toHaveLength(14);
    expect(html).not.toContain('data-testid="coverage-missed-item"');
    expect(testIdText(html, 'coverage-missed-count')).toBe('0');
    expect(html.match(/data-testid="coverage-unlisted-item"/g)).toHaveLength(result.unlisted.length);
    expect(html).toContain('Missing Dead Letter Queue Configuration');
    expect(html.match(/data-testid="coverage-parsed-item"/g)).toHaveLength(14);
    expect(testIdText(html, 'coverage-unread-count')).toBe('0');
  });

  it('lists what could not be read and names the selected packs whose findings it counts', () => {
    const html = renderToStaticMarkup(
      createElement(CoverageView, { coverage: { ...coverage, unread: ['A paragraph of praise.'] }, rulePacks: ['aws-solutions'] }),
    );
    expect(testIdText(html, 'coverage-unread-count')).toBe('1');
    expect(html).toContain('data-testid="coverage-unread-item"');
    expect(testIdText(html, 'coverage-sources')).toMatch(/the aws-solutions pack, shared ones\s+left out/);
  });

  it('shows a missed failure and renders nothing without a human review', () => {
    const missedOne = { ...result, found: result.found.slice(1), missed: [result.found[0].failure], coverage: 13 / 14 };
    const html = renderToStaticMarkup(
      createElement(CoverageView, { coverage: { ...coverage, result: missedOne, numbers: coverageNumbers(missedOne) } }),
    );
    expect(testIdText(html, 'coverage-ratio')).toBe('13 / 14 (93%)');
    expect(testIdText(html, 'coverage-missed-count')).toBe('1');
    expect(html).toContain('data-testid="coverage-missed-item"');
    expect(renderToStaticMarkup(createElement(CoverageView, { coverage: { ...coverage, result: null, numbers: null } }))).toBe('');
    const empty = { found: [], missed: [], unlisted: result.unlisted, coverage: 1 };
    const unreadable = renderToStaticMarkup(
      createElement(CoverageView, { coverage: { ...coverage, failures: [], result: empty, numbers: coverageNumbers(empty) } }),
    );
    expect(testIdText(unreadable, 'coverage-ratio')).toBe('0 / 0');
    expect(unreadable).toContain('data-testid="coverage-unreadable"');
  });
});

describe('ExportLinks', () => {
  it('links each export format of the review as a download', () => {
    const html = renderToStaticMarkup(createElement(ExportLinks, { reviewId: 'r 1' }));
    expect(html).toContain('data-testid="export-sarif" href="/api/reviews/r%201/export?format=sarif" download=""');
    expect(html).toContain('data-testid="export-junit" href="/api/reviews/r%201/export?format=junit"');
  });
});
