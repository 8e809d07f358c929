/**
 * The CodeMirror side of the workbench's editor: YAML, the compiler's diagnostics (underlined, in
 * the gutter, and written out under their line with code (a link to the guide), line:column and the fix), completion and
 * hover docs for keys (from the JSON Schema) and for the ids the file defines.
 */
import { autocompletion, type Completion, type CompletionContext, type CompletionResult } from '@codemirror/autocomplete';
import { defaultKeymap, history, historyKeymap } from '@codemirror/commands';
import { yaml } from '@codemirror/lang-yaml';
import { bracketMatching, defaultHighlightStyle, indentOnInput, syntaxHighlighting } from '@codemirror/language';
import { lintGutter, setDiagnostics, type Diagnostic as CmDiagnostic } from '@codemirror/lint';
import { EditorState, StateEffect, StateField, type Extension, type Text } from '@codemirror/state';
import { Decoration, drawSelection, EditorView, highlightActiveLine, highlightActiveLineGutter, hoverTooltip, keymap, lineNumbers, WidgetType, type DecorationSet } from '@codemirror/view';
import type { Diagnostic } from '../../domain/diagnostics/diagnostic';
import { diagnosticMessageKey } from '../../domain/diagnostics/message-key';
import type { DefinedId, IdKind, Outline } from './outline';
import { suggestionEdit, spanAt } from './quick-fix';
import { enumValuesAt, keyDoc, keysAt } from './schema-docs';
import { placeAt } from './yaml-path';
import { guideHref } from './guide/guide-link';

export type Translate = (key: string, args?: Record<string, unknown>) => string;

export interface EditorHooks {
  t(): Translate;
  outline(): Outline | undefined;
  onDocChange(text: string): void;
  onCursorLine(line: number): void;
}

/** The text of a diagnostic in the UI language. */
export function diagnosticText(d: Diagnostic, t: Translate): string {
  const { key, args } = diagnosticMessageKey(d);
  return t(key, args as Record<string, unknown>);
}

/** A diagnostic's range in the document (its token), clamped to the text. */
export function diagnosticRange(doc: Text, d: Pick<Diagnostic, 'line' | 'column'>): { from: number; to: number } {
  if (d.line < 1 || d.line > doc.lines) return { from: 0, to: Math.min(doc.length, 1) };
  const line = doc.line(d.line);
  const span = spanAt(line.text, d.column);
  return { from: line.from + span.from, to: line.from + Math.max(span.to, span.from) };
}

/** Applies the diagnostic's "did you mean" to the view; false when there is nothing to apply. */
export function applySuggestion(view: EditorView, d: Diagnostic): boolean {
  if (d.line < 1 || d.line > view.state.doc.lines) return false;
  const line = view.state.doc.line(d.line);
  const edit = suggestionEdit(line.text, d);
  if (!edit) return false;
  view.dispatch({ changes: { from: line.from + edit.from, to: line.from + edit.to, insert: edit.insert }, selection: { anchor: line.from + edit.from + edit.insert.length }, userEvent: 'input.fix' });
  return true;
}

/** Moves the cursor to a line (and column), scrolled into view, and focuses the editor. */
export function goTo(view: EditorView, line: number, column = 1) {
  const doc = view.state.doc;
  const l = doc.line(Math.max(1, Math.min(doc.lines, line)));
  const pos = Math.min(l.to, l.from + Math.max(0, column - 1));
  view.dispatch({ selection: { anchor: pos }, effects: EditorView.scrollIntoView(pos, { y: 'center' }) });
  view.focus();
}

class DiagnosticWidget extends WidgetType {
  constructor(
    readonly d: Diagnostic,
    readonly text: string,
    readonly fixLabel: string | null,
    readonly codeLabel: string,
  ) {
    super();
  }
  override eq(other: DiagnosticWidget) {
    return other.text === this.text && other.d.line === this.d.line && other.d.column === this.d.column && other.fixLabel === this.fixLabel && other.codeLabel === this.codeLabel;
  }
  toDOM(view: EditorView) {
    const box = document.createElement('div');
    box.className = `cm-diagnostic-below cm-diagnostic-${this.d.severity}`;
    box.dataset.code = this.d.code;
    box.dataset.line = String(this.d.line);
    const code = box.appendChild(document.createElement('a'));
    code.className = 'cm-diagnostic-code';
    code.href = guideHref(this.d.code);
    code.textContent = this.d.code;
    code.setAttribute('aria-label', this.codeLabel);
    const at = box.appendChild(document.createElement('span'));
    at.className = 'cm-diagnostic-at';
    at.textContent = ` ${this.d.line}:${this.d.column} `;
    const msg = box.appendChild(document.createElement('span'));
    msg.textContent = this.text;
    if (this.fixLabel) {
      const fix = box.appendChild(document.createElement('button'));
      fix.type = 'button';
      fix.className = 'cm-diagnostic-fix';
      fix.textContent = this.fixLabel;
      fix.onmousedown = (e) => e.preventDefault();
      fix.onclick = () => applySuggestion(view, this.d);
    }
    return box;
  }
  override ignoreEvent() {
    return true;
  }
}

