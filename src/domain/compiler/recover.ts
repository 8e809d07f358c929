/**
 * Recovery after YAML syntax errors, so that one check shows every problem of a file, not just the
 * first syntax error. The text is repaired in a copy, line for line (line numbers stay the same):
 * tabs in indentation become two spaces, a badly indented line is lined up with the line above,
 * and a line the parser still cannot read is blanked. The repaired copy is then checked like any
 * file; what those checks say about the blanked lines' surroundings (a step missing the key that
 * was on the blanked line, an id defined only there) is left out, since the trainer is already
 * told about that line. A repaired copy is never compiled into a model.
 */
import { makeDiagnostic, type Diagnostic } from '../diagnostics/diagnostic';
import { formatPath, pathAt, readSource, type SourceDocument } from './source-document';

/** Codes after which the rest of the file can still be checked. */
const RECOVERABLE = new Set(['SC004', 'SC005', 'SC006']);
const MAX_ROUNDS = 12;
/** Larger texts are not repaired (each round reads the whole text again): their first problems are shown. */
const MAX_RECOVERED_CHARS = 600_000;
/** Tab-indented lines placed one by one (each tried at a few columns); more are expanded at one width. */
const MAX_TAB_LINES_PLACED = 10;

export interface Recovered {
  /** The syntax problems to report: those of the file, without what its tabs made the parser say about later lines. */
  syntax: Diagnostic[];
  /** The repaired copy, read (its value is what the checks see); absent when the file could not be repaired. */
  src?: SourceDocument;
  /** Keeps a diagnostic of the repaired copy: false when it is about what a blanked line held. */
  keep(d: Diagnostic): boolean;
}

const recoverable = (ds: readonly Diagnostic[]) => ds.every((d) => RECOVERABLE.has(d.code) && d.args.problem !== 'unresolved-alias' && d.line > 0);
const leadOf = (line: string) => /^[ \t]*/.exec(line)![0];

/** Repairs the text after `diagnostics` (from reading `src`); undefined when it cannot be recovered. */
export function recoverSyntax(src: SourceDocument, diagnostics: readonly Diagnostic[]): Recovered | undefined {
  if (!recoverable(diagnostics) || src.text.length > MAX_RECOVERED_CHARS) return undefined;
  // Duplicate keys only: the document was read (the last key counts) and is checked as it is.
  if (diagnostics.every((d) => d.code === 'SC006')) return src.value === undefined ? undefined : { syntax: [...diagnostics], src, keep: () => true };

  const original = src.text.split('\n');
  const reread = (ls: readonly string[]) => readSource(src.file, ls.join('\n'));
  // Tabs first: each tab-indented line is reported once, and placed where the lines around it say
  // it belongs, so that the parser's complaints about the correct lines after it go away.
  const tabs = original.flatMap((l, i) => (leadOf(l).includes('\t') ? [i] : []));
  let lines = original.slice();
  let current: readonly Diagnostic[] = diagnostics;
  const syntax: Diagnostic[] = [];
  if (tabs.length) {
    lines = placeTabLines(original, tabs, reread);
    current = reread(lines).diagnostics;
    for (const i of tabs) {
      const column = original[i]!.indexOf('\t') + 1;
      syntax.push(makeDiagnostic('SC005', { file: src.file, line: i + 1, column, path: '' }));
    }
    syntax.push(...current);
  } else syntax.push(...diagnostics);
  const repaired = lines.slice();

  const blanked = new Set<number>();
  const realigned = new Set<number>();
  let read: SourceDocument | undefined = current.length === 0 ? reread(lines) : undefined;
  for (let round = 0; round < MAX_ROUNDS && current.some((d) => d.code !== 'SC006'); round++) {
    if (!recoverable(current)) return { syntax, keep: () => true };
    let changed = false;
    for (const d of current) {
      if (d.code === 'SC006') continue;
      const i = d.line - 1;
      if (i < 0 || i >= lines.length) return { syntax, keep: () => true };
      if (d.args.problem === 'indent' && !realigned.has(i) && typeof d.args.above === 'number') {
        realigned.add(i);
        lines[i] = ' '.repeat(d.args.above - 1) + lines[i]!.trimStart();
        changed = true;
      } else if (!blanked.has(i)) {
        blanked.add(i);
        lines[i] = '';
        changed = true;
      }
    }
    if (!changed) return { syntax, keep: () => true };
    read = reread(lines);
    current = read.diagnostics;
  }
  if (!read || read.value === undefined || current.some((d) => d.code !== 'SC006')) return { syntax, keep: () => true };
  const fixed = read;

  // What the blanked lines held: the parts of the document they were in, and the words on them.
  const starts: number[] = [];
  for (let i = 0, at = 0; i < lines.length; i++) {
    starts.push(at);
    at += lines[i]!.length + 1;
  }
  const parts = [...blanked].map((i) => formatPath(pathAt(fixed, starts[i]!)));
  const words = new Set([...blanked].flatMap((i) => repaired[i]!.match(/[\w-]+/g) ?? []));
  const within = (path: string, part: string) => part === '' || path === part || path.startsWith(`${part}.`) || path.startsWith(`${part}[`);
  return {
    syntax,
    src: fixed,
    keep: (d) => {
      if (d.code === 'SC006') return false; // reported with the syntax problems, if it was there
      if (parts.some((p) => within(d.path, p))) return false;
      const id = d.args.id;
      return !(typeof id === 'string' && words.has(id));
    },
  };
}

