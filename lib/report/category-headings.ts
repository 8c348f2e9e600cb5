import type { Category } from '../rules/types';

/** Each category's section heading in the seed's MODEL_FAILURES.md, and its shorter name in the summary table; the UI shows the headings too. */
export const CATEGORY_HEADINGS: Record<Category, { heading: string; summary: string }> = {
  syntax: { heading: 'Syntax Issues', summary: 'Syntax Issues' },
  deployment: { heading: 'Deployment-Time Errors', summary: 'Deployment-Time Errors' },
  security: { heading: 'Security Concerns', summary: 'Security Concerns' },
  performance: { heading: 'Performance Considerations', summary: 'Performance' },
  observability: { heading: 'Observability and Monitoring', summary: 'Observability' },
};
