// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createActor } from 'xstate';
import type { AttemptRecord } from '../../domain/attempts/attempt-record';
import { machineFor, type DrillActor } from '../../domain/runtime/actor';
import { initTestI18n } from '../../../test/support/i18n';
import { expertPlan, tour } from '../../../test/support/load';
import { DrillHarness } from './drill-harness.test-support';

const model = tour();
beforeAll(() => initTestI18n('en'));
afterEach(cleanup);

function start(submitted = true): DrillActor {
  const actor = createActor(machineFor(model), { input: { seed: 7 } });
  actor.start();
  if (submitted) actor.send({ type: 'leads.submit', plan: expertPlan(model) });
  return actor;
}

function show(actor: DrillActor, opts: { sayFirst?: boolean; explainBack?: boolean }) {
  const seen: { record: AttemptRecord | null } = { record: null };
  render(<DrillHarness model={model} actor={actor} {...opts} onRecord={(r) => (seen.record = r)} />);
  return seen;
}

const options = () => screen.queryByRole('group', { name: 'Your options' });
const sayField = () => screen.getByRole('textbox', { name: /what would you say to Dana Li/ });
const transcript = () => screen.getByRole('list', { name: 'Transcript' });

describe('say it your way first', () => {
  it('hides the options until the trainee has written their own words, then shows both', () => {
    const actor = start();
    const seen = show(actor, { sayFirst: true });
    expect(options()).toBeNull();
    expect(document.activeElement).toBe(sayField());
    const submit = screen.getByRole('button', { name: 'Show my options' });
    expect(submit).toHaveProperty('disabled', true);
    // Number keys do not choose an option nobody can see yet.
    fireEvent.keyDown(document.body, { key: '1' });
    expect(actor.getSnapshot().context.log).toHaveLength(1);

    fireEvent.change(sayField(), { target: { value: 'Hi Dana, how do you plan routes today?' } });
    fireEvent.click(submit);
    expect(options()).toBeTruthy();
    expect(within(options()!).getByText('Hi Dana, how do you plan routes today?').tagName).toBe('Q');
    expect(seen.record?.freeText).toEqual([{ turn: 2, text: 'Hi Dana, how do you plan routes today?' }]);

    fireEvent.click(within(options()!).getByRole('button', { name: /I saw your webinar/ }));
    const rep = transcript().querySelector('.line-rep')!;
    expect(rep.textContent).toBe('Your words: Hi Dana, how do you plan routes today?You chose: I saw your webinar question about routing; do you have ten minutes to tell me how dispatch works today?Contact by phone');
    // The next step asks again.
    expect(options()).toBeNull();
    expect(sayField()).toBeTruthy();
  });

  it('keeps the words with the option they led to, even after waiting first', () => {
    const actor = start();
    const seen = show(actor, { sayFirst: true });
    fireEvent.change(sayField(), { target: { value: 'Tell me about dispatch.' } });
    fireEvent.keyDown(sayField(), { key: 'Enter', ctrlKey: true });
    fireEvent.click(within(screen.getByRole('group', { name: 'Or let time pass' })).getByRole('button', { name: 'Wait 1 day' }));
    expect(options()).toBeTruthy();
    fireEvent.click(within(options()!).getByRole('button', { name: /I saw your webinar/ }));
    expect(seen.record?.moves.map((m) => m.type)).toEqual(['leads.submit', 'wait', 'choose']);
    expect(seen.record?.freeText).toEqual([{ turn: 3, text: 'Tell me about dispatch.' }]);
  });

  it('can be skipped, which keeps an empty answer and shows the options without a quote', () => {
    const actor = start();
    const seen = show(actor, { sayFirst: true });
    fireEvent.click(screen.getByRole('button', { name: 'Skip this time' }));
    expect(options()).toBeTruthy();
    expect(seen.record?.freeText).toEqual([{ turn: 2, text: '' }]);
    fireEvent.keyDown(document.body, { key: '1' });
    expect(transcript().querySelector('.line-rep')!.textContent).toMatch(/^You: I saw your webinar/);
  });

  it('is not asked when the preference is off', () => {
    show(start(), { sayFirst: false });
    expect(options()).toBeTruthy();
    expect(screen.queryByRole('textbox')).toBeNull();
  });
});

describe('explain-back at the end of a stage', () => {
  it('asks after each stage, keeps the answer, and lets the trainee skip', () => {
    const actor = start();
    const seen = show(actor, { explainBack: true });
    expect(screen.getByRole('heading', { name: 'Stage done: Lead acquisition' })).toBe(document.activeElement);
    expect(options()).toBeNull();
    const field = screen.getByRole('textbox', { name: 'In your own words: what mattered in this stage, and why?' });
    fireEvent.change(field, { target: { value: 'Grade before you chase.' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save and go on' }));
    expect(seen.record?.explainBacks).toEqual([{ stage: 'leads', text: 'Grade before you chase.', skipped: false }]);
    expect(options()).toBeTruthy();

    fireEvent.click(within(options()!).getByRole('button', { name: /I saw your webinar/ }));
    expect(screen.getByRole('heading', { name: 'Stage done: First contact' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Skip' }));
    expect(seen.record?.explainBacks.at(-1)).toEqual({ stage: 'first-contact', text: '', skipped: true });
    expect(options()).toBeTruthy();
  });

  it('asks for the stage a drill was lost in, after the outcome', () => {
    const actor = start();
    const seen = show(actor, { explainBack: true });
    fireEvent.click(screen.getByRole('button', { name: 'Skip' }));
    fireEvent.click(within(options()!).getByRole('button', { name: /Goodbye/ }));
    expect(screen.getByRole('region', { name: 'The drill is over' })).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'Stage done: First contact' })).toBe(document.activeElement);
    fireEvent.change(screen.getByRole('textbox'), { target: { value: 'Never hang up.' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save and go on' }));
    expect(seen.record?.explainBacks.map((e) => e.stage)).toEqual(['leads', 'first-contact']);
    expect(screen.queryByRole('textbox')).toBeNull();
  });
});