/**
 * The lines with their tab indentation replaced by spaces. A few tab-indented lines are placed one
 * by one, each at the column (among those the lines around it suggest) that leaves the fewest
 * syntax errors; many are expanded at the one tab width (2, 4 or 8) that does.
 */
function placeTabLines(lines: readonly string[], tabs: readonly number[], reread: (ls: readonly string[]) => SourceDocument): string[] {
  const errors = (ls: readonly string[]) => reread(ls).diagnostics.length;
  const at = (line: string, width: number) => ' '.repeat(width) + line.slice(leadOf(line).length);
  const out = lines.slice();
  if (tabs.length > MAX_TAB_LINES_PLACED) {
    let best: string[] = out;
    let fewest = Infinity;
    for (const width of [2, 4, 8]) {
      const candidate = lines.map((l) => {
        const lead = leadOf(l);
        return lead.includes('\t') ? lead.replace(/\t/g, ' '.repeat(width)) + l.slice(lead.length) : l;
      });
      const n = errors(candidate);
      if (n < fewest) [best, fewest] = [candidate, n];
    }
    return best;
  }
  const contentLine = (from: number, step: 1 | -1) => {
    for (let j = from + step; j >= 0 && j < out.length; j += step) if (out[j]!.trim() !== '' && !out[j]!.trimStart().startsWith('#')) return out[j]!;
    return undefined;
  };
  for (const i of tabs) {
    const lead = leadOf(lines[i]!);
    const columns = new Set<number>([lead.replace(/\t/g, '  ').length, lead.replace(/\t/g, '    ').length]);
    for (const near of [contentLine(i, -1), contentLine(i, 1)]) {
      if (near === undefined) continue;
      const indent = leadOf(near).replace(/\t/g, '  ').length;
      columns.add(indent);
      columns.add(indent + 2);
      if (near.trimStart().startsWith('- ')) columns.add(indent + 2);
      if (indent >= 2) columns.add(indent - 2);
    }
    let best = at(lines[i]!, [...columns][0]!);
    let fewest = Infinity;
    for (const width of columns) {
      out[i] = at(lines[i]!, width);
      const n = errors(out);
      if (n < fewest) [best, fewest] = [out[i]!, n];
    }
    out[i] = best;
  }
  return out;
}
