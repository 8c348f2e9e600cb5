import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { CodeSpans, FindingMarkdown, MARKDOWN_MAX_CHARS } from './finding-markdown';
import { limitMarkdownNesting, MAX_MARKDOWN_NESTING } from './markdown-nesting';

const render = (text: string) => renderToStaticMarkup(createElement(FindingMarkdown, { text }));

describe('FindingMarkdown', () => {
  it('renders code spans, emphasis, lists and links', () => {
    const html = render('Use `aws-cdk-lib` and **never** _v1_:\n\n- one\n- [docs](https://docs.aws.amazon.com/cdk/)');
    expect(html).toContain('<code>aws-cdk-lib</code>');
    expect(html).toContain('<strong>never</strong>');
    expect(html).toContain('<em>v1</em>');
    expect(html).toMatch(/<ul>\s*<li>one<\/li>/);
    expect(html).toContain('href="https://docs.aws.amazon.com/cdk/"');
  });

  it('never renders raw HTML or script links', () => {
    const html = render('<script>window.x = 1</script>\n\nText <img src=x onerror=alert(1)> and [x](javascript:alert(1))');
    expect(html).toContain('&lt;script&gt;');
    expect(html).not.toContain('<script');
    expect(html).not.toContain('<img');
    expect(html).toContain('>x</a>');
    expect(html).not.toContain('href="javascript');
  });

  it('survives pathological nesting: thousands of `>` or list markers', () => {
    for (const text of [
      '>'.repeat(4000),
      '> '.repeat(4000),
      '- '.repeat(3000) + 'x',
      '1. '.repeat(3000) + 'x',
      '> - '.repeat(1500) + 'x',
    ]) {
      const html = render(text);
      expect(html.match(/<blockquote>|<li>/g)?.length ?? 0).toBeLessThanOrEqual(MAX_MARKDOWN_NESTING);
    }
  });

  it('shows text over MARKDOWN_MAX_CHARS as typed', () => {
    const text = `**${'a'.repeat(MARKDOWN_MAX_CHARS)}**`;
    expect(render(text)).toContain(text);
  });
});

describe('limitMarkdownNesting', () => {
  it('leaves ordinary text alone and escapes the markers past the limit', () => {
    const ordinary = '> quoted\n- item\n  1. nested\n\nplain `code` text';
    expect(limitMarkdownNesting(ordinary)).toBe(ordinary);
    const deep = limitMarkdownNesting('>'.repeat(MAX_MARKDOWN_NESTING + 2) + ' x');
    expect(deep).toBe('>'.repeat(MAX_MARKDOWN_NESTING) + '\\>\\> x');
  });
});

describe('CodeSpans', () => {
  it('shows backticked parts of a message as code and leaves every other character as typed', () => {
    const html = renderToStaticMarkup(createElement(CodeSpans, { text: 'allows dynamodb:*, s3:* in `aws-cdk-lib` <b>x</b> `' }));
    expect(html).toContain('allows dynamodb:*, s3:* in <code>aws-cdk-lib</code> &lt;b&gt;x&lt;/b&gt; `');
  });
});
