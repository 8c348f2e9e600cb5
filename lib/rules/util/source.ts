/* Line-by-line reading of source files for source rules. */
import type { SourceLocation } from '../types';
import type { SourceFile } from '../../templates/types';

/** One line of a source file with its location (line = `startLine` + index within the text). */
export interface SourceLine {
  location: SourceLocation;
  text: string;
  source: SourceFile;
}

/** Every line of every source, with the location to report it at. */
export function sourceLines(sources: readonly SourceFile[]): SourceLine[] {
  return sources.flatMap((source) =>
    source.text.split(/\r?\n/).map((text, index) => ({ location: { file: source.path, line: source.startLine + index }, text, source })),
  );
}
