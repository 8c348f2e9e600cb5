import type { CfnTemplate, SourceFile } from '../templates/types';
import type { RuleId } from './catalog';

export { CATEGORIES, SEVERITIES, type Category, type Severity } from './categories';

/** A place in a source file (1-based line). */
export interface SourceLocation {
  file: string;
  line: number;
  column?: number;
}

/** A concrete observation that supports a violation: a property of a resource, or a line of source. */
export interface Evidence {
  resource?: string;
  /** Difference findings: which template `resource`, `path` and `value` are read from (rule findings: their own side). */
  side?: 'reference' | 'model';
  /** In a review of multi-stack apps: the stack of `resource`. */
  stack?: string;
  /** The construct path of `resource` in a synthesized CDK template, and where the source created it (see Finding). */
  constructPath?: string;
  constructLocation?: SourceLocation;
  /** Dotted path inside the resource, e.g. `Properties.Environment.Variables`. */
  path?: string;
  /** The value found there (omitted when the point is that it is missing). */
  value?: unknown;
  location?: SourceLocation;
  note: string;
}

/** What a rule reports: one problem, on resources (template rules) or at a location (source rules). */
export interface Violation {
  message: string;
  resources?: string[];
  location?: SourceLocation;
  evidence?: Evidence[];
}

/** What rules inspect: a template, source files, or both. */
export interface RuleInput {
  template?: CfnTemplate;
  sources: readonly SourceFile[];
}

/** A rule: a pure function of its input. It never mutates the input and returns [] when compliant. */
export interface Rule {
  /** Catalog id; a rule without a catalog entry does not compile. */
  id: RuleId;
  check(input: RuleInput): Violation[];
}
