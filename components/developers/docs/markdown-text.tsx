import { Fragment, type ReactNode } from 'react';

// The OpenAPI descriptions use a little Markdown: paragraphs, **bold** and `code`. Rendered
// as React elements (never as HTML), so no description can inject markup.

function inline(text: string): ReactNode[] {
  return text.split(/(\*\*[^*]+\*\*|`[^`]+`)/g).map((part, i) => {
    if (part.startsWith('**') && part.endsWith('**') && part.length > 4) return <strong key={i}>{part.slice(2, -2)}</strong>;
    if (part.startsWith('`') && part.endsWith('`') && part.length > 2)
      return (
        <code key={i} className="rounded bg-slate-100 px-1 py-0.5 font-mono text-[0.85em]">
          {part.slice(1, -1)}
        </code>
      );
    return <Fragment key={i}>{part}</Fragment>;
  });
}

/** One line of descriptive text: **bold** and `code`, no paragraphs. */
export function InlineMarkdown({ text }: { text: string }) {
  return <>{inline(text)}</>;
}

export function MarkdownText({ text, className = '' }: { text: string; className?: string }) {
  const paragraphs = text.split(/\n{2,}/).filter((p) => p.trim());
  return (
    <div className={`flex flex-col gap-3 text-sm leading-6 text-slate-700 ${className}`}>
      {paragraphs.map((paragraph, i) => (
        <p key={i}>{inline(paragraph)}</p>
      ))}
    </div>
  );
}
