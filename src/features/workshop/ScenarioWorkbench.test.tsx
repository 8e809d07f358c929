// @vitest-environment jsdom
/// <reference types="vite/client" />
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { Suspense } from 'react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { CompletionContext } from '@codemirror/autocomplete';
import { EditorView } from '@codemirror/view';
import { initTestI18n } from '../../../test/support/i18n';
import tourText from '../../../test/fixtures/scenarios/feature-tour.yaml?raw';
import ScenarioWorkbench from './ScenarioWorkbench';
import { completionSource } from './editor-setup';
import { outlineOf } from './outline';

// Three mistakes: a misspelt key near the top (in view, even in a test's tiny viewport), a misspelt
// step and a misspelt key further down.
const BROKEN = tourText
  .replace('difficulty: intro', 'dificulty: intro')
  .replace('            next: deeper\n', '            next: deepr\n')
  .replace('        customer: Anything else?', '        custmer: Anything else?');
const lineNo = (text: string, needle: string) => text.split('\n').findIndex((l) => l.includes(needle)) + 1;

beforeAll(() => {
  initTestI18n('en');
  // jsdom lays nothing out; CodeMirror measures text ranges.
  const rect = { x: 0, y: 0, width: 0, height: 0, top: 0, left: 0, right: 0, bottom: 0, toJSON: () => ({}) };
  Range.prototype.getClientRects = () => ({ length: 0, item: () => null, [Symbol.iterator]: [][Symbol.iterator] }) as unknown as DOMRectList;
  Range.prototype.getBoundingClientRect = () => rect as DOMRect;
  // The map (React Flow) watches its size.
  globalThis.ResizeObserver ??= class {
    observe() {}
    unobserve() {}
    disconnect() {}
  } as unknown as typeof ResizeObserver;
});
afterEach(cleanup);

function mount(source: string, onChange = vi.fn()) {
  const utils = render(
    <Suspense fallback={null}>
      <ScenarioWorkbench source={source} fileName="feature-tour.yaml" locale="en" onChange={onChange} />
    </Suspense>,
  );
  const view = () => EditorView.findFromDOM(utils.container.querySelector('.cm-editor') as HTMLElement)!;
  return { ...utils, view, onChange };
}

