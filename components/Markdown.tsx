import type { ReactNode } from 'react';
import { type Block, type Inline, parseMarkdown } from '../utils/shared/markdown';

/** Where a link in a shipped document goes: anchors stay on the page, other pages of the document open beside it. */
function linkProps(href: string) {
  return href.startsWith('#') ? { href } : { href, target: '_blank', rel: 'noreferrer noopener' };
}

function inline(parts: Inline[]): ReactNode[] {
  return parts.map((part, i) => {
    if (part.kind === 'code') return <code key={i}>{part.text}</code>;
    if (part.kind === 'strong') return <strong key={i}>{part.text}</strong>;
    if (part.kind === 'link')
      return (
        <a key={i} {...linkProps(part.href)}>
          {part.text}
        </a>
      );
    return part.text;
  });
}

function block(item: Block, i: number): ReactNode {
  switch (item.kind) {
    case 'heading': {
      const Tag = `h${Math.min(item.level, 4)}` as 'h1';
      return (
        <Tag key={i} id={item.id}>
          {inline(item.content)}
        </Tag>
      );
    }
    case 'paragraph':
      return <p key={i}>{inline(item.content)}</p>;
    case 'list':
      return (
        <ul key={i}>
          {item.items.map((entry, j) => (
            <li key={j}>{inline(entry)}</li>
          ))}
        </ul>
      );
    case 'table':
      return (
        <table key={i}>
          <thead>
            <tr>
              {item.head.map((cell, j) => (
                <th key={j} scope="col">
                  {inline(cell)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {item.rows.map((row, j) => (
              <tr key={j}>
                {row.map((cell, k) => (
                  <td key={k}>{inline(cell)}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      );
    case 'code':
      return (
        <pre key={i} tabIndex={0}>
          <code>{item.text}</code>
        </pre>
      );
  }
}

/** A Markdown document shipped with the extension, rendered as React elements (never as HTML). */
export function Markdown({ source }: { source: string }) {
  return <>{parseMarkdown(source).map(block)}</>;
}
