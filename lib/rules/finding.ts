import type { Category, Evidence, Severity, SourceLocation } from './types';

/** Everyone who reports findings: infra-review's own rules, `@aws/cloudformation-validate`, cfn-lint, cdk-nag packs, and the comparison with the reference (lib/differences). */
export const FINDING_SOURCES = ['infra-review', 'cloudformation-validate', 'cfn-lint', 'cdk-nag', 'reference-diff'] as const;
/** Who reported a finding. */
export type FindingSource = (typeof FINDING_SOURCES)[number];

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
  /** In a review of a multi-stack app: the stack whose template the finding is about (absent for source findings). */
  stack?: string;
  /** A synthesized CDK template's finding: the construct path (`aws:cdk:path`, without the leading `/`) of its first resource that has one. */
  constructPath?: string;
  /** Where the answer's source created that construct (file and line), when its sources are at hand and the place is unambiguous. */
  constructLocation?: SourceLocation;
  evidence?: Evidence[];
  /** What the reference does instead (difference findings): replaces the catalog's generic fix in exports. */
  fix?: string;
  /** Present when the artifact itself accepts this finding on purpose. */
  acknowledged?: { reason: string; author?: string; expiresAt?: string; ackId?: string };
  /** Acknowledgements of the review that matched this finding but have expired: reported, not applied. */
  expiredAcknowledgements?: { reason: string; author?: string; expiresAt: string; ackId?: string }[];
  source: FindingSource;
  /** After deduplication (lib/rules/dedupe.ts): every source that reported this problem here, `source` first. */
  sources?: FindingSource[];
  /** After deduplication: every rule id merged into this finding, `rule` first. */
  rules?: string[];
}
