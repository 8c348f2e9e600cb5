/* What the extraction of a markdown answer's code took and set aside, said so a reviewer can check it. */
import { languageOf } from './code-facts';
import { classifyMarkdown, type MarkdownArtifacts } from './markdown';
import type { CodeBlock } from './types';

/** A file taken from the answer: its name, whether the answer states it or it was inferred from the code, and why. */
export interface TakenFile {
  name: string;
  /** Markdown line where the block's content starts. */
  line: number;
  naming: 'stated' | 'inferred';
  /** For an inferred name, what gave it. */
  why?: string;
  /** Set when the only version the answer gives reads as a fragment (cut off, elided). */
  fragment?: string;
}

/** A code block not taken as a file: a draft in reasoning, an earlier version, a fragment, a repeat, or code nothing names. */
export interface SetAsideBlock {
  name?: string;
  line: number;
  reason: 'draft' | 'superseded' | 'fragment' | 'duplicate' | 'unnamed';
  /** For a fragment, what makes it one. */
  why?: string;
}

/** What a markdown answer's extraction took and set aside. */
export interface ExtractionSummary {
  file: string;
  taken: TakenFile[];
  setAside: SetAsideBlock[];
}

const DRAFT_REASON = { 'reasoning-section': 'draft', superseded: 'superseded', fragment: 'fragment', duplicate: 'duplicate' } as const;

/** The files taken (every named code block of the answer that is not a template) and every code block set aside, in document order. */
export function summarizeExtraction(parts: MarkdownArtifacts, file: string): ExtractionSummary {
  const templates = new Set(parts.templates.map((t) => t.block));
  const code = parts.answer.filter((b) => !templates.has(b));
  const taken = code.filter((b) => b.name).map(takenFile);
  const unnamed: SetAsideBlock[] = code
    .filter((b) => !b.name && ['ts', 'js', 'py'].includes(languageOf(b.info, b.text)))
    .map((b) => ({ line: b.startLine, reason: 'unnamed' }));
  const drafts: SetAsideBlock[] = parts.drafts.map(({ block, reason }) => ({
    ...(block.name ? { name: block.name } : {}),
    line: block.startLine,
    reason: DRAFT_REASON[reason],
    ...(reason === 'fragment' && block.fragment ? { why: block.fragment } : {}),
  }));
  return { file, taken, setAside: [...drafts, ...unnamed].sort((a, b) => a.line - b.line) };
}

function takenFile(block: CodeBlock): TakenFile {
  const inferred = block.nameFrom === 'content';
  return {
    name: block.name!,
    line: block.startLine,
    naming: inferred ? 'inferred' : 'stated',
    ...(inferred && block.nameWhy ? { why: block.nameWhy } : {}),
    ...(block.fragment ? { fragment: block.fragment } : {}),
  };
}

/** Blocks listed per reason; a long reasoning trace would drown the note. */
const LISTED = 5;

const SET_ASIDE_WORDS: Record<SetAsideBlock['reason'], string> = {
  draft: 'draft(s) in reasoning',
  superseded: 'earlier version(s) of a file',
  fragment: 'fragment(s) of a file given whole',
  duplicate: 'repeat(s) of a block taken',
  unnamed: 'code block(s) with no file name stated or inferable',
};

/** One sentence for an artifact's note: each file taken and how it was named, then the blocks set aside by reason, with their lines (the first few). */
export function describeExtraction(summary: ExtractionSummary): string {
  const taken = summary.taken.map((t) => {
    const how = t.naming === 'stated' ? 'stated' : `inferred: ${t.why ?? 'from its content'}`;
    return `${t.name} (line ${t.line}, ${how}${t.fragment ? `; only a fragment: ${t.fragment}` : ''})`;
  });
  const groups = (Object.keys(SET_ASIDE_WORDS) as SetAsideBlock['reason'][]).flatMap((reason) => {
    const blocks = summary.setAside.filter((b) => b.reason === reason);
    if (blocks.length === 0) return [];
    const where = blocks.slice(0, LISTED).map((b) => `${b.name ? `${b.name} ` : ''}line ${b.line}${b.why ? ` (${b.why})` : ''}`);
    const more = blocks.length > LISTED ? ` and ${blocks.length - LISTED} more` : '';
    return [`${blocks.length} ${SET_ASIDE_WORDS[reason]}: ${where.join(', ')}${more}`];
  });
  const took = taken.length ? `took ${taken.join(', ')}` : 'took no code file';
  return `${summary.file}: ${took}${groups.length ? `; set aside ${groups.join('; ')}` : ''}.`;
}

/** The note for a markdown answer whose code is synthesized: `describeExtraction` of its extraction. */
export function extractionNote(markdown: string, file: string): string {
  return describeExtraction(summarizeExtraction(classifyMarkdown(markdown, file), file));
}
