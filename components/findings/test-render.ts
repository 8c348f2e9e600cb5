/* For tests: a category section rendered to static HTML, as the review page draws it. */
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { countFindings } from '@/lib/pipeline/counts';
import type { ReviewFinding } from '@/lib/pipeline/types';
import type { DeployedView } from '@/lib/stack/types';
import { CategorySection } from './category-section';

/** The security section of the bundled review's page with these findings (and the deployed stack's view, when given), without a diff. */
export function renderSecuritySection(findings: ReviewFinding[], deployed?: DeployedView): string {
  return renderToStaticMarkup(
    createElement(CategorySection, {
      category: 'security',
      counts: countFindings(findings).security,
      findings,
      diff: null,
      reviewId: 'bundled',
      deployed,
    }),
  );
}
