import type { CfnTemplate, ConstructRecord } from '../../templates/types';

/** Languages whose CDK answers can be synthesized in isolation. */
export const SUPPORTED_LANGUAGES = ['typescript', 'python'] as const;
/** A language synthesizeIsolated can run (Python only with a configured toolchain). */
export type IsolatedLanguage = (typeof SUPPORTED_LANGUAGES)[number];

/** One file of an answer, by path relative to the answer's root (e.g. `lib/tap-stack.ts`). */
export interface AnswerFile {
  path: string;
  text: string;
}

/** Resource limits of one synthesis; every field is optional and defaults to DEFAULT_LIMITS. */
export interface SynthLimits {
  /** Wall-clock limit of the whole worker process, in milliseconds. */
  timeoutMs?: number;
  /** V8 heap limit (`--max-old-space-size`), in MB; the process's resident memory may exceed it by `rssSlackMb`. */
  memoryMb?: number;
  /** Resident memory allowed above `memoryMb` (code of aws-cdk-lib, buffers) before the process is killed. */
  rssSlackMb?: number;
  /** Largest file the answer may write, in MB (RLIMIT_FSIZE through util-linux prlimit, where available). */
  fileMb?: number;
  /** Bytes kept of the worker's stdout and stderr (each) for messages. */
  outputBytes?: number;
}

/** The limits used when a call does not set them. */
export const DEFAULT_LIMITS: Required<SynthLimits> = {
  timeoutMs: 120_000,
  memoryMb: 1024,
  rssSlackMb: 512,
  fileMb: 256,
  outputBytes: 64 * 1024,
};

/** What to synthesize. */
export interface IsolatedSynthRequest {
  files: AnswerFile[];
  /** Entry file (e.g. `bin/tap.ts`, `app.py`); found or generated when omitted. */
  entry?: string;
  language: IsolatedLanguage | (string & {});
  limits?: SynthLimits;
  /**
   * TypeScript: also type-check against aws-cdk-lib's declarations in a contained worker before synthesizing, as
   * ts-node under `cdk synth` does (type errors become `compile` failures). Off by default: 10–25 s per answer.
   */
  typeCheck?: boolean;
  /** How network access is cut: `auto` uses a network namespace when available, `module` forces the in-process fallback. */
  network?: 'auto' | 'module';
}

/** A place in the answer's files that a failure points at (1-based line). */
export interface SynthDiagnostic {
  file: string;
  line: number;
  column?: number;
  message: string;
}

/** Which containment was active for a run. */
export interface Containment {
  /** `namespace`: a network namespace without interfaces (unshare --net); `module`: net, dns, http, tls and fetch made to throw in-process. */
  network: 'namespace' | 'module';
  /**
   * `permission-model`: Node's permission model (reads: the scratch dir and the app's node_modules; writes: the scratch dir; no child
   * processes or workers); `unprivileged-user`: run as `nobody`, owning only the scratch dir (Python as root); `none`: not restricted.
   */
  filesystem: 'permission-model' | 'unprivileged-user' | 'none';
}

/**
 * Stages at which an isolated synthesis can fail. `tool` is infra-review's own fault (a module it should provide, a
 * path its sandbox denies that the synthesis needs, a worker that could not start): it says nothing about the answer.
 */
export type SynthStage = 'compile' | 'synth' | 'timeout' | 'memory' | 'sandbox' | 'tool';

/** A synthesized stack; a nested stack is named `<parent>/<construct id>` and says its parent. */
export interface SynthesizedStack {
  stackName: string;
  template: CfnTemplate;
  /** For a nested stack: the name of the stack whose `AWS::CloudFormation::Stack` resource holds it. */
  parent?: string;
  /** The template's resources' constructs by logical ID, from the stack's metadata (`aws:cdk:logicalId`, `aws:cdk:creationStack`). */
  constructs?: Record<string, ConstructRecord>;
}

/** Outcome of synthesizing an untrusted answer: never a thrown error for the answer's faults. */
export type IsolatedSynthResult =
  | { status: 'ok'; templates: SynthesizedStack[]; durationMs: number; containment: Containment }
  | {
      status: 'failed';
      stage: SynthStage;
      message: string;
      diagnostics: SynthDiagnostic[];
      durationMs: number;
      containment?: Containment;
      /** Stacks obtained despite the failure (the constructs built before a synth-stage exception), and how they fall short. */
      lenient?: { templates: SynthesizedStack[]; note: string };
    }
  | { status: 'unsupported'; language: string; message: string; supported: readonly string[] };
