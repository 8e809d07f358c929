// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { initTestI18n } from '../../../test/support/i18n';
import { expertPlan, tour } from '../../../test/support/load';
import type { Exemplar } from '../../domain/explorer/exemplar';
import { findOption, type ScenarioModel } from '../../domain/scenario/model';
import type { DrillContext } from '../../domain/runtime/context';
import { Debrief } from './Debrief';
import { exemplarOf, lostRun, play } from './test-runs';

vi.mock('./MeterChart', () => ({ default: () => <div data-testid="meter-chart" /> }));

/** The feature tour with authored whys on the options of its opening step. */
function withWhys(): ScenarioModel {
  const m = structuredClone(tour());
  findOption(m, 'first-contact/intro/1')!.why = { en: 'It opens with what the customer asked about.' };
  findOption(m, 'first-contact/intro/2')!.why = { en: 'A script talks at the customer, not with them.' };
  return m;
}

const model = withWhys();
let exemplar: Exemplar;
beforeAll(() => {
  initTestI18n('en');
  exemplar = exemplarOf(tour());
});
afterEach(cleanup);

function show(context: DrillContext, extra: { onRetry?: (turn: number) => void; freeText?: { turn: number; text: string }[] } = {}) {
  render(
    <Debrief
      model={model}
      context={context}
      exemplar={exemplar}
      locale="en"
      reflection={{ freeText: extra.freeText ?? [], explainBacks: [] }}
      onExit={() => {}}
      onAgain={() => {}}
      onRetry={extra.onRetry}
    />,
  );
}
const decisions = () => within(screen.getByRole('region', { name: 'Decision by decision' }));

describe('the debrief teaches', () => {
  it('each checklist item with its why, also after a perfect run', () => {
    show(play(model, exemplar.seed, exemplar.moves));
    const item = document.querySelector('[data-item="prepare-opening"]')!;
    expect(item.querySelector('.why')?.textContent).toMatch(/^Why: .+/);
  });

  it('each decision: why the choice was wrong, the expert\'s move and why it is better, and the trainee\'s own words beside them', () => {
    const context = lostRun(model);
    show(context, { freeText: [{ turn: 2, text: 'Hi Dana, I loved your webinar question.' }] });
    const first = decisions().getAllByRole('listitem')[0]!;
    expect(first.textContent).toContain('Turn 2');
    expect(first.querySelector('details')?.open).toBe(true);
    expect(first.querySelector('.decision-words blockquote')?.textContent).toBe('Hi Dana, I loved your webinar question.');
    const chosen = first.querySelector('.decision-chosen')!;
    expect(chosen.textContent).toContain('Let me read you our product sheet.');
    expect(chosen.textContent).toContain('Why: A script talks at the customer, not with them.');
    expect(chosen.textContent).toContain('Commits: Reading from a script');
    const expert = first.querySelector('.decision-expert')!;
    expect(expert.textContent).toContain('I saw your webinar question about routing');
    expect(expert.textContent).toContain('Why it is better: It opens with what the customer asked about.');
    expect(expert.textContent).toContain('Shows: Prepare the opening');
  });

  it('the better move of a committed pitfall with its why', () => {
    show(lostRun(model));
    const better = document.querySelector('[data-item="read-from-script"] .better-move')!;
    expect(better.textContent).toContain('Why it is better: It opens with what the customer asked about.');
  });

  it('offers to retry from each decision', () => {
    const onRetry = vi.fn();
    show(lostRun(model), { onRetry });
    fireEvent.click(decisions().getByRole('button', { name: 'Retry from turn 4' }));
    expect(onRetry).toHaveBeenCalledWith(4);
  });

  it('the lead plan per criterion and lead: which grade was wrong, with the lead card as the reason', () => {
    const plan = expertPlan(model);
    const wrong = { ...plan, grades: { ...plan.grades, contoso: 'C' as const }, profile: plan.profile.slice(1) };
    show(play(model, 3, [{ type: 'leads.submit', plan: wrong }, { type: 'abandon' }]));
    const leads = screen.getByRole('region', { name: 'Your lead plan, explained' });
    expect(leads.textContent).toContain('2 answers differ from the expert’s.');
    const contoso = leads.querySelector('[data-lead="contoso"]')!;
    expect(contoso.textContent).toContain('Wrong');
    expect(contoso.textContent).toContain('you graded it C; the expert grades it B.');
    const northwind = leads.querySelector('[data-lead="northwind"]')!;
    expect(northwind.textContent).toContain('graded A, as the expert does.');
    expect(northwind.textContent).toContain('What the lead card says: Asked about routing');
    expect(leads.textContent).toContain('part of the ideal profile: you left it out');
  });

  it('keeps its actions in one labelled group', () => {
    show(lostRun(model));
    expect(screen.getByRole('group', { name: 'Debrief actions' })).toBeTruthy();
  });
});
