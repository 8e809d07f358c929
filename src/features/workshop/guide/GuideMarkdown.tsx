import { Fragment, type ReactNode } from 'react';
import { codeOfItem, type Block, type Inline } from '../../../domain/guide/markdown';
import { guideElementId, guideHref } from './guide-link';

interface Props {
  blocks: readonly Block[];
  /** The accessible name of a table's scrolling box, from the section it is in. */
  tableLabel(section: string): string;
}

/**
 * Draws the guide's blocks as React elements (never as HTML markup): headings one level below the
 * page's, each with its id; a list item that explains a diagnostic code gets the code's id. Links
 * within the guide (`#conditions-when`) go to its route; links out only over https; any other
 * link is drawn as its text.
 */
export function GuideMarkdown({ blocks, tableLabel }: Props) {
  const out: ReactNode[] = [];
  let section = '';
  for (const [i, b] of blocks.entries()) {
    if (b.type === 'heading') section = b.text;
    out.push(<Fragment key={i}>{block(b, section, tableLabel)}</Fragment>);
  }
  return <>{out}</>;
}

function block(b: Block, section: string, tableLabel: Props['tableLabel']): ReactNode {
  switch (b.type) {
    case 'heading': {
      const Tag = `h${Math.min(6, b.level + 1)}` as 'h2';
      return (
        <Tag id={guideElementId(b.id)} tabIndex={-1}>
          {inline(b.children)}
        </Tag>
      );
    }
    case 'paragraph':
      return <p>{inline(b.children)}</p>;
    case 'list': {
      const items = b.items.map((item, j) => {
        const code = codeOfItem(item);
        return code ? (
          <li key={j} id={guideElementId(code)} tabIndex={-1} className="guide-code">
            {inline(item)}
          </li>
        ) : (
          <li key={j}>{inline(item)}</li>
        );
      });
      return b.ordered ? <ol>{items}</ol> : <ul>{items}</ul>;
    }
    case 'table':
      return (
        <div className="guide-table" role="region" aria-label={tableLabel(section)} tabIndex={0}>
          <table>
            <thead>
              <tr>
                {b.head.map((c, j) => (
                  <th key={j} scope="col">
                    {inline(c)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {b.rows.map((row, j) => (
                <tr key={j}>
                  {row.map((c, k) => (
                    <td key={k}>{inline(c)}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      );
    case 'code':
      return (
        <pre className="guide-pre" tabIndex={0}>
          <code>{b.text}</code>
        </pre>
      );
  }
}

function inline(nodes: readonly Inline[]): ReactNode {
  return nodes.map((n, i) => {
    switch (n.type) {
      case 'text':
        return <Fragment key={i}>{n.text}</Fragment>;
      case 'code':
        return <code key={i}>{n.text}</code>;
      case 'strong':
        return <strong key={i}>{inline(n.children)}</strong>;
      case 'link': {
        const href = linkTarget(n.href);
        return href ? (
          <a key={i} href={href} {...(href.startsWith('https:') ? { rel: 'noreferrer' } : {})}>
            {inline(n.children)}
          </a>
        ) : (
          <Fragment key={i}>{inline(n.children)}</Fragment>
        );
      }
    }
  });
}

/** Where a guide link goes in the app, or null for one that cannot be followed from here. */
export function linkTarget(href: string): string | null {
  if (/^#[\p{L}\p{N}_-]+$/u.test(href)) return guideHref(href.slice(1));
  if (/^https:\/\/[^\s"'<>]+$/.test(href)) return href;
  return null;
}
