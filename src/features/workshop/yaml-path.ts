/**
 * Where the cursor is in a block-style YAML document, read from indentation alone (so it works on a
 * half-typed line): the path of keys to the map it is in (`[]` for a list item), and, when it is in a
 * value, the key the value belongs to.
 */
export interface YamlPlace {
  /** Keys from the top to the map (or list) holding the cursor. */
  path: string[];
  /** The key of the value the cursor is in, when it is in one. */
  valueKey?: string;
}

const KEY = /^(\s*)(-\s+)?([A-Za-z0-9_-]+)\s*:(\s|$)/;
const ITEM = /^(\s*)-\s+/;

/** `lines`: the document's lines; `line` and `column` 0-based. */
export function placeAt(lines: readonly string[], line: number, column: number): YamlPlace {
  const text = lines[line] ?? '';
  const m = KEY.exec(text);
  const item = ITEM.exec(text);
  const first = /^\s*/.exec(text)![0].length;
  let valueKey: string | undefined;
  const tail: string[] = [];
  const colon = m ? m[0].length - m[4]!.length - 1 : -1;
  if (m && column > colon) {
    valueKey = m[3];
    // Inside a flow map (`effects: { trust: 5, reveals: [pa`): the innermost key of the value.
    const rest = text.slice(colon + 1, column);
    if (/^\s*\{/.test(rest)) {
      const inner = [...rest.matchAll(/([A-Za-z0-9_-]+)\s*:/g)].pop();
      const after = inner ? rest.slice(inner.index + inner[0].length) : rest;
      tail.push(m[3]!);
      // After a comma outside brackets, a new key is being typed.
      valueKey = inner && !/,/.test(after.replace(/\[[^\]]*\]?/g, '')) ? inner[1] : undefined;
    }
  }
  let bound: number;
  if (item) {
    tail.unshift('[]');
    bound = item[1]!.length;
  } else bound = text.trim() ? first : column;
  const path: string[] = [];
  for (let i = line - 1; i >= 0 && bound > 0; i--) {
    const l = lines[i]!;
    if (!l.trim() || /^\s*#/.test(l)) continue;
    const at = /^\s*/.exec(l)![0].length;
    const km = KEY.exec(l);
    const im = ITEM.exec(l);
    if (im) {
      if (km && im[0].length < bound) path.push(km[3]!);
      if (at < bound) {
        path.push('[]');
        bound = at;
      }
    } else if (km && at < bound) {
      path.push(km[3]!);
      bound = at;
    }
  }
  path.reverse();
  // A plain `- value` line is a value of the list's key.
  if (item && !m && path.length) valueKey = path[path.length - 1];
  return { path: [...path, ...tail], ...(valueKey ? { valueKey } : {}) };
}
