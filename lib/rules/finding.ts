import type { Category, Evidence, Severity, SourceLocation } from './types';

/** Who reported a finding. */
export type FindingSource = 'infra-review' | 'cloudformation-validate';

/** A finding as the CLI prints it and the API serves it (plain JSON). */
export interface Finding {
  rule: string;
  category: Category;
  severity: Severity;
  title: string;
  message: string;
  /** Logical IDs concerned; empty for source findings, which give `location` instead. */
  resources: string[];
  location?: SourceLocation;
  evidence?: Evidence[];
  /** Present when the artifact itself accepts this finding on purpose. */
  acknowledged?: { reason: string };
  source: FindingSource;
}
