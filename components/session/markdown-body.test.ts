import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { MarkdownBody } from './markdown-body';

const render = (text: string) => renderToStaticMarkup(createElement(MarkdownBody, { text }));

describe('MarkdownBody (comments)', () => {
  it('renders a comment of 4,000 `>` (which overflowed the stack unbounded) and deep lists without throwing', () => {
    expect(render('>'.repeat(4000))).toContain('<blockquote>');
    expect(render(Array.from({ length: 60 }, (_, i) => `${' '.repeat(2 * i)}- item`).join('\n'))).toContain('<li>');
    // Past MARKDOWN_MAX_CHARS a comment shows as typed.
    expect(render(Array.from({ length: 3000 }, (_, i) => `${' '.repeat(i)}- item`).join('\n'))).toMatch(/^<p[^>]*>- item/);
  });

  it('renders formatting and never HTML', () => {
    const html = render('**yes** `code` <script>alert(1)</script>');
    expect(html).toContain('<strong>yes</strong>');
    expect(html).toContain('<code>code</code>');
    expect(html).not.toContain('<script');
  });
});
