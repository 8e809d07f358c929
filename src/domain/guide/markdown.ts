/**
 * The subset of Markdown the scenario guide (scenarios/README.md) is written in, read into a tree:
 * headings (with GitHub's anchor ids, or the id of an `<a id="…"></a>` line just above them),
 * paragraphs, lists, tables, fenced code, HTML comments (left out), and inline code, links, bold and
 * backslash escapes. The tree holds only text: whoever draws
 * it decides what a link may point to.
 */
export type Inline =
  | { type: 'text'; text: string }
  | { type: 'code'; text: string }
  | { type: 'strong'; children: Inline[] }
  | { type: 'link'; href: string; children: Inline[] };

export type Block =
  | { type: 'heading'; level: number; id: string; text: string; children: Inline[] }
  | { type: 'paragraph'; children: Inline[] }
  | { type: 'list'; ordered: boolean; items: Inline[][] }
  | { type: 'table'; head: Inline[][]; rows: Inline[][][] }
  | { type: 'code'; lang: string; text: string };

/** The text of inline content, without its marks. */
export function plainText(nodes: readonly Inline[]): string {
  return nodes.map((n) => (n.type === 'text' || n.type === 'code' ? n.text : plainText(n.children))).join('');
}

/**
 * Whether a paragraph is only a list of links to the document's own sections (a "Contents:" line
 * written for readers of the raw file): a page that draws its own table of contents leaves it out.
 */
export function isSectionIndex(block: Block): boolean {
  if (block.type !== 'paragraph') return false;
  const links = block.children.filter((n) => n.type === 'link');
  const own = links.every((n) => n.type === 'link' && n.href.startsWith('#'));
  const between = block.children.filter((n) => n.type !== 'link').map((n) => plainText([n]).replace(/[\s·|,，、]/g, ''));
  // Only a short label (such as "Contents:") may stand apart from the links.
  return links.length >= 5 && own && between.join('').length <= 12;
}

/** GitHub's anchor id of a heading: lower case, punctuation dropped, spaces as dashes. */
export function slug(text: string): string {
  return text
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\- _]/gu, '')
    .replace(/ /g, '-');
}

const ESCAPABLE = /[\\`*_{}[\]()#+\-.!|<>~]/;

/** Inline content of one paragraph, list item or cell. */
export function parseInline(src: string): Inline[] {
  const out: Inline[] = [];
  let text = '';
  const flush = () => {
    if (text) out.push({ type: 'text', text });
    text = '';
  };
  let i = 0;
  while (i < src.length) {
    const c = src[i]!;
    if (c === '\\' && i + 1 < src.length && ESCAPABLE.test(src[i + 1]!)) {
      text += src[i + 1];
      i += 2;
      continue;
    }
    if (c === '`') {
      let ticks = 1;
      while (src[i + ticks] === '`') ticks++;
      const fence = '`'.repeat(ticks);
      const end = src.indexOf(fence, i + ticks);
      if (end > 0) {
        flush();
        let code = src.slice(i + ticks, end);
        if (code.startsWith(' ') && code.endsWith(' ') && code.trim()) code = code.slice(1, -1);
        out.push({ type: 'code', text: code });
        i = end + ticks;
        continue;
      }
      text += fence;
      i += ticks;
      continue;
    }
    if (c === '*' && src[i + 1] === '*') {
      const end = src.indexOf('**', i + 2);
      if (end > i + 2) {
        flush();
        out.push({ type: 'strong', children: parseInline(src.slice(i + 2, end)) });
        i = end + 2;
        continue;
      }
    }
    if (c === '[') {
      const link = matchLink(src, i);
      if (link) {
        flush();
        out.push({ type: 'link', href: link.href, children: parseInline(link.label) });
        i = link.end;
        continue;
      }
    }
    text += c;
    i++;
  }
  flush();
  return out;
}

/** `[label](href)` starting at `start` (brackets in the label may nest; code spans are skipped). */
function matchLink(src: string, start: number): { label: string; href: string; end: number } | null {
  let depth = 0;
  for (let j = start; j < src.length; j++) {
    const c = src[j];
    if (c === '\\') j++;
    else if (c === '`') {
      const close = src.indexOf('`', j + 1);
      if (close < 0) return null;
      j = close;
    } else if (c === '[') depth++;
    else if (c === ']' && --depth === 0) {
      if (src[j + 1] !== '(') return null;
      const close = src.indexOf(')', j + 2);
      if (close < 0) return null;
      const href = src.slice(j + 2, close).trim();
      if (!href || /\s/.test(href)) return null;
      return { label: src.slice(start + 1, j), href, end: close + 1 };
    }
  }
  return null;
}

