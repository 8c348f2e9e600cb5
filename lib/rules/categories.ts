// Its own module so that the catalog and the rule types can both use it without importing each other.
/** The five categories of the seed review, in its order. */
export const CATEGORIES = ['syntax', 'deployment', 'security', 'performance', 'observability'] as const;
/** One of the five categories. */
export type Category = (typeof CATEGORIES)[number];

/** Severities, most severe first. */
export const SEVERITIES = ['error', 'warning', 'info'] as const;
/** One of the severities. */
export type Severity = (typeof SEVERITIES)[number];

/** Wording and severity of one rule; the catalog (lib/rules/catalog.ts and the catalog-*.ts parts it spreads) is the only place where either is written. */
export interface CatalogEntry {
  category: Category;
  severity: Severity;
  /** Short name of the failure, as in the seed's summary table. */
  title: string;
  problem: string;
  impact: string;
  fix: string;
  /** Heading used for this failure in a MODEL_FAILURES.md export. */
  heading: string;
}