describe('the scenario editor', () => {
  it('is labelled, and shows each diagnostic under its line with its code and line:column', async () => {
    const { container } = mount(BROKEN);
    expect(container.querySelector('.cm-content')!.getAttribute('aria-label')).toBe('Scenario YAML');
    const line = lineNo(BROKEN, 'dificulty');
    await waitFor(() => expect(container.querySelector(`.cm-diagnostic-below[data-line="${line}"]`)).not.toBeNull(), { timeout: 10_000 });
    const below = container.querySelector(`.cm-diagnostic-below[data-line="${line}"]`)!;
    expect(below.textContent).toContain(`SC009 ${line}:1`);
    expect(below.textContent).toContain('Unknown key "dificulty"');
    // The code is a link to its entry in the guide, under the line and in the list.
    expect(within(below as HTMLElement).getByRole('link', { name: /^SC009: what it means and how to fix it/ }).getAttribute('href')).toBe('#/workshop/guide/SC009');
    // Drawn right under the line it is about.
    expect(below.previousElementSibling!.textContent).toBe('dificulty: intro');
    // Every problem at once, in the list too, each at its line:column.
    const list = screen.getByTestId('diagnostics');
    await waitFor(() => expect(within(list).getAllByRole('listitem').length).toBeGreaterThanOrEqual(3));
    expect(list.textContent).toContain(`SC012 ${lineNo(BROKEN, 'next: deepr')}:19`);
    expect(list.textContent).toContain(`SC009 ${lineNo(BROKEN, 'custmer')}:9`);
    expect(within(list).getByRole('link', { name: /^SC012: / }).getAttribute('href')).toBe('#/workshop/guide/SC012');
  });

  it('applies the "did you mean" as a one-click fix, and the problem goes', async () => {
    const { container, view, onChange } = mount(BROKEN);
    const line = lineNo(BROKEN, 'dificulty');
    await waitFor(() => expect(container.querySelector(`.cm-diagnostic-below[data-line="${line}"] button`)).not.toBeNull(), { timeout: 10_000 });
    const fix = container.querySelector<HTMLButtonElement>(`.cm-diagnostic-below[data-line="${line}"] button`)!;
    expect(fix.textContent).toBe('Change to “difficulty”');
    act(() => fix.click());
    expect(view().state.doc.line(line).text).toBe('difficulty: intro');
    expect(onChange).toHaveBeenLastCalledWith(expect.stringContaining('\ndifficulty: intro\n'));
    await waitFor(() => expect(container.querySelector(`.cm-diagnostic-below[data-line="${line}"]`)).toBeNull(), { timeout: 3000 });
    // The other fixes, from the list beside the editor.
    const list = screen.getByTestId('diagnostics');
    // (The misspelt key also left the step without its `customer`: SC010 on the same step, gone with it.)
    await waitFor(() => expect(within(list).getAllByRole('listitem')).toHaveLength(3), { timeout: 3000 });
    fireEvent.click(within(list).getByRole('button', { name: 'Change to “deeper”' }));
    await waitFor(() => expect(within(screen.getByTestId('diagnostics')).getAllByRole('listitem')).toHaveLength(2), { timeout: 3000 });
    fireEvent.click(within(screen.getByTestId('diagnostics')).getByRole('button', { name: 'Change to “customer”' }));
    await waitFor(() => expect(screen.getByTestId('diagnostics').textContent).toContain('No problems found.'), { timeout: 3000 });
    expect(view().state.doc.toString()).toBe(tourText);
  });

  it('moves the editor to a diagnostic from the list', async () => {
    const { view } = mount(BROKEN);
    const list = await screen.findByTestId('diagnostics');
    await waitFor(() => expect(within(list).getAllByRole('listitem').length).toBeGreaterThanOrEqual(3), { timeout: 10_000 });
    const item = within(list).getAllByRole('listitem').find((li) => li.textContent!.includes(`SC009 ${lineNo(BROKEN, 'custmer:')}:`))!;
    const go = within(item).getByRole('button', { name: new RegExp(`^${lineNo(BROKEN, 'custmer:')}:\\d+ — go to line ${lineNo(BROKEN, 'custmer:')}, column`) });
    fireEvent.click(go);
    const head = view().state.selection.main.head;
    const line = view().state.doc.lineAt(head);
    expect(line.number).toBe(lineNo(BROKEN, 'custmer:'));
    expect(head - line.from).toBe(8);
  });

  it('completes the ids the file defines, and the keys the schema allows', () => {
    const text = tourText.replace('            next: deeper\n', '            next: de\n');
    const pos = text.indexOf('next: de\n') + 'next: de'.length;
    const view = new EditorView({ doc: text });
    const source = completionSource({ t: () => ((k: string) => k) as never, outline: () => outlineOf(text) });
    const result = source(new CompletionContext(view.state, pos, true))!;
    expect(result.options.map((o) => o.label)).toEqual(['ask', 'deeper']);
    expect(text.slice(result.from, pos)).toBe('de');

    const keyText = tourText.replace('            next: deeper\n', '            ne\n');
    const kpos = keyText.indexOf('            ne\n') + '            ne'.length;
    const keys = source(new CompletionContext(new EditorView({ doc: keyText }).state, kpos, true))!;
    expect(keys.options.map((o) => o.label)).toEqual(expect.arrayContaining(['next', 'raises', 'resolves', 'shows']));
    expect(keys.options.find((o) => o.label === 'next')!.info).toBeTruthy();

    const factText = tourText.replace('effects: { trust: 5, reveals: [pains] }', 'effects: { trust: 5, reveals: [dec] }');
    const fpos = factText.indexOf('reveals: [dec') + 'reveals: [dec'.length;
    const facts = source(new CompletionContext(new EditorView({ doc: factText }).state, fpos, true))!;
    expect(facts.options.map((o) => o.label)).toEqual(['pains', 'decision-chain', 'payment-process']);
  });
});
