// Its own module so that the catalog and the rule types can both use it without importing each other.
/** The five categories of the seed review, in its order. */
export const CATEGORIES = ['syntax', 'deployment', 'security', 'performance', 'observability'] as const;
/** One of the five categories. */
export type Category = (typeof CATEGORIES)[number];

/** Severities, most severe first. */
export const SEVERITIES = ['error', 'warning', 'info'] as const;
/** One of the severities. */
export type Severity = (typeof SEVERITIES)[number];
