import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadArtifact } from './artifacts';

const fixture = (name: string) => path.join(import.meta.dirname, '../templates/fixtures', name);

describe('loadArtifact with a markdown answer', () => {
  it('takes the main template of the final answer and says what it set aside', async () => {
    const { state, template, sources } = await loadArtifact({ label: 'model', markdown: fixture('thinking-tags.md') });
    expect(template?.path).toMatch(/thinking-tags\.md:24$/);
    expect(Object.keys(template?.template.Resources ?? {})).toEqual(['Topic']);
    expect(sources).toEqual([]);
    expect(state).toMatchObject({ status: 'ok', kind: 'markdown', resourceCount: 1 });
    const notes = state.status === 'ok' ? (state.notes ?? []) : [];
    expect(notes[0]).toMatch(/^Main template: lib\/TapStack\.yml at .*thinking-tags\.md:24 \(named like the task's template/);
    expect(notes[1]).toMatch(
      /^Draft, not analyzed: lib\/network\.yml at .*thinking-tags\.md:5 is in a reasoning section \(the answer's is at line 16\)\.$/,
    );
  });

  it('passes a template block that does not parse to the rules as a marked source', async () => {
    const { sources, state } = await loadArtifact({ label: 'model', markdown: fixture('reasoning-then-final.md') });
    expect(sources.filter((s) => s.templateFormat).map((s) => [s.name, s.startLine])).toEqual([['lib/alarms.json', 50]]);
    expect(state.status === 'ok' && state.notes?.some((n) => n.startsWith('Template block does not parse: lib/alarms.json'))).toBe(true);
  });
});
