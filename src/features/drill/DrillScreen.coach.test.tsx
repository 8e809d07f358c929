// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startActor } from '../../domain/runtime/actor';
import { findOption } from '../../domain/scenario/model';
import { initTestI18n } from '../../../test/support/i18n';
import { expertPlan, tour } from '../../../test/support/load';
import { DrillHarness } from './drill-harness.test-support';

const model = structuredClone(tour());
findOption(model, 'first-contact/intro/2')!.why = { en: 'A script talks at the customer, not with them.' };

beforeAll(() => initTestI18n('en'));
afterEach(cleanup);

function renderDrill(coachMe: boolean) {
  const actor = startActor(model, 7);
  actor.send({ type: 'leads.submit', plan: expertPlan(model) });
  render(<DrillHarness model={model} actor={actor} coachMe={coachMe} />);
  return actor;
}
const option = (name: RegExp) => within(screen.getByRole('group', { name: 'Your options' })).getByRole('button', { name });
const transcript = () => screen.getByRole('list', { name: 'Transcript' });

describe('coach me', () => {
  it('explains a choice before the customer replies, then goes on', () => {
    renderDrill(true);
    fireEvent.click(option(/Let me read you our product sheet/));
    const coach = screen.getByRole('region', { name: /A mistake to learn from/ });
    expect(document.activeElement).toBe(within(coach).getByRole('heading'));
    expect(coach.textContent).toContain('Why: A script talks at the customer, not with them.');
    expect(coach.textContent).toContain('Commits: Reading from a script');
    expect(screen.queryByRole('group', { name: 'Your options' })).toBeNull();
    // The rep's line is in, the customer's reply not yet.
    const lines = within(transcript()).getAllByRole('listitem');
    expect(lines.at(-1)!.textContent).toContain('You: Let me read you our product sheet.');
    fireEvent.click(within(coach).getByRole('button', { name: 'Continue: hear the customer' }));
    expect(screen.queryByRole('region', { name: /A mistake to learn from/ })).toBeNull();
    expect(within(transcript()).getAllByRole('listitem').length).toBeGreaterThan(lines.length);
    expect(screen.getByRole('group', { name: 'Your options' })).toBeTruthy();
    expect(document.activeElement?.closest('.options')).toBeTruthy();
  });

  it('praises a good move, and says when the scenario gives no why', () => {
    renderDrill(true);
    fireEvent.click(option(/I saw your webinar/));
    const coach = screen.getByRole('region', { name: /A good move/ });
    expect(coach.textContent).toContain('Shows: Prepare the opening');
    expect(coach.textContent).toContain('The scenario does not say why for this option.');
  });

  it('is off by default and can be turned on from the drill screen', () => {
    renderDrill(false);
    fireEvent.click(option(/I saw your webinar/));
    expect(screen.queryByRole('region', { name: /A good move/ })).toBeNull();
    const toggle = screen.getByRole('checkbox', { name: 'Coach me' });
    expect(toggle).toHaveProperty('checked', false);
    fireEvent.click(toggle);
    fireEvent.click(option(/How does an order become/));
    expect(screen.getByRole('region', { name: /A good move/ })).toBeTruthy();
  });
});
