// @vitest-environment jsdom
import 'fake-indexeddb/auto';
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { EditorView } from '@codemirror/view';
import { Router } from 'wouter';
import { memoryLocation } from 'wouter/memory-location';
import { initTestI18n } from '../../test/support/i18n';
import { userScenariosStore } from '../state/user-scenarios/user-scenarios-store';
import WorkshopPage from './WorkshopPage';

vi.mock('../state/scenario-library', async () => {
  const { scenarioTemplate } = await import('../domain/scenario/template');
  const meta = { id: 'tour', version: '1.0.0', hash: 'h', title: { en: 'The tour' }, summary: {}, industry: {}, difficulty: 'intro', minutes: 5, languages: ['en'] };
  return {
    bundledScenarios: () => [{ file: 'scenarios/tour.yaml', meta, diagnostics: [] }],
    loadScenario: () => Promise.reject(new Error('none')),
    loadScenarioSource: async () => ({ file: 'scenarios/tour.yaml', id: 'tour', version: '1.0.0', hash: 'h', source: scenarioTemplate('tour', 'en') }),
  };
});

beforeAll(() => {
  initTestI18n('en');
  // jsdom lays nothing out: the editor (CodeMirror) measures text ranges, the map (React Flow) its size.
  Range.prototype.getClientRects = () => ({ length: 0, item: () => null, [Symbol.iterator]: [][Symbol.iterator] }) as unknown as DOMRectList;
  Range.prototype.getBoundingClientRect = () => ({ x: 0, y: 0, width: 0, height: 0, top: 0, left: 0, right: 0, bottom: 0, toJSON: () => ({}) }) as DOMRect;
  globalThis.ResizeObserver ??= class {
    observe() {}
    unobserve() {}
    disconnect() {}
  } as unknown as typeof ResizeObserver;
});

/** The workbench's editor of `file` (once shown): its text, and a new text typed over it. */
async function editorOf(file: string | RegExp) {
  await screen.findByText(typeof file === 'string' ? `Editing ${file}` : file, {}, { timeout: 5000 });
  // The editor's code loads on its own (a lazy chunk): under load it comes after the heading.
  const host = await waitFor(
    () => {
      const found = document.querySelector<HTMLElement>('.cm-editor');
      expect(found).not.toBeNull();
      return found!;
    },
    { timeout: 10_000 },
  );
  const view = EditorView.findFromDOM(host)!;
  return {
    get value() {
      return view.state.doc.toString();
    },
    type(text: string) {
      act(() => view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: text } }));
    },
  };
}
afterEach(async () => {
  cleanup();
  await userScenariosStore.getState().flush();
  for (const r of userScenariosStore.getState().records) await userScenariosStore.getState().remove(r.key);
  vi.restoreAllMocks();
});

/** The workshop at `path`, rendered again as the route changes. */
function renderAt(path: string) {
  const location = memoryLocation({ path, record: true });
  const page = () => {
    const [, key] = /^\/workshop\/?(.*)$/.exec(location.history!.at(-1)!) ?? [];
    return (
      <Router hook={location.hook}>
        <WorkshopPage selected={key ? decodeURIComponent(key) : null} locale="en" />
      </Router>
    );
  };
  const view = render(page());
  return { location, rerender: () => view.rerender(page()) };
}

describe('the workshop', () => {
  it('starts a scenario from the template, opens it in the editor and autosaves every edit', async () => {
    const { location, rerender } = renderAt('/workshop');
    expect(await screen.findByText(/You have no scenarios of your own yet/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'New scenario from the template' }));
    await waitFor(() => expect(location.history!.at(-1)).toMatch(/^\/workshop\/.+/), { timeout: 10_000 });
    rerender();
    expect(screen.getAllByRole('link', { name: 'New scenario' })).toHaveLength(1);
    const editor = await editorOf('my-scenario.yaml');
    expect(editor.value).toContain('scenario: my-scenario');
    expect(screen.getByText('It compiles: it is in the library, ready to play.')).toBeTruthy();
    expect(screen.getByText('Saved')).toBeTruthy();
    editor.type(editor.value.replace('minutes: 10', 'minutes: ['));
    expect(editor.value).toContain('minutes: [');
    expect(screen.getByText('Saving…')).toBeTruthy();
    expect(await screen.findByText('Saved', {}, { timeout: 5000 })).toBeTruthy();
    expect(await screen.findByText(/^A draft: it cannot be played until it compiles/)).toBeTruthy();
    expect(screen.getByText('2 saved versions')).toBeTruthy();
    // Restore the first version: it compiles again.
    fireEvent.click(screen.getByRole('button', { name: /^Restore the version saved/ }));
    expect(await screen.findByText('It compiles: it is in the library, ready to play.')).toBeTruthy();
    await waitFor(async () => expect((await editorOf('my-scenario.yaml')).value).toContain('minutes: 10'));
    expect(screen.getByText('3 saved versions')).toBeTruthy();
  });

  it('says when an edit could not be stored, keeps the text, and warns before the tab is closed', async () => {
    const key = await userScenariosStore.getState().create('en');
    renderAt(`/workshop/${key}`);
    const editor = await editorOf(/^Editing /);
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(() => {
      throw new DOMException('full', 'QuotaExceededError');
    });
    editor.type(`${editor.value}# kept\n`);
    expect(await screen.findByText(/^Not saved: /, {}, { timeout: 5000 })).toBeTruthy();
    expect(editor.value).toContain('# kept');
    const { warnBeforeUnload } = await import('../state/user-scenarios/user-scenarios-store');
    const stop = warnBeforeUnload();
    const event = new Event('beforeunload', { cancelable: true });
    window.dispatchEvent(event);
    expect(event.defaultPrevented).toBe(true);
    stop();
    vi.restoreAllMocks();
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByText('Saved')).toBeTruthy();
  });

  it('exports a scenario as <id>.yaml and deletes one after asking', async () => {
    await userScenariosStore.getState().create('en');
    renderAt('/workshop');
    const created = vi.fn((_blob: Blob) => 'blob:x');
    URL.createObjectURL = created as never;
    URL.revokeObjectURL = () => undefined;
    const clicked: string[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push(this.download);
    });
    fireEvent.click(await screen.findByRole('button', { name: 'Export “New scenario” as a .yaml file' }));
    expect(clicked).toEqual(['my-scenario.yaml']);
    expect(await created.mock.calls[0]![0].text()).toContain('scenario: my-scenario');
    fireEvent.click(screen.getByRole('button', { name: 'Delete “New scenario”' }));
    const dialog = await screen.findByRole('alertdialog');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Keep it' }));
    expect(userScenariosStore.getState().records).toHaveLength(1);
    fireEvent.click(screen.getByRole('button', { name: 'Delete “New scenario”' }));
    await act(async () => fireEvent.click(within(await screen.findByRole('alertdialog')).getByRole('button', { name: 'Delete' })));
    await waitFor(() => expect(userScenariosStore.getState().records).toEqual([]));
    expect(await screen.findByText(/You have no scenarios of your own yet/)).toBeTruthy();
  });

  it('copies a library scenario under an id of its own and opens it', async () => {
    const { location, rerender } = renderAt('/workshop');
    expect((screen.getByLabelText('Copy a library scenario') as HTMLSelectElement).value).toBe('scenarios/tour.yaml');
    fireEvent.click(screen.getByRole('button', { name: 'Copy' }));
    await waitFor(() => expect(location.history!.at(-1)).toMatch(/^\/workshop\/.+/), { timeout: 10_000 });
    rerender();
    const editor = await editorOf('tour-copy.yaml');
    expect(editor.value).toContain('scenario: tour-copy');
  });
});
