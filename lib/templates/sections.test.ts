import { describe, expect, it } from 'vitest';
import { headingKind, sectionKinds } from './sections';

describe('headingKind', () => {
  it('tells reasoning headings from final-answer headings', () => {
    for (const t of ['Reasoning', 'Thinking', 'Analysis', 'Draft 1', 'Reasoning Trace', 'My thought process'])
      expect(headingKind(t), t).toBe('reasoning');
    for (const t of ['Final answer', 'Solution', 'Implementation', 'Complete code', 'IDEAL_RESPONSE', 'Answer'])
      expect(headingKind(t), t).toBe('final');
    for (const t of ['Deployment', 'Project structure', 'lib/TapStack.yml']) expect(headingKind(t), t).toBe('answer');
  });
});

describe('sectionKinds', () => {
  it('lets a heading rule until a heading of the same or a higher level; reasoning above wins', () => {
    const lines = ['# Solution', '## Reasoning', 'a', '### Final idea', 'b', '## Final Answer', 'c', '### lib/x.yml', 'd', '# Notes', 'e'];
    expect(sectionKinds(lines, [])).toEqual([
      'final',
      'reasoning',
      'reasoning',
      'reasoning',
      'reasoning',
      'final',
      'final',
      'final',
      'final',
      'answer',
      'answer',
    ]);
  });

  it('reads <thinking> and <answer> tags, also inline, and bold or "Label:" headings', () => {
    const lines = ['<thinking>Let me see', 'x', '</thinking>', 'y', '**Reasoning:**', 'z', '**Final Answer**', 'w', 'Thinking:', 'v'];
    expect(sectionKinds(lines, [])).toEqual([
      'reasoning',
      'reasoning',
      'answer',
      'answer',
      'reasoning',
      'reasoning',
      'final',
      'final',
      'reasoning',
      'reasoning',
    ]);
  });

  it('reads setext headings, but not a list item above a --- line', () => {
    const lines = ['Reasoning', '---------', 'a', 'Final Answer', '============', 'b', '- Thinking', '---'];
    expect(sectionKinds(lines, [])).toEqual(['reasoning', 'reasoning', 'reasoning', 'final', 'final', 'final', 'final', 'final']);
  });

  it('ignores headings and tags inside fenced blocks and inline code', () => {
    const lines = ['## Solution', '```python', '# Reasoning', '<thinking>', '```', 'Use `<thinking>` tags', 'x'];
    expect(sectionKinds(lines, [{ fenceLine: 2, endLine: 5 }])).toEqual(Array(7).fill('final'));
  });

  it('keeps an unclosed <thinking> to the end (a truncated answer)', () => {
    expect(sectionKinds(['# Answer', '<think>', 'a', 'b'], [])).toEqual(['final', 'reasoning', 'reasoning', 'reasoning']);
  });
});