const setBelow = StateEffect.define<DecorationSet>();
const belowField = StateField.define<DecorationSet>({
  create: () => Decoration.none,
  update(value, tr) {
    let v = value.map(tr.changes);
    for (const e of tr.effects) if (e.is(setBelow)) v = e.value;
    return v;
  },
  provide: (f) => EditorView.decorations.from(f),
});

/** Shows `diagnostics` in the view: marks and gutter (the lint extension) and a line under each. */
export function showDiagnostics(view: EditorView, diagnostics: readonly Diagnostic[], t: Translate) {
  const doc = view.state.doc;
  const cm: CmDiagnostic[] = [];
  const widgets: { pos: number; widget: DiagnosticWidget }[] = [];
  for (const d of diagnostics) {
    const { from, to } = diagnosticRange(doc, d);
    const text = diagnosticText(d, t);
    const fixable = d.line >= 1 && d.line <= doc.lines && suggestionEdit(doc.line(d.line).text, d) !== null;
    const fixLabel = fixable ? t('workbench.fix', { suggestion: d.args.suggestion }) : null;
    cm.push({
      from,
      to,
      severity: d.severity,
      source: d.code,
      message: `${d.code} ${d.line}:${d.column} ${text}`,
      ...(fixable ? { actions: [{ name: fixLabel!, apply: (v: EditorView) => void applySuggestion(v, d) }] } : {}),
    });
    const lineEnd = d.line >= 1 && d.line <= doc.lines ? doc.line(d.line).to : 0;
    widgets.push({ pos: lineEnd, widget: new DiagnosticWidget(d, text, fixLabel, t('workbench.diagnostics.explain', { code: d.code })) });
  }
  widgets.sort((a, b) => a.pos - b.pos);
  const set = Decoration.set(widgets.map((w) => Decoration.widget({ widget: w.widget, block: true, side: 1 }).range(w.pos)));
  view.dispatch(setDiagnostics(view.state, cm), { effects: setBelow.of(set) });
}

/** Which ids a value of `key` names. */
function idKindsFor(key: string): IdKind[] | 'step-here' | 'step-ref' | null {
  switch (key) {
    case 'next':
    case 'start':
      return 'step-here';
    case 'reached':
      return 'step-ref';
    case 'raises':
      return ['objection'];
    case 'stage':
    case 'at':
      return ['stage'];
    case 'shows':
    case 'commits':
      return ['item'];
    case 'reveals':
    case 'revealed':
    case 'not-revealed':
    case 'recorded':
      return ['fact'];
    case 'promises':
    case 'promised':
    case 'not-promised':
      return ['promise'];
    case 'customer-lead':
      return ['lead'];
    case 'speaker':
    case 'by':
      return ['person'];
    default:
      return null;
  }
}

/** The container (stage or objection) a path is inside, if any. */
const containerOf = (path: readonly string[]) => (path[0] === 'stages' || path[0] === 'objections' ? path[1] : undefined);

function idOptions(outline: Outline | undefined, key: string, path: readonly string[], t: Translate): Completion[] {
  if (!outline) return [];
  const kinds = idKindsFor(key);
  if (!kinds) return [];
  const detail = (i: DefinedId) => (i.line ? t('workbench.idAt', { kind: t(`workbench.kind.${i.kind}`), line: i.line }) : t(`workbench.kind.${i.kind}`));
  if (kinds === 'step-here') {
    const c = containerOf(path);
    return outline.ids.filter((i) => i.kind === 'step' && i.container === c).map((i) => ({ label: i.id, type: 'variable', detail: detail(i) }));
  }
  if (kinds === 'step-ref') return outline.ids.filter((i) => i.kind === 'step').map((i) => ({ label: `${i.container}/${i.id}`, type: 'variable', detail: detail(i) }));
  const seen = new Set<string>();
  return outline.ids
    .filter((i) => kinds.includes(i.kind) && !seen.has(i.id) && seen.add(i.id))
    .map((i) => ({ label: i.id, type: i.kind === 'item' ? 'constant' : 'variable', detail: detail(i) }));
}