/** The cells of a table row: split at the pipes that are not escaped (`\|` is a pipe in a cell). */
function cells(line: string): string[] {
  const row = line.trim().replace(/^\|/, '').replace(/\|$/, '');
  const out: string[] = [];
  let cell = '';
  for (let i = 0; i < row.length; i++) {
    if (row[i] === '\\' && row[i + 1] === '|') {
      cell += '|';
      i++;
    } else if (row[i] === '|') {
      out.push(cell.trim());
      cell = '';
    } else cell += row[i];
  }
  out.push(cell.trim());
  return out;
}

const HEADING = /^(#{1,6})\s+(.*?)\s*#*\s*$/;
/** An anchor for the heading below it: a translation keeps the original's ids, on GitHub too. */
const ANCHOR = /^<a id="([\w-]+)"><\/a>$/;
const FENCE = /^(```+|~~~+)\s*([\w-]*)/;
const BULLET = /^\s{0,3}[-*+]\s+(.*)$/;
const NUMBERED = /^\s{0,3}\d+[.)]\s+(.*)$/;
const TABLE_RULE = /^\s*\|?\s*:?-+:?\s*(\|\s*:?-+:?\s*)*\|?\s*$/;

function startsBlock(line: string, next: string | undefined): boolean {
  return HEADING.test(line) || ANCHOR.test(line.trim()) || FENCE.test(line) || BULLET.test(line) || NUMBERED.test(line) || line.trimStart().startsWith('<!--') || (line.includes('|') && next !== undefined && TABLE_RULE.test(next));
}

/** Reads a Markdown text into blocks. */
export function parseMarkdown(src: string): Block[] {
  const lines = src.replace(/\r\n?/g, '\n').split('\n');
  const blocks: Block[] = [];
  const used = new Map<string, number>();
  let anchor: string | undefined;
  let i = 0;
  while (i < lines.length) {
    const line = lines[i]!;
    if (!line.trim()) {
      i++;
      continue;
    }
    const fence = FENCE.exec(line);
    if (fence) {
      const body: string[] = [];
      i++;
      while (i < lines.length && !lines[i]!.trimStart().startsWith(fence[1]!)) body.push(lines[i++]!);
      i++;
      blocks.push({ type: 'code', lang: fence[2] ?? '', text: body.join('\n') });
      continue;
    }
    if (line.trimStart().startsWith('<!--')) {
      while (i < lines.length && !lines[i]!.includes('-->')) i++;
      i++;
      continue;
    }
    const explicit = ANCHOR.exec(line.trim());
    if (explicit) {
      anchor = explicit[1];
      i++;
      continue;
    }
    const heading = HEADING.exec(line);
    if (heading) {
      const children = parseInline(heading[2]!);
      const text = plainText(children);
      const given = anchor;
      anchor = undefined;
      let id = given ?? slug(text);
      const seen = used.get(id) ?? 0;
      used.set(id, seen + 1);
      if (seen && given === undefined) id = `${id}-${seen}`;
      blocks.push({ type: 'heading', level: heading[1]!.length, id, text, children });
      i++;
      continue;
    }
    if (line.includes('|') && lines[i + 1] !== undefined && TABLE_RULE.test(lines[i + 1]!)) {
      const head = cells(line).map(parseInline);
      const rows: Inline[][][] = [];
      i += 2;
      while (i < lines.length && lines[i]!.trim() && lines[i]!.includes('|')) rows.push(cells(lines[i++]!).map(parseInline));
      blocks.push({ type: 'table', head, rows });
      continue;
    }
    const item = BULLET.exec(line) ?? NUMBERED.exec(line);
    if (item) {
      const ordered = !BULLET.test(line);
      const marker = ordered ? NUMBERED : BULLET;
      const items: string[][] = [];
      while (i < lines.length) {
        const l = lines[i]!;
        const m = marker.exec(l);
        if (m) items.push([m[1]!]);
        else if (l.trim() && !startsBlock(l.trimStart(), lines[i + 1])) items.at(-1)!.push(l.trim());
        else break;
        i++;
      }
      blocks.push({ type: 'list', ordered, items: items.map((parts) => parseInline(parts.join(' '))) });
      continue;
    }
    const para: string[] = [];
    while (i < lines.length && lines[i]!.trim() && !(para.length && startsBlock(lines[i]!, lines[i + 1]))) para.push(lines[i++]!.trim());
    blocks.push({ type: 'paragraph', children: parseInline(para.join(' ')) });
  }
  return blocks;
}

/** The headings of a guide, in order. */
export function headingsOf(blocks: readonly Block[]): Extract<Block, { type: 'heading' }>[] {
  return blocks.filter((b): b is Extract<Block, { type: 'heading' }> => b.type === 'heading');
}

/** The diagnostic code a list item explains: one that starts with the code in bold (`**SC012**`). */
export function codeOfItem(item: readonly Inline[]): string | null {
  const first = item[0];
  if (first?.type !== 'strong') return null;
  const text = plainText(first.children);
  return /^SC\d{3}$/.test(text) ? text : null;
}
