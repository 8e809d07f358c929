// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { initTestI18n } from '../../../test/support/i18n';
import { replayFrames } from '../../domain/replay/frames';
import type { AttemptRecord } from '../../domain/attempts/attempt-record';
import type { Exemplar } from '../../domain/explorer/exemplar';
import type { ScenarioModel } from '../../domain/scenario/model';
import { fixtureExemplar, fixtureRecord, tourLost } from './replay-fixtures.test-support';
import { ReplayViewer, type ReplayViewerProps } from './ReplayViewer';
import { attemptFixture } from '../../../test/support/attempt-files';
import { readAttemptFile } from '../../domain/attempts/attempt-file';
import { verifyAttemptFile } from '../../domain/attempts/verify-attempt-file';
import { compileScenario } from '../../domain/compiler/compile';

beforeAll(() => initTestI18n('en'));
afterEach(cleanup);

function show(model: ScenarioModel, record: AttemptRecord, exemplar: Exemplar | null, more: Partial<ReplayViewerProps> = {}) {
  return render(<ReplayViewer model={model} record={record} exemplar={exemplar} locale="en" mode="trainee" coachName="" newer={null} onExit={() => {}} {...more} />);
}
const slider = () => screen.getByRole('slider', { name: 'Move' });
const position = () => screen.getByTestId('timeline-position').textContent;
const button = (name: string) => screen.getByRole('button', { name });
const earned = () => within(screen.getByRole('region', { name: /^Move \d+ of \d+$/ })).getAllByRole('listitem').map((li) => li.textContent);
const transcriptLines = () => within(screen.getByRole('list', { name: /^Transcript up to move/ })).getAllByRole('listitem').filter((li) => !li.classList.contains('line-day'));

