/* The comparison of a review: the diff of the two sides, the model's difference findings, and the alignments behind them. */
import { alignLoaded } from '../align';
import type { Alignment } from '../align/types';
import type { TemplateDiffJson } from '../diff/types';
import type { Finding } from '../rules/finding';
import { reviewDifferences } from './differences';
import { diffArtifacts, templatePairsOf } from './stack-review';
import type { LoadedArtifact } from './types';

/** The alignment of one pair of templates, by their hashes: what alignLoaded would compute for them. */
export interface AlignmentRecord {
  referenceHash: string;
  modelHash: string;
  alignment: Alignment;
}

/** What comparing a reference with a model yields; plain JSON, so it crosses a thread boundary unchanged. */
export interface Comparison {
  diff: TemplateDiffJson | null;
  differences: Finding[];
  alignments: AlignmentRecord[];
}

/** Diff (diffArtifacts), difference findings (reviewDifferences) and every template pair's alignment; inputs are not mutated. */
export function compareArtifacts(reference: LoadedArtifact, model: LoadedArtifact): Comparison {
  const diff = diffArtifacts(reference, model);
  const differences = reviewDifferences(reference, model);
  const alignments = templatePairsOf(reference, model).pairs.flatMap(({ reference: from, model: to }) =>
    from && to
      ? [{ referenceHash: from.template.hash, modelHash: to.template.hash, alignment: alignLoaded(from.template, to.template) }]
      : [],
  );
  return { diff, differences, alignments };
}
