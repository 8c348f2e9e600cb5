/* The deployed side of the dashboard as plain JSON: the stack on the target, its drift from the reference, its events and findings. */
import type { StackEventView, StackOutput } from '../aws/cloudformation';
import type { EmulatorInfo } from '../aws/emulator';
import type { TargetDescription } from '../aws/target';
import type { TemplateDiffJson } from '../diff/types';
import type { SeverityCounts, Side } from '../pipeline/types';
import type { Finding } from '../rules/finding';
import type { Category } from '../rules/types';

export type { StackEventView, StackOutput } from '../aws/cloudformation';

/** The side of a finding found on the deployed template; kept apart from the review's `Side`, whose counts never hold it. */
export type DeployedSide = 'deployed';

/** Any side a finding can come from in the dashboard: the review's two artifacts, or the deployed stack. */
export type FindingSide = Side | DeployedSide;

/** A finding of the rules on the deployed template. */
export interface DeployedFinding extends Finding {
  side: DeployedSide;
}

/** The stack on the target: absent, described, or not readable (endpoint down, credentials refused, ...). */
export type DeployedStack =
  | { status: 'not-deployed' }
  | {
      status: 'ok';
      /** CloudFormation's status, e.g. CREATE_COMPLETE, UPDATE_ROLLBACK_COMPLETE, REVIEW_IN_PROGRESS. */
      stackStatus: string;
      reason: string | null;
      /** Last update, or creation when never updated (ISO 8601). */
      lastUpdated: string;
      outputs: StackOutput[];
      /** Null when ListStackResources failed (see `problems`). */
      resourceCount: number | null;
    }
  | { status: 'unavailable'; message: string };

/**
 * Whether `deployedFindings` describe a deployed template: `analyzed`; `not-deployed` when there is no stack or it has
 * no template yet (a change set never executed); `unavailable` when the stack or its template could not be read.
 */
export type DeployedAnalysis = 'analyzed' | 'not-deployed' | 'unavailable';

/** Everything the dashboard shows about the deployed stack of a review (plain JSON, safe to render and serve). */
export interface DeployedView {
  target: TargetDescription;
  /** What serves a custom endpoint (our moto launcher, or unknown); null on AWS itself. */
  emulator: EmulatorInfo | null;
  stack: DeployedStack;
  /** Reference (from) to deployed (to); null when not deployed, unreadable, or the reference failed. */
  drift: TemplateDiffJson | null;
  /** Deployed (from) to reference (to): what a deploy of the reference would change; null exactly when `drift` is. */
  deployDiff: TemplateDiffJson | null;
  /** The deployed template equals the reference (a drift that is empty). */
  inSync: boolean;
  /** Newest first; `failed` marks failures and the rollbacks they started. */
  events: StackEventView[];
  analysis: DeployedAnalysis;
  deployedFindings: DeployedFinding[];
  /** Per category; acknowledged findings counted only in `acknowledged`. */
  counts: Record<Category, SeverityCounts>;
  /** Reads that failed while the stack itself could be described (events, resources, template, reference). */
  problems: string[];
  generatedAt: string;
}
