import { describe, expect, it } from 'vitest';
import { DIAGNOSTIC_CODES } from '../diagnostics/codes';
import { codeListBlock, codeListLines } from './guide-codes';
import GUIDE from '../../../scenarios/README.md?raw';
import GUIDE_ZH from '../../../scenarios/README.zh-CN.md?raw';
import { codeOfItem, headingsOf, isSectionIndex, parseInline, parseMarkdown, plainText, slug, type Block, type Inline } from './markdown';


describe('the guide’s markdown', () => {
  it('gives headings GitHub’s anchor ids', () => {
    expect(slug('Stages 2–7: steps and options')).toBe('stages-27-steps-and-options');
    expect(slug('Conditions (when)')).toBe('conditions-when');
    expect(slug('The contract and the payment')).toBe('the-contract-and-the-payment');
    const [h] = parseMarkdown('## Conditions (`when`)');
    expect(h).toEqual({ type: 'heading', level: 2, id: 'conditions-when', text: 'Conditions (when)', children: [{ type: 'text', text: 'Conditions (' }, { type: 'code', text: 'when' }, { type: 'text', text: ')' }] });
    expect(headingsOf(parseMarkdown('# A\n\n## B\n\n## B')).map((x) => x.id)).toEqual(['a', 'b', 'b-1']);
    // An anchor line just above a heading gives it its id (a translation keeps the original's).
    expect(headingsOf(parseMarkdown('<a id="a"></a>\n# 甲\n\n<a id="a"></a>\n## 乙\n\n## 丙')).map((x) => x.id)).toEqual(['a', 'a', '丙']);
  });

  it('reads inline code, bold, links (with code inside) and escapes', () => {
    expect(parseInline('see [`customer.team`](#the-customer), **meters** and `a | b` \\*not bold\\*')).toEqual<Inline[]>([
      { type: 'text', text: 'see ' },
      { type: 'link', href: '#the-customer', children: [{ type: 'code', text: 'customer.team' }] },
      { type: 'text', text: ', ' },
      { type: 'strong', children: [{ type: 'text', text: 'meters' }] },
      { type: 'text', text: ' and ' },
      { type: 'code', text: 'a | b' },
      { type: 'text', text: ' *not bold*' },
    ]);
    expect(parseInline('[not a link] and [x](has space) `open')).toEqual([{ type: 'text', text: '[not a link] and [x](has space) `open' }]);
  });

  it('reads paragraphs, lists with continued lines, tables with escaped pipes, code, and leaves comments out', () => {
    const src = [
      'One line',
      'and the next.',
      '',
      '- first item',
      '  continued',
      '- second',
      '1. one',
      '2. two',
      '',
      '| key | meaning |',
      '|---|---|',
      '| `ends` | `won \\| lost` |',
      '',
      '<!-- hidden -->',
      '```yaml',
      'a: 1',
      '',
      '  b: 2',
      '```',
    ].join('\n');
    expect(parseMarkdown(src)).toEqual<Block[]>([
      { type: 'paragraph', children: [{ type: 'text', text: 'One line and the next.' }] },
      { type: 'list', ordered: false, items: [[{ type: 'text', text: 'first item continued' }], [{ type: 'text', text: 'second' }]] },
      { type: 'list', ordered: true, items: [[{ type: 'text', text: 'one' }], [{ type: 'text', text: 'two' }]] },
      { type: 'table', head: [[{ type: 'text', text: 'key' }], [{ type: 'text', text: 'meaning' }]], rows: [[[{ type: 'code', text: 'ends' }], [{ type: 'code', text: 'won | lost' }]]] },
      { type: 'code', lang: 'yaml', text: 'a: 1\n\n  b: 2' },
    ]);
  });

  it('knows the list item that explains a code', () => {
    expect(codeOfItem(parseInline('**SC012** · error · unknown step.'))).toBe('SC012');
    expect(codeOfItem(parseInline('**trust**: how much'))).toBeNull();
  });
});

describe('the guide and the diagnostic codes', () => {
  const blocks = parseMarkdown(GUIDE);
  const ids = new Set(headingsOf(blocks).map((h) => h.id));
  const entries = blocks.flatMap((b) => (b.type === 'list' ? b.items.map(codeOfItem).filter((c) => c !== null) : []));

  it('maps every code to a section of the guide', () => {
    for (const [code, e] of Object.entries(DIAGNOSTIC_CODES)) expect(ids.has(e.section), `${code} → ${e.section}`).toBe(true);
  });

  it('explains every code, in the registry’s order, as `npm run scenarios -- codes` prints it', () => {
    expect(entries).toEqual(Object.keys(DIAGNOSTIC_CODES));
    expect(codeListBlock(GUIDE)).toEqual(codeListLines(GUIDE));
  });

  it('links only to its own sections', () => {
    const hrefs = (nodes: readonly Inline[]): string[] => nodes.flatMap((n) => (n.type === 'link' ? [n.href, ...hrefs(n.children)] : n.type === 'strong' ? hrefs(n.children) : []));
    const all = blocks.flatMap((b) => (b.type === 'paragraph' ? hrefs(b.children) : b.type === 'list' ? b.items.flatMap(hrefs) : b.type === 'table' ? [...b.head, ...b.rows.flat()].flatMap(hrefs) : []));
    expect(all.length).toBeGreaterThan(20);
    for (const href of all) expect(ids.has(href.replace(/^#/, '')), href).toBe(true);
  });
});

describe('the Chinese guide', () => {
  const en = parseMarkdown(GUIDE);
  const zh = parseMarkdown(GUIDE_ZH);
  const items = (blocks: Block[]) => blocks.flatMap((b) => (b.type === 'list' ? b.items : []));
  const links = (nodes: readonly Inline[]): string[] => nodes.flatMap((n) => (n.type === 'link' ? [n.href] : n.type === 'strong' ? links(n.children) : []));

  it('has the same sections, at the same levels, with the same ids', () => {
    expect(headingsOf(zh).map((h) => [h.level, h.id])).toEqual(headingsOf(en).map((h) => [h.level, h.id]));
    expect(headingsOf(zh)[0]!.text).toBe('编写场景');
  });

  it('explains the same codes, each linking to the same section', () => {
    const entries = (blocks: Block[]) => items(blocks).flatMap((item) => (codeOfItem(item) ? [[codeOfItem(item), links(item)]] : []));
    expect(entries(zh)).toEqual(entries(en));
    expect(entries(zh)).toHaveLength(Object.keys(DIAGNOSTIC_CODES).length);
  });

  it('keeps the examples as they are, and links only to its own sections', () => {
    const code = (blocks: Block[]) => blocks.filter((b) => b.type === 'code');
    expect(code(zh)).toEqual(code(en));
    const ids = new Set(headingsOf(zh).map((h) => h.id));
    const all = zh.flatMap((b) => (b.type === 'paragraph' ? links(b.children) : b.type === 'list' ? b.items.flatMap(links) : b.type === 'table' ? [...b.head, ...b.rows.flat()].flatMap(links) : []));
    for (const href of all) expect(ids.has(href.replace(/^#/, '')), href).toBe(true);
  });
});

describe('the section index line', () => {
  it('is the file\'s own "Contents:" line, in both guides, and nothing else', () => {
    for (const text of [GUIDE, GUIDE_ZH]) {
      const found = parseMarkdown(text).filter(isSectionIndex);
      expect(found).toHaveLength(1);
      expect(plainText((found[0] as Extract<Block, { type: 'paragraph' }>).children)).toMatch(/^(Contents:|目录：)/);
    }
  });
});
