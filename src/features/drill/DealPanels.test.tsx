// @vitest-environment jsdom
import { readFileSync } from 'node:fs';
import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createActor } from 'xstate';
import type { Move } from '../../domain/runtime/context';
import { machineFor, type DrillActor } from '../../domain/runtime/actor';
import { initTestI18n } from '../../../test/support/i18n';
import { loadModel } from '../../../test/support/load';
import { DealPanels } from './DealPanels';

const model = loadModel('scenarios/first-deal-tutorial.yaml');
const expert = JSON.parse(readFileSync('test/fixtures/playthroughs/first-deal-tutorial.expert.json', 'utf8')) as { seed: number; moves: Move[] };

beforeAll(() => initTestI18n('en'));
afterEach(cleanup);

/** The drill after the expert's moves until `until` holds (or all of them). */
function playUntil(until: (a: DrillActor) => boolean): DrillActor {
  const actor = createActor(machineFor(model), { input: { seed: expert.seed } });
  actor.start();
  for (const move of expert.moves) {
    if (until(actor)) break;
    actor.send(move);
  }
  return actor;
}

describe('the contract terms and the payment tracker', () => {
  it('are not shown before contract signing', () => {
    render(<DealPanels model={model} actor={playUntil((a) => a.getSnapshot().context.stage === 'negotiation')} locale="en" />);
    expect(screen.queryByTestId('contract-terms')).toBeNull();
    expect(screen.queryByTestId('payment-tracker')).toBeNull();
  });

  it('show the terms while signing: what the contract says, agreed or still open', () => {
    const actor = playUntil((a) => a.getSnapshot().context.stage === 'signing');
    render(<DealPanels model={model} actor={actor} locale="en" />);
    const terms = screen.getByRole('region', { name: 'Contract terms' });
    expect(terms.textContent).toContain('0 of 4 agreed');
    const price = terms.querySelector('[data-term="price"]')!;
    expect(price.getAttribute('data-status')).toBe('open');
    expect(price.textContent).toContain('Price');
    expect(price.textContent).toContain('Not agreed yet');
    expect(screen.queryByTestId('payment-tracker')).toBeNull();
  });

  it('track the payment in collection, and every term agreed on the expert path', () => {
    const actor = playUntil((a) => a.getSnapshot().context.stage === 'collection');
    const { rerender } = render(<DealPanels model={model} actor={actor} locale="en" />);
    const terms = screen.getByRole('region', { name: 'Contract terms' });
    expect(terms.textContent).toContain('4 of 4 agreed');
    expect([...terms.querySelectorAll('[data-term]')].map((li) => li.getAttribute('data-status'))).toEqual(['agreed', 'agreed', 'agreed', 'agreed']);
    const tracker = screen.getByRole('region', { name: 'Payment tracker' });
    expect(tracker.querySelector('[data-phase]')?.getAttribute('data-phase')).toBe('awaiting-payment');
    // The tutorial has a calendar: the day is followed by its date.
    expect(within(tracker).getByText(new RegExp(`^Sent, day ${actor.getSnapshot().context.day} \\(`))).toBeTruthy();
    expect(tracker.querySelector('[data-approval="bookkeeper-check"]')?.getAttribute('data-status')).toBe('pending');

    // To the end: the bookkeeper's check is done and the cash is in.
    for (const move of expert.moves.slice(actor.getSnapshot().context.log.length)) actor.send(move);
    rerender(<DealPanels model={model} actor={actor} locale="en" />);
    const done = screen.getByRole('region', { name: 'Payment tracker' });
    expect(done.querySelector('[data-phase]')?.getAttribute('data-phase')).toBe('paid');
    expect(done.querySelector('[data-approval="bookkeeper-check"]')?.getAttribute('data-status')).toBe('done');
    expect(done.textContent).toMatch(/Paid\s*Day \d+ \([^)]*\), on time/);
  });

  it('speak Chinese', async () => {
    await initTestI18n().changeLanguage('zh-CN');
    render(<DealPanels model={model} actor={playUntil((a) => a.getSnapshot().context.stage === 'collection')} locale="zh-CN" />);
    expect(screen.getByRole('region', { name: '合同条款' }).textContent).toContain('已确认 4 / 4 项');
    expect(screen.getByRole('region', { name: '回款跟踪' }).textContent).toContain('会计核对税号和签字合同');
    await initTestI18n().changeLanguage('en');
  });
});
