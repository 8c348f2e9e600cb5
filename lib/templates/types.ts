import type { NameSource } from './file-names';
import type { SectionKind } from './sections';
/** A JSON value as found in a CloudFormation template. */
export type CfnValue = string | number | boolean | null | CfnValue[] | { [key: string]: CfnValue };

/** One resource of a template. */
export interface CfnResource {
  readonly Type: string;
  readonly Properties?: Readonly<Record<string, CfnValue>>;
  readonly Metadata?: Readonly<Record<string, CfnValue>>;
  readonly DependsOn?: string | readonly string[];
  readonly Condition?: string;
  readonly DeletionPolicy?: string;
  readonly UpdateReplacePolicy?: string;
}

/** A CloudFormation template in its normalized (JSON, long-form intrinsic) shape. */
export interface CfnTemplate {
  readonly AWSTemplateFormatVersion?: string;
  readonly Description?: string;
  readonly Metadata?: Readonly<Record<string, CfnValue>>;
  readonly Parameters?: Readonly<Record<string, Readonly<Record<string, CfnValue>>>>;
  readonly Mappings?: Readonly<Record<string, CfnValue>>;
  readonly Conditions?: Readonly<Record<string, CfnValue>>;
  readonly Transform?: CfnValue;
  readonly Resources: Readonly<Record<string, CfnResource>>;
  readonly Outputs?: Readonly<Record<string, CfnValue>>;
}

/** A source file (or a code block extracted from markdown) given to source rules. */
export interface SourceFile {
  /** Path shown to users: a file path, or `MODEL_RESPONSE.md` for blocks extracted from markdown. */
  readonly path: string;
  /** File name the text gives for this code (markdown answers), when stated. */
  readonly name?: string;
  readonly language: 'python' | 'typescript' | 'javascript' | 'java' | 'csharp' | 'go' | 'unknown';
  readonly text: string;
  /** Line of `path` on which `text` starts (1 for whole files; the fence's next line for markdown blocks). */
  readonly startLine: number;
  /** Set on a markdown block meant as a template (JSON or YAML) that does not parse; the template-block-syntax rule reports it. */
  readonly templateFormat?: 'json' | 'yaml';
}

/** A resource's construct in a synthesized app: its path (without the leading `/`) and, when CDK recorded its creation stack, the answer's line that created it. */
export interface ConstructRecord {
  readonly path: string;
  /** File relative to the app's root, 1-based line. */
  readonly createdAt?: { readonly file: string; readonly line: number };
}

/** A parsed, frozen template plus what is needed to point users at lines in it. */
export interface LoadedTemplate {
  readonly path: string;
  readonly format: 'json' | 'yaml';
  /** sha256 of the normalized JSON, stable across formatting differences. */
  readonly hash: string;
  readonly template: CfnTemplate;
  /** Original text, when the template was parsed from a file or block (for line numbers). */
  readonly text?: string;
  /** Line (1-based) in the original text where a resource is defined, when known. */
  readonly resourceLines: Readonly<Record<string, number>>;
  /** A synthesized template: each resource's construct (by logical ID), as the cloud assembly records it. */
  readonly constructs?: Readonly<Record<string, ConstructRecord>>;
}

/** A fenced code block of a markdown document. */
export interface CodeBlock {
  /** Info string's first word, lower-cased (`python`, `ts`, `yaml`, ...); '' when absent. */
  info: string;
  /** Content, lines joined with `\n` (Windows line endings removed). */
  text: string;
  /** 1-based line of the markdown on which the block's content starts. */
  startLine: number;
  /** File name the answer gives for this block, as a normalized relative path (info attribute, first-line comment, text or heading above). */
  name?: string;
  /** Where `name` was read. */
  nameFrom?: NameSource;
  /** For a name inferred from content: what in the code gave it (`imported as ../lib/tap-stack by bin/tap.ts`). */
  nameWhy?: string;
  /** 1-based line of the opening fence. */
  fenceLine: number;
  /** 1-based line of the closing fence, or of the last line when the block is not closed. */
  endLine: number;
  /** False for a block cut off before its closing fence (a truncated answer). */
  closed: boolean;
  /** `key=value` attributes of the info string (`title`, `filename`, ...). */
  attributes: Record<string, string>;
  /** Why the block reads as a fragment of a file (elided code, unbalanced brackets, ...), when it does. */
  fragment?: string;
  /** Part of the answer the block is in. */
  section: SectionKind;
}
