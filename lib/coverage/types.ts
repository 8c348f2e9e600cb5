import type { ReviewFinding } from '../pipeline/types';
import type { Category } from '../rules/types';

/** One failure of a human MODEL_FAILURES.md, with the resources and properties its text names. */
export interface HumanFailure {
  /** `<category>-<n>`: the n-th failure of that category section, 1-based. */
  id: string;
  category: Category;
  title: string;
  /** The failure's body (problem, impact, fix), as written. */
  text: string;
  /** Logical IDs and construct names (`DataArchive`, `MyFunction3BAA72D1`) and resource types (`AWS::Lambda::Function`) named. */
  resources: string[];
  /** Property names and paths, IAM actions, environment variables, code identifiers and literal values named. */
  properties: string[];
  /** The problems its text names, by the problem vocabulary (`encryption`, `dlq`, `retention`, `output`, `naming`, ...). */
  problems: string[];
}

/** A human review as read: its failures, and the text that belongs to none (shown so that a reader sees what was left out). */
export interface HumanReview {
  failures: HumanFailure[];
  unread: string[];
}

/** A human failure and the engine findings that match it. */
export interface FoundFailure {
  failure: HumanFailure;
  findings: ReviewFinding[];
}

/** Coverage of one review: which human failures the engine found, which it missed, which findings the human did not list. */
export interface CoverageResult {
  found: FoundFailure[];
  missed: HumanFailure[];
  unlisted: ReviewFinding[];
  /** found / total human failures; 1 when the human listed none. */
  coverage: number;
}

/** Coverage numbers of one review, as reported per review and summed over reviews. */
export interface CoverageNumbers {
  failures: number;
  found: number;
  missed: number;
  unlisted: number;
  coverage: number;
}
