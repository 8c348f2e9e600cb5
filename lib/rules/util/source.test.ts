import { describe, expect, it } from 'vitest';
import { source } from '../test-util';
import { sourceLines } from './source';

describe('util/source', () => {
  it("sourceLines numbers lines from each source's startLine", () => {
    const a = source('one\r\ntwo', 'python', 'a.py');
    const b = { ...source('three', 'typescript', 'MODEL_RESPONSE.md'), startLine: 40 };
    expect(sourceLines([a, b]).map((l) => [l.location, l.text])).toEqual([
      [{ file: 'a.py', line: 1 }, 'one'],
      [{ file: 'a.py', line: 2 }, 'two'],
      [{ file: 'MODEL_RESPONSE.md', line: 40 }, 'three'],
    ]);
  });
});
