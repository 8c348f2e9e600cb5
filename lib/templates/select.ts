/* What of a markdown answer is the answer: drafts set aside, and the main template chosen. */
import type { CodeBlock, LoadedTemplate } from './types';

/**
 * A block set aside: in a reasoning section of an answer that has a final part; superseded by a later whole
 * version of its file; a fragment of a file the answer gives whole elsewhere; or a repeat of a block taken.
 */
export interface Draft {
  block: CodeBlock;
  reason: 'reasoning-section' | 'superseded' | 'fragment' | 'duplicate';
  /** Start line of the answer's block for the same file name (or the same text, for a duplicate), when there is one. */
  supersededBy?: number;
}

/** Which template is the answer's main one, and why. */
export interface MainChoice {
  /** Index into the answer's templates. */
  index: number;
  /** `only` template; `named` like the task's template; `largest` final one (resources, then text length). */
  reason: 'only' | 'named' | 'largest';
}

/**
 * Splits blocks into the answer and drafts. When some blocks are in a reasoning section and some are
 * not, the reasoning ones are drafts. Of several answer blocks with the same file name, a whole one
 * beats a fragment (`fragment` set); among equals the last one in a final section (else the last one)
 * wins. Unnamed blocks repeating a taken block's text are duplicates. Order is kept.
 */
export function separateDrafts(blocks: readonly CodeBlock[]): { answer: CodeBlock[]; drafts: Draft[] } {
  const hasReasoning = blocks.some((b) => b.section === 'reasoning');
  const hasAnswer = blocks.some((b) => b.section !== 'reasoning');
  const candidates = hasReasoning && hasAnswer ? blocks.filter((b) => b.section !== 'reasoning') : [...blocks];
  const winners = new Map<string, CodeBlock>();
  for (const block of candidates) {
    if (!block.name) continue;
    const current = winners.get(block.name);
    if (!current || beats(block, current)) winners.set(block.name, block);
  }
  const taken = new Map([...winners.values()].map((b) => [b.text.trim(), b]));
  const answer: CodeBlock[] = [];
  const drafts: Draft[] = [];
  for (const block of blocks) {
    const winner = block.name ? winners.get(block.name) : taken.get(block.text.trim());
    const supersededBy = winner && winner !== block ? { supersededBy: winner.startLine } : {};
    if (!candidates.includes(block)) drafts.push({ block, reason: 'reasoning-section', ...supersededBy });
    else if (!winner || winner === block) answer.push(block);
    else drafts.push({ block, reason: setAsideBecause(block, winner), supersededBy: winner.startLine });
  }
  return { answer, drafts };
}

/** Whether a later block of a file replaces the one chosen so far: whole beats fragment, then final section, then later. */
function beats(later: CodeBlock, current: CodeBlock): boolean {
  if (!later.fragment !== !current.fragment) return !later.fragment;
  return later.section === 'final' || current.section !== 'final';
}

function setAsideBecause(block: CodeBlock, winner: CodeBlock): Draft['reason'] {
  if (block.text.trim() === winner.text.trim()) return 'duplicate';
  return block.fragment && !winner.fragment ? 'fragment' : 'superseded';
}

/** A file name reduced for comparison: base name without extension, letters and digits only (`lib/tap-stack.yml` → `tapstack`). */
function stem(name: string): string {
  const base = name.split('/').pop() ?? name;
  return base
    .replace(/\.[^.]*$/, '')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

/** Chooses the main template deterministically: the only one; else the one named like `mainName` (final section first, then last); else the largest, among final-section ones when there are any. */
export function chooseMain(
  templates: readonly { block: CodeBlock; loaded: LoadedTemplate }[],
  mainName = 'TapStack',
): MainChoice | undefined {
  if (templates.length === 0) return undefined;
  if (templates.length === 1) return { index: 0, reason: 'only' };
  const indexed = templates.map((t, index) => ({ ...t, index }));
  const preferFinal = <T extends { block: CodeBlock }>(list: T[]) =>
    list.some((t) => t.block.section === 'final') ? list.filter((t) => t.block.section === 'final') : list;
  const wanted = stem(mainName);
  const named = indexed.filter((t) => t.block.name && stem(t.block.name) === wanted);
  if (named.length > 0) return { index: preferFinal(named).pop()!.index, reason: 'named' };
  const size = (t: { loaded: LoadedTemplate; block: CodeBlock }) => [Object.keys(t.loaded.template.Resources).length, t.block.text.length];
  let best = preferFinal(indexed)[0];
  for (const t of preferFinal(indexed)) {
    const [r, l] = size(t);
    const [br, bl] = size(best);
    if (r > br || (r === br && l >= bl)) best = t;
  }
  return { index: best.index, reason: 'largest' };
}
