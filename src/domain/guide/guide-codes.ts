/**
 * The guide's list of diagnostic codes (between `<!-- codes:start -->` and `<!-- codes:end -->` in
 * scenarios/README.md), written from the registry: each code, its severity and title, what it means
 * and how to fix it, and a link to the section about what it concerns.
 */
import { CODE_HELP } from '../diagnostics/code-help';
import { DIAGNOSTIC_CODES, type DiagnosticCode } from '../diagnostics/codes';
import { headingsOf, parseMarkdown } from './markdown';

export const CODES_START = '<!-- codes:start -->';
export const CODES_END = '<!-- codes:end -->';

/** The list's lines, for a guide whose text is `guide` (its headings name the links). */
export function codeListLines(guide: string): string[] {
  const titles = new Map(headingsOf(parseMarkdown(guide)).map((h) => [h.id, h.text]));
  return Object.entries(DIAGNOSTIC_CODES).map(([code, e]) => {
    const title = titles.get(e.section);
    if (title === undefined) throw new Error(`${code}: the guide has no section "${e.section}"`);
    return `- **${code}** · ${e.severity} · ${e.title}. ${CODE_HELP[code as DiagnosticCode]} See [${title}](#${e.section}).`;
  });
}

/** The lines between the markers of `guide`, or null when it has no such block. */
export function codeListBlock(guide: string): string[] | null {
  const lines = guide.replace(/\r\n?/g, '\n').split('\n');
  const start = lines.indexOf(CODES_START);
  const end = lines.indexOf(CODES_END);
  return start >= 0 && end > start ? lines.slice(start + 1, end) : null;
}
