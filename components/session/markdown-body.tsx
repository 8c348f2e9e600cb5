import { FindingMarkdown } from '../findings/finding-markdown';

/**
 * A participant's markdown (a comment) rendered inert: formatting, lists, code and links, never HTML or scripts; deep
 * nesting and very long text are bounded as in finding text, so no comment can break the page for everyone.
 */
export function MarkdownBody({ text }: { text: string }) {
  return <FindingMarkdown text={text} className="text-sm text-slate-800" />;
}
