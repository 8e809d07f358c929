// @vitest-environment jsdom
import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { compileScenario } from '../../domain/compiler/compile';
import { scenarioMeta } from '../../domain/scenario/model';
import { initTestI18n } from '../../../test/support/i18n';
import { ScenarioLibrary } from './ScenarioLibrary';
import type { LibraryEntry } from '../../state/scenario-library';

const file = 'scenarios/first-deal-tutorial.yaml';
const entry = (f: string, text: string): LibraryEntry => {
  const { model, diagnostics } = compileScenario(text, f);
  return { file: f, meta: model ? scenarioMeta(model) : null, diagnostics };
};
const good = entry(file, readFileSync(file, 'utf8'));
const bad = entry('scenarios/broken.yaml', 'scenario: broken\ntitle: [\n');

beforeAll(() => initTestI18n('en'));
afterEach(cleanup);

describe('the scenario library', () => {
  it('shows a card per playable scenario with its title, difficulty and minutes, in the chosen language', () => {
    render(<ScenarioLibrary entries={[good]} locale="en" />);
    const card = screen.getByRole('listitem');
    expect(within(card).getByRole('heading').textContent).toBe(good.meta!.title.en);
    expect(card.textContent).toContain('Intro');
    expect(card.textContent).toContain(`${good.meta!.minutes} min`);
    cleanup();
    render(<ScenarioLibrary entries={[good]} locale="zh-CN" />);
    expect(screen.getByRole('heading').textContent).toBe(good.meta!.title['zh-CN']);
  });

  it('shows a scenario that does not compile with its diagnostics, and still shows the others', () => {
    render(<ScenarioLibrary entries={[bad, good]} locale="en" />);
    const [broken, ok] = screen.getAllByRole('listitem').filter((li) => li.parentElement?.getAttribute('aria-label'));
    expect(within(broken!).getByRole('alert').textContent).toMatch(/cannot be played yet/);
    expect(broken!.textContent).toContain('SC004');
    // In the trainee's language, from the diagnostic's code and arguments.
    expect(broken!.querySelector('.diagnostic-message')?.textContent).toBe(bad.diagnostics.find((d) => d.severity === 'error')!.message);
    expect(within(ok!).getByRole('heading').textContent).toBe(good.meta!.title.en);
  });

  it('words the diagnostics in Chinese for a Chinese trainee', async () => {
    await initTestI18n().changeLanguage('zh-CN');
    render(<ScenarioLibrary entries={[bad]} locale="zh-CN" />);
    const text = document.querySelector('.diagnostic-message')?.textContent ?? '';
    expect(text).toMatch(/[\u4e00-\u9fff]/);
    expect(text).not.toContain('{{');
    await initTestI18n().changeLanguage('en');
  });
});

describe('starting a scenario', () => {
  it('offers a labelled start button per playable scenario and reports which one was chosen', async () => {
    const chosen: string[] = [];
    render(<ScenarioLibrary entries={[bad, good]} locale="en" onStart={(e) => chosen.push(e.file)} />);
    const buttons = screen.getAllByRole('button', { name: /^Start “/ });
    expect(buttons).toHaveLength(1);
    buttons[0]!.click();
    expect(chosen).toEqual([file]);
  });
});

describe('continuing', () => {
  it('offers "continue" for a scenario with an unfinished attempt, first', () => {
    const continued: string[] = [];
    render(<ScenarioLibrary entries={[good]} locale="en" onStart={() => {}} onContinue={(e) => continued.push(e.file)} resumable={{ [file]: 'attempt-1' }} />);
    const buttons = screen.getAllByRole('button');
    expect(buttons[0]!.getAttribute('aria-label')).toMatch(/^Continue “/);
    buttons[0]!.click();
    expect(continued).toEqual([file]);
  });
});

describe('progress on each card', () => {
  it('shows the best score so far, whether it passed, or that the scenario is new', () => {
    const id = good.meta!.id;
    render(<ScenarioLibrary entries={[good]} locale="en" progress={{ [id]: { attempts: 3, best: 82, passed: true, inProgress: false } }} />);
    expect(screen.getByTestId('scenario-progress').textContent).toBe('Your best: 82 / 100, passed (3 attempts)');
    cleanup();
    render(<ScenarioLibrary entries={[good]} locale="en" progress={{ [id]: { attempts: 1, best: 40, passed: false, inProgress: false } }} />);
    expect(screen.getByTestId('scenario-progress').textContent).toBe('Your best: 40 / 100 (1 attempt)');
    cleanup();
    render(<ScenarioLibrary entries={[good]} locale="en" progress={{ [id]: { attempts: 1, best: null, passed: false, inProgress: true } }} />);
    expect(screen.getByTestId('scenario-progress').textContent).toBe('1 attempt, none finished yet');
    cleanup();
    render(<ScenarioLibrary entries={[good]} locale="en" />);
    expect(screen.getByTestId('scenario-progress').textContent).toBe('Not tried yet');
  });

  it('says nothing of progress while the attempts are still loading, and marks the list busy', () => {
    render(<ScenarioLibrary entries={[good]} locale="en" progressKnown={false} />);
    expect(screen.getByTestId('scenario-progress').textContent).toBe('');
    expect(screen.getByRole('list').getAttribute('aria-busy')).toBe('true');
  });
});

describe('the trainer’s own scenarios', () => {
  const own = (e: LibraryEntry, key: string, fileName: string): LibraryEntry => ({ ...e, file: `yours/${key}`, own: { key, fileName } });

  it('are marked as theirs, linked to the workshop, and playable', () => {
    const chosen: string[] = [];
    render(<ScenarioLibrary entries={[good, own(good, 'k1', 'mine.yaml')]} locale="en" onStart={(e) => chosen.push(e.file)} />);
    const [bundled, mine] = screen.getAllByRole('listitem');
    expect(bundled!.textContent).not.toContain('Yours');
    expect(within(mine!).getByText('Yours')).toBeTruthy();
    expect(within(mine!).getByRole('link', { name: 'Open mine.yaml in the workshop' }).getAttribute('href')).toBe('#/workshop/k1');
    within(mine!).getByRole('button', { name: /^Start “/ }).click();
    expect(chosen).toEqual(['yours/k1']);
  });

  it('show a draft by its file name with its diagnostics, and cannot be started', () => {
    render(<ScenarioLibrary entries={[own(bad, 'k2', 'broken.yaml')]} locale="en" onStart={() => {}} />);
    const card = screen.getAllByRole('listitem')[0]!;
    expect(within(card).getByRole('heading').textContent).toBe('broken.yaml');
    expect(within(card).getByRole('alert').textContent).toMatch(/^A draft: it cannot be played until it compiles/);
    expect(card.textContent).toContain('SC004');
    expect(within(card).queryByRole('button')).toBeNull();
  });

  it('mark the scenario the path suggests next', () => {
    render(<ScenarioLibrary entries={[good]} locale="en" next={file} />);
    expect(screen.getByText('Next on your path')).toBeTruthy();
  });
});
