import Markdown, { type Components } from 'react-markdown';
import { limitMarkdownNesting } from './markdown-nesting';

/** Longest text rendered as markdown; longer text shows as typed (emphasis parsing grows faster than the text). */
export const MARKDOWN_MAX_CHARS = 5000;

// No rehype-raw and no dangerouslySetInnerHTML: HTML in finding text is escaped to text, and react-markdown's default URL
// transform drops javascript: and other unsafe link targets.
const COMPONENTS: Components = {
  a: ({ href, children }) => (
    <a href={href} rel="noopener noreferrer nofollow" className="text-sky-700 underline">
      {children}
    </a>
  ),
  img: ({ alt }) => <span className="text-slate-500">[image: {alt}]</span>,
};

/**
 * Markdown written by rules or people (finding text, comments) rendered: code spans, emphasis, lists and links; never
 * HTML. Deep nesting is cut and text over MARKDOWN_MAX_CHARS shows as plain text, so no input can stall or crash the page.
 */
export function FindingMarkdown({ text, testId, className = '' }: { text: string; testId?: string; className?: string }) {
  if (text.length > MARKDOWN_MAX_CHARS) {
    return (
      <p data-testid={testId} className={`break-words whitespace-pre-wrap ${className}`}>
        {text}
      </p>
    );
  }
  return (
    <div
      data-testid={testId}
      className={`space-y-1.5 break-words [&_code]:rounded [&_code]:bg-slate-100 [&_code]:px-1 [&_code]:font-mono [&_code]:text-[0.85em] [&_blockquote]:border-l-2 [&_blockquote]:border-slate-300 [&_blockquote]:pl-2 [&_ol]:list-decimal [&_ol]:pl-5 [&_pre]:overflow-x-auto [&_pre]:rounded [&_pre]:bg-slate-100 [&_pre]:p-2 [&_ul]:list-disc [&_ul]:pl-5 ${className}`}
    >
      <Markdown components={COMPONENTS}>{limitMarkdownNesting(text)}</Markdown>
    </div>
  );
}

/**
 * A finding's message, which rules write as plain text with code in backticks (`s3:*` must stay `s3:*`, not emphasis):
 * the backticked parts as code, everything else as typed.
 */
export function CodeSpans({ text, testId }: { text: string; testId?: string }) {
  return (
    <p
      data-testid={testId}
      className="break-words [&_code]:rounded [&_code]:bg-slate-100 [&_code]:px-1 [&_code]:font-mono [&_code]:text-[0.85em]"
    >
      {text.split(/(`[^`\n]+`)/).map((part, i) => (i % 2 === 1 ? <code key={i}>{part.slice(1, -1)}</code> : part))}
    </p>
  );
}
