import type { TemplateDiffJson } from '../diff/types';
import type { Finding } from '../rules/finding';
import type { Category, Severity } from '../rules/types';
import type { SynthTarget } from '../synth/synthesize';
import type { LoadedTemplate, SourceFile } from '../templates/types';
import type { StackTemplate } from './stacks';

/** Which artifact of a review a finding belongs to. */
export type Side = 'model' | 'reference';

/** A finding of a review: the CLI/API finding shape plus its side. */
export interface ReviewFinding extends Finding {
  side: Side;
  /** A model finding the reference has too (same rule on the paired resource): shown, not counted among the model's failures. */
  shared?: boolean;
}

/** How one artifact of a review was obtained; `failed` carries an explained, user-visible error. */
export type ArtifactState =
  | {
      status: 'ok';
      label: string;
      /** File or directory the artifact came from. */
      origin: string;
      kind: 'cdk-synthesized' | 'template-file' | 'markdown';
      hash: string;
      resourceCount: number;
      /** Source files (or markdown code blocks) analyzed by source rules. */
      sources: { path: string; language: string; lines: number }[];
      /** What the review could not do for this artifact (e.g. CDK code not synthesized), when anything. */
      note?: string;
      /** How a markdown answer was read: its main template, drafts set aside, template blocks that do not parse or are cut off. */
      notes?: string[];
      /** A multi-stack app: every stack synthesized (nested ones after their parent), each analyzed and compared; absent for one stack. */
      stacks?: { name: string; parent?: string; resourceCount: number }[];
      /** CDK code whose synthesis failed (only its sources were analyzed, unless `lenient` says what template it has): the stage, the reason, and whose fault it is. */
      synthesis?: SynthesisFailure;
    }
  | {
      status: 'failed';
      label: string;
      origin: string;
      stage: 'synthesis' | 'parse';
      message: string;
      detail?: string;
    };

/** Why a CDK side has no template: `answer` when its code is at fault (reported as cdk-* findings), `tool` when infra-review is (no finding). */
export interface SynthesisFailure {
  stage: string;
  message: string;
  fault: 'answer' | 'tool';
  /** The side has a template despite the failure, and how it falls short (e.g. `partial template: ...`); rules ran on it. */
  lenient?: string;
}

/** Findings per severity. */
export type SeverityCounts = Record<Severity, number> & {
  total: number;
  acknowledged: number;
  /** Model findings the reference shares, counted here only (not in the severities). */
  shared?: number;
};

/** A complete review as served to the UI and API (plain JSON). */
export interface ReviewResult {
  id: string;
  name: string;
  generatedAt: string;
  reference: ArtifactState;
  model: ArtifactState;
  findings: ReviewFinding[];
  /** Per category and side; acknowledged findings are counted in `acknowledged`, not in the severities. */
  counts: Record<Category, Record<Side, SeverityCounts>>;
  /** Reference (from) to model (to); null when either side failed. */
  diff: TemplateDiffJson | null;
  /** The cdk-nag packs that ran (findings then deduplicated across sources); absent when none did. */
  rulePacks?: string[];
}

/** A file of a stored review, as text: how it is read follows `role`, else its extension. */
export interface InlineFile {
  name: string;
  text: string;
  role?: 'template' | 'markdown' | 'source';
}

/** Where one side of a review comes from; any combination of a CDK app, a template file, a markdown answer and source files. */
export interface ArtifactSpec {
  label: string;
  /** A CDK app synthesized in-process. */
  cdk?: SynthTarget;
  /** A template file (.json/.yaml/.yml) or a markdown answer (.md). */
  file?: string;
  /** For a template `file` synthesized without construct metadata: a JSON file of logical ID → construct path. */
  constructPaths?: string;
  /** A markdown answer whose code blocks are analyzed as sources (its templates too when no template is given). */
  markdown?: string;
  /** Source files analyzed by source rules. */
  sources?: string[];
  /** Files given as text (stored reviews): templates (.json/.yaml/.yml), markdown answers (.md), the rest source. */
  inline?: InlineFile[];
  /** Said with the artifact's state, e.g. what the review could not do for it. */
  note?: string;
  /** Synthesize the inline CDK code (TypeScript or Python) in isolation, never in-process. */
  synthesize?: 'ts' | 'py';
}

/** A side of a review, ready to analyze: its state, and its template and sources when they could be had. */
export interface LoadedArtifact {
  state: ArtifactState;
  /** The template; for a multi-stack app, its largest stack's (every stack is in `stacks`). */
  template?: LoadedTemplate;
  /** A synthesized app's stacks by name, nested ones included; reviewed one by one when either side has several. */
  stacks?: StackTemplate[];
  sources: SourceFile[];
  /** Findings of loading itself (e.g. an isolated synthesis that failed), added to the side's findings. */
  extraFindings?: Finding[];
}