/** Completion: keys where a key goes, ids and enum values where a value goes. */
export function completionSource(hooks: Pick<EditorHooks, 't' | 'outline'>) {
  return (context: CompletionContext): CompletionResult | null => {
    const word = context.matchBefore(/[A-Za-z0-9_/-]*/);
    if (!word || (word.from === word.to && !context.explicit)) return null;
    const doc = context.state.doc;
    const line = doc.lineAt(context.pos);
    const lines = doc.toString().split('\n');
    const place = placeAt(lines, line.number - 1, context.pos - line.from);
    const t = hooks.t();
    let options: Completion[];
    if (place.valueKey) {
      const path = place.path[place.path.length - 1] === '[]' && !/:\s/.test(line.text.slice(0, context.pos - line.from)) ? place.path.slice(0, -2) : place.path;
      options = [...idOptions(hooks.outline(), place.valueKey, path, t), ...enumValuesAt([...path, place.valueKey]).map((v) => ({ label: v, type: 'enum' }))];
      const seen = new Set<string>();
      options = options.filter((o) => !seen.has(o.label) && seen.add(o.label));
    } else {
      options = keysAt(place.path).map((k) => ({ label: k.key, type: 'property', apply: `${k.key}: `, ...(k.description ? { info: k.description } : {}) }));
    }
    if (!options.length) return null;
    return { from: word.from, options, validFor: /^[A-Za-z0-9_/-]*$/ };
  };
}

/** Hover docs: a key's documentation, or where an id is defined. */
export function hoverSource(hooks: Pick<EditorHooks, 't' | 'outline'>) {
  return hoverTooltip((view, pos) => {
    const line = view.state.doc.lineAt(pos);
    const text = line.text;
    let start = pos - line.from;
    let end = start;
    while (start > 0 && /[A-Za-z0-9_-]/.test(text[start - 1]!)) start--;
    while (end < text.length && /[A-Za-z0-9_-]/.test(text[end]!)) end++;
    if (start === end) return null;
    const word = text.slice(start, end);
    const t = hooks.t();
    let body: string | undefined;
    if (/^\s*:/.test(text.slice(end)) && !/^\s*:\S/.test(text.slice(end))) {
      const place = placeAt(view.state.doc.toString().split('\n'), line.number - 1, start);
      body = keyDoc([...place.path, word]);
      if (body) body = `${word}: ${body}`;
    }
    if (!body) {
      const ids = hooks.outline()?.ids.filter((i) => i.id === word) ?? [];
      if (ids.length) body = ids.map((i) => `${word} — ${i.line ? t('workbench.idAt', { kind: t(`workbench.kind.${i.kind}`), line: i.line }) : t(`workbench.kind.${i.kind}`)}${i.container ? ` (${i.container})` : ''}`).join('\n');
    }
    if (!body) return null;
    const content = body;
    return {
      pos: line.from + start,
      end: line.from + end,
      above: true,
      create: () => {
        const dom = document.createElement('div');
        dom.className = 'cm-hover-doc';
        dom.textContent = content;
        return { dom };
      },
    };
  });
}

/** Every extension of the workbench's editor. */
export function workbenchExtensions(hooks: EditorHooks, label: string): Extension[] {
  return [
    lineNumbers(),
    highlightActiveLineGutter(),
    history(),
    drawSelection(),
    indentOnInput(),
    bracketMatching(),
    highlightActiveLine(),
    syntaxHighlighting(defaultHighlightStyle, { fallback: true }),
    EditorState.tabSize.of(2),
    yaml(),
    lintGutter(),
    belowField,
    autocompletion({ override: [completionSource(hooks)], activateOnTyping: true }),
    hoverSource(hooks),
    keymap.of([...defaultKeymap, ...historyKeymap]),
    // Focusable as itself too, so its scrolling region counts as keyboard-reachable.
    EditorView.contentAttributes.of({ 'aria-label': label, tabindex: '0' }),
    EditorView.lineWrapping,
    EditorView.updateListener.of((u) => {
      if (u.docChanged) hooks.onDocChange(u.state.doc.toString());
      if (u.docChanged || u.selectionSet) hooks.onCursorLine(u.state.doc.lineAt(u.state.selection.main.head).number);
    }),
  ];
}
