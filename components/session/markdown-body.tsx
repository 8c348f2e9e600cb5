import Markdown, { type Components } from 'react-markdown';

// No rehype-raw and no dangerouslySetInnerHTML: HTML in a comment is escaped to text, and react-markdown's default
// URL transform drops javascript: and other unsafe link targets.
const COMPONENTS: Components = {
  a: ({ href, children }) => (
    <a href={href} rel="noopener noreferrer nofollow" target="_blank" className="text-sky-700 underline">
      {children}
    </a>
  ),
  img: ({ alt }) => <span className="text-slate-500">[image: {alt}]</span>,
};

/** A participant's markdown rendered inert: formatting, lists, code and links, never HTML or scripts. */
export function MarkdownBody({ text }: { text: string }) {
  return (
    <div className="space-y-1.5 break-words text-sm text-slate-800 [&_code]:rounded [&_code]:bg-slate-100 [&_code]:px-1 [&_ol]:list-decimal [&_ol]:pl-5 [&_pre]:overflow-x-auto [&_pre]:rounded [&_pre]:bg-slate-100 [&_pre]:p-2 [&_ul]:list-disc [&_ul]:pl-5">
      <Markdown components={COMPONENTS}>{text}</Markdown>
    </div>
  );
}