describe('the replay viewer', () => {
  it('heads the replay with the trainee, the scenario, the date, the outcome, the score and the coach', () => {
    const { model, record } = fixtureRecord('precision-erp.losing.json');
    show(model, record, null);
    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe(model.title.en);
    expect(document.activeElement).toBe(screen.getByRole('heading', { level: 2 }));
    expect(screen.getByTestId('replay-trainee').textContent).toBe('Sam Carter');
    expect(screen.getByTestId('replay-outcome').textContent).toBe('Stalled at the stage “First contact”.');
    expect(screen.getByTestId('replay-score').textContent).toBe('14 / 100 · Below the pass mark');
    expect(screen.getByTestId('replay-coach').textContent).toMatch(/^Chen Jie · updated /);
    expect(document.querySelector('time')?.getAttribute('datetime')).toBe(new Date(record.createdAt).toISOString());
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('says, after import, that the attempt is a retry and what the trainee was writing', () => {
    const file = attemptFixture('precision-erp.losing.json');
    file.attempt = { ...file.attempt, retryOf: { attempt: 'precision-erp-losing-0000', turn: 3 }, draft: { kind: 'say-first', turn: file.attempt.moves.length + 1, text: '<b>Ask</b> who signs.' } };
    const read = readAttemptFile(JSON.stringify(file), 'retry.json');
    if (!read.ok) throw new Error(read.error.key);
    const verified = verifyAttemptFile(read.file, { fileName: 'retry.json', compile: compileScenario, now: 1 });
    if (!verified.ok) throw new Error(verified.error.key);
    show(verified.model, verified.record, null);
    expect(screen.getByTestId('replay-retry').textContent).toBe('Retried from move 3 of an earlier attempt: the moves before it were replayed from that attempt, and the trainee played on from there.');
    expect(screen.getByTestId('replay-draft').textContent).toBe(`Words the trainee was writing before move ${file.attempt.moves.length + 1}: <b>Ask</b> who signs.`);
    expect(screen.getByTestId('replay-draft').querySelector('b')).toBeNull();
    cleanup();
    show(verified.model, { ...verified.record, retryOf: null, draft: { kind: 'explain-back', stage: 'first-contact', text: 'Open with their problem.' } }, null);
    expect(screen.queryByTestId('replay-retry')).toBeNull();
    expect(screen.getByTestId('replay-draft').textContent).toBe('The explain-back the trainee was writing for First contact: Open with their problem.');
    cleanup();
    const { model, record } = fixtureRecord('precision-erp.losing.json');
    show(model, record, null);
    expect(screen.queryByTestId('replay-retry')).toBeNull();
    expect(screen.queryByTestId('replay-draft')).toBeNull();
  });

  it('moves with the slider and the jump buttons to the moves that earned what the step panel names', () => {
    const { model, record, exemplar } = tourLost();
    show(model, record, exemplar);
    expect(position()).toBe('Start, before move 1 of 6');
    fireEvent.click(button('Next pitfall'));
    expect(position()).toBe('Move 2 of 6');
    expect(earned()).toEqual(['✗Pitfall committed: Reading from a script (First contact)', '✗Pitfall committed: No tailoring to the customer (First contact)']);
    fireEvent.click(button('Next pitfall'));
    expect(position()).toBe('Move 4 of 6');
    expect(earned()).toEqual(['✗Pitfall committed: Pushing the sale too early (Needs discovery)']);
    // No pitfall after move 4: the button stays focusable, says why, and goes nowhere.
    const none = button('Next pitfall');
    expect(none.getAttribute('aria-disabled')).toBe('true');
    expect(none).toHaveProperty('disabled', false);
    expect(document.getElementById(none.getAttribute('aria-describedby')!)?.textContent).toBe('No pitfall after this move.');
    fireEvent.click(none);
    expect(position()).toBe('Move 4 of 6');
    fireEvent.click(button('Next objection'));
    expect(position()).toBe('Move 5 of 6');
    fireEvent.click(button('Previous stage'));
    expect(position()).toBe('Move 3 of 6');
    expect(earned()[0]).toBe('✓Key action shown: Prepare the opening (First contact)');
    fireEvent.change(slider(), { target: { value: '1' } });
    expect(position()).toBe('Move 1 of 6');
    expect(slider().getAttribute('aria-valuetext')).toBe('Move 1 of 6');
    fireEvent.click(button('Previous move'));
    expect(position()).toBe('Start, before move 1 of 6');
    expect(button('Previous move').getAttribute('aria-disabled')).toBe('true');
  });

  it('shows the transcript so far, growing with the frames, the current move’s lines highlighted', () => {
    const { model, record } = tourLost();
    const { frames } = replayFrames(model, record.seed, record.moves);
    show(model, record, null);
    for (const f of frames) {
      fireEvent.change(slider(), { target: { value: String(f.index) } });
      const lines = transcriptLines();
      expect(lines).toHaveLength(f.entries.to);
      expect(lines.filter((l) => l.classList.contains('line-current'))).toHaveLength(f.entries.to - f.entries.from);
    }
    fireEvent.change(slider(), { target: { value: '2' } });
    const rep = transcriptLines().find((l) => l.classList.contains('line-rep') && l.classList.contains('line-current'))!;
    expect(rep.textContent).toBe('Your words: I would start with <i>our</i> brochure.You chose: Let me read you our product sheet.Contact by phone');
  });

  it('shows the customer’s meters, the calendar and the score so far as they stood after each move', () => {
    const { model, record } = fixtureRecord('retail-saas-rollout.losing.json');
    const { frames } = replayFrames(model, record.seed, record.moves);
    show(model, record, null);
    for (const f of [frames[0]!, frames[5]!, frames[17]!, frames[frames.length - 1]!]) {
      fireEvent.change(slider(), { target: { value: String(f.index) } });
      for (const m of ['trust', 'interest', 'patience'] as const) {
        expect(screen.getByRole('meter', { name: m[0]!.toUpperCase() + m.slice(1) }).getAttribute('value')).toBe(String(f.meters[m]));
      }
      expect(screen.getByTestId('score-so-far').textContent).toMatch(new RegExp(`^${f.score.overall} / 100 · `));
      for (const s of f.score.stages) {
        const row = document.querySelector(`tr[data-stage="${s.stage}"]`)!;
        expect(row.querySelectorAll('td')[0]!.textContent).toBe(s.reached ? String(s.score) : '–');
      }
      expect(screen.getAllByText(`Today: day ${f.day}`, { exact: false }).length).toBeGreaterThan(0);
    }
  });

  it('shows the expert’s option where the attempt left the expert path, and the scores after each', () => {
    const { model, record, exemplar } = tourLost();
    show(model, record, exemplar);
    fireEvent.change(slider(), { target: { value: '1' } });
    expect(screen.getByText('Same choice as the expert path.')).toBeTruthy();
    fireEvent.change(slider(), { target: { value: '2' } });
    const left = screen.getByTestId('exemplar-left');
    expect(within(left).getByTestId('exemplar-words').textContent).toBe('I saw your webinar question about routing; do you have ten minutes to tell me how dispatch works today?');
    expect(left.textContent).toContain("It shows: Prepare the opening, Learn the customer's background, Set a goal for the conversation");
    const rows = within(screen.getByTestId('exemplar-scores')).getAllByRole('row').map((r) => r.textContent);
    expect(rows).toEqual(["Expert's moveTrainee's move", 'Score in “First contact”1000', 'Overall score2914']);
    fireEvent.change(slider(), { target: { value: '5' } });
    expect(screen.getByText('The expert path never passes this step, so there is no move to compare.')).toBeTruthy();

    const summary = screen.getByRole('region', { name: 'Where the attempt left the expert path (2 moves)' });
    fireEvent.click(within(summary).getByRole('button', { name: 'Move 4' }));
    expect(position()).toBe('Move 4 of 6');
    expect(document.activeElement).toBe(screen.getByRole('heading', { name: 'Move 4 of 6' }));
    expect(screen.getByTestId('exemplar-words').textContent).toBe('How does an order become a truck route today?');
  });

  it('shows the expert’s lead plan when the trainee’s differs', () => {
    const { model, record, exemplar } = tourLost();
    const first = record.moves[0]!;
    if (first.type !== 'leads.submit') throw new Error('the run starts with its lead plan');
    const moves = [{ type: 'leads.submit' as const, plan: { ...first.plan, pursue: ['northwind', 'contoso'] } }, ...record.moves.slice(1)];
    show(model, { ...record, moves, score: undefined }, exemplar, { initialTurn: 1 });
    expect(screen.getByTestId('exemplar-left').textContent).toContain('The expert path pursues only: Northwind');
  });

  it('says once that there is no expert path to compare with', () => {
    const { model, record } = tourLost();
    show(model, record, null, { initialTurn: 2 });
    expect(screen.getAllByText(/No expert path is available/)).toHaveLength(1);
    expect(screen.queryByRole('region', { name: /Where the attempt left the expert path/ })).toBeNull();
  });

  it('warns plainly when the recorded score was tampered with, and shows the re-run’s', () => {
    const { model, record } = fixtureRecord('precision-erp.losing.json');
    const s = record.score!;
    const tampered = { ...record, score: { ...s, overall: { ...s.overall, score: 88, band: 'good' as const }, stages: s.stages.map((x) => (x.stage === 'first-contact' ? { ...x, score: 90, band: 'excellent' as const } : x)) } };
    show(model, tampered, null);
    const alert = screen.getByRole('alert');
    expect(alert.compareDocumentPosition(screen.getByRole('heading', { level: 2 })) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    expect(within(alert).getByRole('heading').textContent).toBe('This replay does not reproduce the recorded score');
    expect(within(alert).getAllByRole('listitem').map((li) => li.textContent)).toEqual(['Overall score: recorded 88 / 100, re-run 14 / 100', 'First contact: recorded 90 / 100, re-run 0 / 100']);
    expect(screen.getByText('Score (re-run)')).toBeTruthy();
    expect(screen.getByTestId('replay-score').textContent).toBe('14 / 100 · Below the pass mark');
  });

  it('says at which move a log stops replaying, and shows the moves before it', () => {
    const { model, record } = fixtureRecord('precision-erp.losing.json');
    const moves = [...record.moves.slice(0, 3), { type: 'choose' as const, option: 'collection/nowhere/1' }, ...record.moves.slice(3)];
    show(model, { ...record, moves, times: moves.map(() => null) }, null);
    expect(within(screen.getByRole('alert')).getByRole('heading', { name: 'The replay stops at move 4' })).toBeTruthy();
    expect(slider().getAttribute('max')).toBe('3');
  });

  it('goes to a move from the strip, by click and by arrow keys, and tells the host', () => {
    const { model, record } = tourLost();
    const onTurnChange = vi.fn();
    show(model, record, null, { initialTurn: 3, onTurnChange });
    expect(position()).toBe('Move 3 of 6');
    const strip = screen.getByRole('list', { name: 'Moves' });
    const current = within(strip).getByRole('button', { current: 'step' });
    expect(current.getAttribute('aria-label')).toBe('Move 3, key action, new stage');
    expect(current.tabIndex).toBe(0);
    fireEvent.click(within(strip).getByRole('button', { name: 'Move 4, pitfall, objection' }));
    expect(position()).toBe('Move 4 of 6');
    fireEvent.keyDown(document.activeElement!, { key: 'ArrowRight' });
    expect(position()).toBe('Move 5 of 6');
    expect(document.activeElement?.getAttribute('data-turn')).toBe('5');
    fireEvent.keyDown(document.activeElement!, { key: 'Home' });
    expect(position()).toBe('Move 1 of 6');
    expect(onTurnChange.mock.calls.map((c) => c[0])).toEqual([4, 5, 1]);
  });

  it('shows the explain-back of the stage a move finished', () => {
    const { model, record } = tourLost();
    show(model, record, null, { initialTurn: 1 });
    const here = screen.getByRole('region', { name: 'Explain-back after this move' });
    expect(here.textContent).toContain('Explain-back: Lead acquisition');
    expect(here.textContent).toContain('Grade the pool before you chase anyone.');
    fireEvent.click(button('Next move'));
    expect(screen.queryByRole('region', { name: 'Explain-back after this move' })).toBeNull();
    fireEvent.click(button('Next move'));
    expect(screen.getByRole('region', { name: 'Explain-back after this move' }).textContent).toContain('Skipped.');
  });

  it('shows names and texts from the file as text, never as markup', () => {
    const { model, record } = tourLost();
    show(model, record, null, { initialTurn: 2 });
    expect(screen.getByTestId('replay-trainee').textContent).toBe('Ada <b>Lovelace</b>');
    expect(document.querySelector('.replay b, .replay i')).toBeNull();
  });

  it('re-scores against a newer version of the scenario: old against new, stage by stage', () => {
    const { model, record } = tourLost();
    const newer = { ...model, version: '1.1.0', checklist: model.checklist.map((c) => (c.id === 'read-from-script' ? { ...c, weight: 3 } : c)) };
    show(model, record, null, { newer });
    fireEvent.click(button('Re-score against version 1.1.0'));
    const table = screen.getByTestId('rescore-table');
    const row = (key: string) => [...table.querySelectorAll(`tr[data-row="${key}"] td`)].map((td) => td.textContent);
    expect(within(table).getAllByRole('columnheader').map((h) => h.textContent)).toEqual(['Stage', 'Version 1.0.0', 'Version 1.1.0', 'Change']);
    expect(row('first-contact')).toEqual(['33', '0', '-33']);
    expect(row('leads')).toEqual(['100', '100', '0']);
    expect(row('overall')).toEqual(['19', '14', '-5']);
    expect(screen.queryByTestId('rescore-outcome')).toBeNull();
    expect(screen.getByText('Nothing is saved: this is only a comparison.')).toBeTruthy();
  });

  it('says when the newer version ends the attempt differently', () => {
    const { model, record } = tourLost();
    const pushy = model.objections.pushy!;
    const first = pushy.steps.first!;
    const options = first.options.map((o) => (o.id === 'pushy/first/2' ? { ...o, target: { ends: { outcome: 'stalled' as const } } } : o));
    const newer = { ...model, version: '1.2.0', objections: { ...model.objections, pushy: { ...pushy, steps: { first: { ...first, options } } } } };
    show(model, record, null, { newer });
    fireEvent.click(button('Re-score against version 1.2.0'));
    expect(screen.getByTestId('rescore-outcome').textContent).toBe('The outcome changes: lost on version 1.0.0, stalled on version 1.2.0.');
  });

  it('says which move does not replay on the newer version', () => {
    const { model, record } = tourLost();
    const intro = model.stages['first-contact'].steps.intro!;
    const stage = model.stages['first-contact'];
    const newer = { ...model, version: '2.0.0', stages: { ...model.stages, 'first-contact': { ...stage, steps: { ...stage.steps, intro: { ...intro, options: intro.options.filter((o) => o.id !== 'first-contact/intro/2') } } } } };
    show(model, record, null, { newer });
    fireEvent.click(button('Re-score against version 2.0.0'));
    expect(screen.getByText('The attempt does not replay on version 2.0.0: move 2 is not possible there, so it cannot be re-scored.')).toBeTruthy();
    expect(screen.queryByTestId('rescore-table')).toBeNull();
  });

  it('offers the download and the way back', () => {
    const { model, record } = tourLost();
    const onExit = vi.fn();
    const onExport = vi.fn();
    show(model, record, null, { onExit, onExport });
    fireEvent.click(button('Download the attempt file'));
    fireEvent.click(button('Back'));
    expect(onExport).toHaveBeenCalledOnce();
    expect(onExit).toHaveBeenCalledOnce();
  });

  it('compares a stored expert attempt with its own path: it never leaves it', () => {
    const { model, record } = fixtureRecord('first-deal-tutorial.expert.json');
    show(model, record, fixtureExemplar('first-deal-tutorial.expert.json'));
    expect(screen.getByText('The attempt never left the expert path.')).toBeTruthy();
    expect(screen.getByTestId('replay-score').textContent).toBe('100 / 100 · Excellent');
  });
});
