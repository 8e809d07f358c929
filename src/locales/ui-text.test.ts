/**
 * Every UI string goes through i18next: this test reads the components' source and fails on text
 * written into JSX (words between tags, or in user-facing attributes) instead of coming from `t()`.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..');
const FOLDERS = ['app', 'features', 'components'];
const USER_FACING_ATTRIBUTES = new Set(['aria-label', 'aria-description', 'aria-roledescription', 'title', 'placeholder', 'alt']);
// Letters of any script (Latin, CJK…); punctuation, digits and symbols such as ✓ · … are fine.
const WORDS = /\p{L}/u;

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.tsx$/.test(name) && !/\.test\.tsx$|test-support/.test(name) ? [path] : [];
  });
}

function hardCodedText(path: string, text = readFileSync(path, 'utf8')): string[] {
  const file = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const found: string[] = [];
  const at = (node: ts.Node) => `${relative(ROOT, path)}:${file.getLineAndCharacterOfPosition(node.getStart()).line + 1}`;
  const visit = (node: ts.Node) => {
    if (ts.isJsxText(node) && WORDS.test(node.text)) found.push(`${at(node)} text "${node.text.trim()}"`);
    if (ts.isJsxAttribute(node) && USER_FACING_ATTRIBUTES.has(node.name.getText()) && node.initializer) {
      const init = node.initializer;
      const literal = ts.isStringLiteral(init) ? init : ts.isJsxExpression(init) && init.expression && ts.isStringLiteralLike(init.expression) ? init.expression : null;
      if (literal && WORDS.test(literal.text)) found.push(`${at(node)} ${node.name.getText()}="${literal.text}"`);
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
}

describe('UI text', () => {
  it('is never written into components: it comes from the translations', () => {
    const files = FOLDERS.flatMap((f) => sources(join(ROOT, f)));
    expect(files.length).toBeGreaterThan(20);
    expect(files.flatMap((f) => hardCodedText(f))).toEqual([]);
  });

  it('is caught when it is', () => {
    const probe = `export const A = () => <p title="Hello">Save</p>;\nexport const B = () => <p aria-label={'保存'} className="x">✓ · 1–9 {t('ok')}</p>;\n`;
    expect(hardCodedText(join(ROOT, 'probe.tsx'), probe)).toEqual(['probe.tsx:1 title="Hello"', 'probe.tsx:1 text "Save"', 'probe.tsx:2 aria-label="保存"']);
  });
});
