// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { initTestI18n } from '../../../test/support/i18n';
import { expertPlan, tour } from '../../../test/support/load';
import type { DrillContext } from '../../domain/runtime/context';
import type { Exemplar } from '../../domain/explorer/exemplar';
import { Debrief } from './Debrief';
import { exemplarOf, lostRun, play } from './test-runs';

// uPlot draws on a canvas, which jsdom lacks; the hidden table carries the same data.
vi.mock('./MeterChart', () => ({ default: () => <div data-testid="meter-chart" /> }));

const model = tour();
let exemplar: Exemplar;
beforeAll(() => {
  initTestI18n('en');
  exemplar = exemplarOf(model);
});
afterEach(cleanup);

function show(context: DrillContext, handlers: { onAgain?: () => void; onExit?: () => void } = {}) {
  render(<Debrief model={model} context={context} exemplar={exemplar} locale="en" onAgain={handlers.onAgain ?? (() => {})} onExit={handlers.onExit ?? (() => {})} />);
}
const stageCard = (name: RegExp) => screen.getByRole('heading', { name, level: 4 }).closest('li')!;
const item = (card: HTMLElement, id: string) => card.querySelector<HTMLElement>(`[data-item="${id}"]`)!;

describe('the debrief', () => {
  it('shows a won expert run as won, every stage excellent, every key action done at its turn', () => {
    show(play(model, exemplar.seed, exemplar.moves));
    expect(screen.getByRole('heading', { name: 'Debrief', level: 2 })).toBe(document.activeElement);
    expect(screen.getByText('Won: the contract is signed and the cash collected.')).toBeTruthy();
    expect(screen.getByTestId('overall-score').textContent).toBe('100 / 100 · Excellent');
    expect(screen.getByText('Passed')).toBeTruthy();
    const cards = within(screen.getByRole('region', { name: 'Stage by stage' })).getAllByRole('listitem').filter((li) => li.classList.contains('stage-card'));
    expect(cards).toHaveLength(7);
    for (const card of cards) expect(card.querySelector('.stage-score')?.textContent).toMatch(/^Excellent · 100 \/ 100/);
    expect(document.querySelectorAll('.check-missed, .check-committed')).toHaveLength(0);
    expect(document.querySelectorAll('.check-done')).toHaveLength(21);
    const opening = item(stageCard(/First contact/), 'prepare-opening');
    expect(opening.textContent).toContain('Done: Prepare the opening');
    expect(opening.textContent).toContain('Turn 2: I saw your webinar question about routing');
    expect(item(stageCard(/Needs discovery/), 'record-key-info').textContent).toContain('Turn 4: You recorded Pains');
    expect(item(stageCard(/Lead acquisition/), 'define-target-profile').textContent).toContain('Turn 1: your lead plan');
  });

  it('quotes a committed pitfall and the better move from the expert path at the same step', () => {
    show(lostRun(model));
    const script = item(stageCard(/First contact/), 'read-from-script');
    expect(script.textContent).toContain('Committed: Reading from a script');
    expect(within(script).getByText('Let me read you our product sheet.').closest('q')).toBeTruthy();
    expect(script.textContent).toContain('Turn 2');
    const better = script.querySelector('.better-move')!;
    expect(better.textContent).toContain('A better move: I saw your webinar question about routing');
    expect(better.textContent).toContain('It shows: Prepare the opening, Learn the customer\'s background, Set a goal for the conversation');
    const push = item(stageCard(/Needs discovery/), 'push-sale-early');
    expect(push.textContent).toContain('Turn 4: Our routing module fixes that!');
    expect(push.querySelector('.better-move')?.textContent).toContain('How does an order become a truck route today?');
    expect(item(stageCard(/Needs discovery/), 'leading-questions').textContent).toMatch(/^✓Avoided: Leading questionsWhy: /);
  });

  it('shows a lost run with its reason, and the stages it never reached as not reached', () => {
    show(lostRun(model));
    expect(screen.getByText('Lost at the stage “Needs discovery”.')).toBeTruthy();
    expect(screen.getByText('The customer hung up on a pushy rep.')).toBeTruthy();
    expect(screen.getByText('Not passed')).toBeTruthy();
    for (const name of [/Solution presentation/, /Negotiation/, /Contract signing/, /Payment collection/]) {
      const card = stageCard(name);
      expect(card.querySelector('.stage-score')?.textContent).toBe('Not reached');
      expect(card.querySelector('.check-item')).toBeNull();
    }
    expect(stageCard(/First contact/).querySelector('.stage-score')?.textContent).toMatch(/^Below the pass mark/);
    const missed = item(stageCard(/Needs discovery/), 'record-key-info');
    expect(missed.textContent).toMatch(/^✗Missed: Record key informationWhy: /);
  });

  it('shows an abandoned run with its reason', () => {
    show(play(model, 3, [{ type: 'leads.submit', plan: expertPlan(model) }, { type: 'abandon' }]));
    expect(screen.getByText('Abandoned at the stage “First contact”.')).toBeTruthy();
    expect(screen.getByText('You gave up the drill.')).toBeTruthy();
  });

  it('shows the process indicators: the too-soon touch, objections, and the meters as a table', async () => {
    const context = lostRun(model);
    show(context);
    const indicators = screen.getByRole('region', { name: 'Process indicators' });
    expect(within(indicators).getByText('1 on rhythm')).toBeTruthy();
    expect(within(indicators).getByText('1 too soon')).toBeTruthy();
    expect(within(indicators).getByText('0 too long')).toBeTruthy();
    const soon = indicators.querySelector('[data-verdict="too-soon"]')!;
    expect(soon.textContent).toBe('⚠ Day 0, by phone, 0 days after the last touch, too soon');
    expect(within(indicators).getByText('No cash was collected.')).toBeTruthy();
    expect(within(indicators).getByText('Too early to pitch')).toBeTruthy();
    expect(within(indicators).getByText('Pushy rep')).toBeTruthy();
    const table = within(indicators).getByRole('table', { name: 'Trust and interest after each turn' });
    expect(table.className).toBe('visually-hidden');
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(context.series.length);
    const last = context.series[context.series.length - 1]!;
    expect(rows[rows.length - 1]!.textContent).toBe(`${last.turn}${last.day}${last.trust}${last.interest}`);
    expect(await screen.findByTestId('meter-chart')).toBeTruthy();
  });

  it('shows days from signing to cash for a won run', () => {
    const context = play(model, exemplar.seed, exemplar.moves);
    show(context);
    const heading = screen.getByRole('heading', { name: 'Days from signing to cash' });
    expect(heading.nextElementSibling?.textContent).toMatch(/^\d+ days?$/);
  });

  it('calls onAgain and onExit from real buttons', () => {
    const onAgain = vi.fn();
    const onExit = vi.fn();
    show(lostRun(model), { onAgain, onExit });
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(onAgain).toHaveBeenCalledOnce();
    expect(onExit).not.toHaveBeenCalled();
    fireEvent.click(screen.getByRole('button', { name: 'Back to scenarios' }));
    expect(onExit).toHaveBeenCalledOnce();
  });

  it('shows the seven stages at a glance; each jumps to its card', () => {
    show(lostRun(model));
    const strip = screen.getByRole('navigation', { name: 'Stages at a glance' });
    const buttons = within(strip).getAllByRole('button');
    expect(buttons.map((b) => b.textContent)).toEqual([
      expect.stringMatching(/^1\. Lead acquisition100 \/ 100/),
      expect.stringMatching(/^2\. First contact/),
      expect.stringMatching(/^3\. Needs discovery/),
      '4. Solution presentationNot reachedNot reached',
      '5. NegotiationNot reachedNot reached',
      '6. Contract signingNot reachedNot reached',
      '7. Payment collectionNot reachedNot reached',
    ]);
    Element.prototype.scrollIntoView = () => {};
    fireEvent.click(buttons[2]!);
    expect(document.activeElement).toBe(screen.getByRole('heading', { name: '3. Needs discovery', level: 4 }));
  });

  it('shows each explain-back on its stage card, and offers the replay when there is one', () => {
    const onReplay = vi.fn();
    render(
      <Debrief
        model={model}
        context={lostRun(model)}
        exemplar={exemplar}
        reflection={{ freeText: [], explainBacks: [{ stage: 'leads', text: 'Grade before you chase.', skipped: false }, { stage: 'first-contact', text: '', skipped: true }] }}
        locale="en"
        onAgain={() => {}}
        onExit={() => {}}
        onReplay={onReplay}
      />,
    );
    expect(stageCard(/Lead acquisition/).querySelector('.explain-back-quote')?.textContent).toBe('Your explain-backGrade before you chase.');
    expect(stageCard(/First contact/).querySelector('.explain-back-quote')?.textContent).toBe('Your explain-backSkipped.');
    expect(stageCard(/Needs discovery/).querySelector('.explain-back-quote')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Replay step by step' }));
    expect(onReplay).toHaveBeenCalledOnce();
  });
});
