// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createActor } from 'xstate';
import { machineFor, type DrillActor } from '../../domain/runtime/actor';
import type { ScenarioModel } from '../../domain/scenario/model';
import { initTestI18n } from '../../../test/support/i18n';
import { expertPlan, tour } from '../../../test/support/load';
import { DrillHarness } from './drill-harness.test-support';

const model = tour();

function startActor(m: ScenarioModel = model, submitted = true): DrillActor {
  const actor = createActor(machineFor(m), { input: { seed: 7 } });
  actor.start();
  if (submitted) actor.send({ type: 'leads.submit', plan: expertPlan(m) });
  return actor;
}

function renderDrill(actor: DrillActor, m: ScenarioModel = model, onExit = () => {}) {
  render(<DrillHarness model={m} actor={actor} onExit={onExit} />);
  return actor;
}

const option = (name: RegExp) => within(screen.getByRole('group', { name: 'Your options' })).getByRole('button', { name });
const transcript = () => screen.getByRole('list', { name: 'Transcript' });
const currentStage = () => screen.getByRole('navigation', { name: 'LTC stages' }).querySelector('[aria-current="step"]')?.textContent;

beforeAll(() => initTestI18n('en'));
afterEach(cleanup);

describe('the drill screen', () => {
  it('plays stage 1 as a form: submit waits for every grade and a pursued lead, then first contact begins', () => {
    const actor = renderDrill(startActor(model, false));
    expect(currentStage()).toContain('Lead acquisition');
    const submit = screen.getByRole('button', { name: 'Submit lead plan' });
    expect(submit).toHaveProperty('disabled', true);
    expect(document.getElementById(submit.getAttribute('aria-describedby')!)!.textContent).toContain('4 left');

    const plan = expertPlan(model);
    for (const c of plan.profile) fireEvent.click(screen.getByRole('checkbox', { name: model.leads.criteria.find((x) => x.id === c)!.label.en }));
    for (const f of plan.record) fireEvent.click(screen.getByRole('checkbox', { name: model.leads.fields.find((x) => x.id === f)!.label.en }));
    for (const lead of model.leads.pool) {
      const group = screen.getByRole('radiogroup', { name: `Grade ${lead.company.en}` });
      fireEvent.click(within(group).getByRole('radio', { name: plan.grades[lead.id] }));
    }
    expect(submit).toHaveProperty('disabled', true);
    expect(screen.getByText('Choose at least one lead to pursue.')).toBeTruthy();
    for (const id of plan.pursue) fireEvent.click(screen.getByRole('checkbox', { name: new RegExp(`^Pursue this lead\\s+${model.leads.pool.find((l) => l.id === id)!.company.en}$`) }));
    expect(submit).toHaveProperty('disabled', false);
    fireEvent.click(submit);

    expect(actor.getSnapshot().context.leadPlan).toEqual({ ...plan, profile: [...plan.profile], record: [...plan.record] });
    expect(currentStage()).toContain('First contact');
    expect(transcript().textContent).toContain('Dana Li: Who is this?');
  });

  it('adds the rep line and the customer reply when an option is clicked, and announces the new customer line', () => {
    renderDrill(startActor());
    fireEvent.click(option(/I saw your webinar/));
    expect(transcript().textContent).toContain('You: I saw your webinar');
    expect(transcript().textContent).toContain('Dana Li: What do you want to know?');
    expect(screen.getByTestId('customer-live').getAttribute('aria-live')).toBe('polite');
    expect(screen.getByTestId('customer-live').textContent).toContain('What do you want to know?');
  });

  it('chooses the first option when 1 is pressed, but not while typing in a field', () => {
    const actor = renderDrill(startActor());
    const field = document.body.appendChild(document.createElement('input'));
    fireEvent.keyDown(field, { key: '1' });
    expect(actor.getSnapshot().context.stage).toBe('first-contact');
    field.remove();
    expect(option(/^1 I saw your webinar/)).toBeTruthy();
    fireEvent.keyDown(document.body, { key: '1' });
    expect(actor.getSnapshot().context.stage).toBe('discovery');
    expect(transcript().textContent).toContain('You: I saw your webinar');
  });

  it('moves aria-current along the stage tracker and marks the stages done', () => {
    renderDrill(startActor());
    expect(currentStage()).toContain('First contact');
    fireEvent.click(option(/I saw your webinar/));
    expect(currentStage()).toContain('Needs discovery');
    fireEvent.click(option(/How does an order become/));
    fireEvent.click(option(/Who signs off/));
    expect(currentStage()).toContain('Solution presentation');
    const items = within(screen.getByRole('navigation', { name: 'LTC stages' })).getAllByRole('listitem');
    expect(items.slice(0, 3).map((li) => li.className)).toEqual(['done', 'done', 'done']);
    expect(items[4]!.className).toBe('');
  });

  it('lets the trainee record a revealed fact, which then shows its text in the customer record', () => {
    const actor = renderDrill(startActor());
    const record = screen.getByRole('region', { name: 'Customer record' });
    expect(record.textContent).toContain('Nothing revealed yet.');
    fireEvent.click(option(/I saw your webinar/));
    fireEvent.click(option(/How does an order become/));
    expect(transcript().textContent).toContain('Fact revealed Pains: Dispatch runs on spreadsheets.');
    expect(record.textContent).not.toContain('Dispatch runs on spreadsheets.');
    fireEvent.click(within(record).getByRole('button', { name: 'Record “Pains”' }));
    expect(actor.getSnapshot().context.recorded).toEqual(['pains']);
    expect(record.textContent).toContain('Dispatch runs on spreadsheets.');
    expect(within(record).queryByRole('button')).toBeNull();
  });

  it('marks an objection visibly and offers its answers', () => {
    renderDrill(startActor());
    fireEvent.click(option(/I saw your webinar/));
    fireEvent.click(option(/Our routing module fixes that/));
    const marked = transcript().querySelector('[data-kind="objection"]');
    expect(marked?.textContent).toBe('Objection Too early to pitch');
    expect(marked?.querySelector('.badge')).toBeTruthy();
    expect(option(/Tell me about dispatch first/)).toBeTruthy();
  });

  it('marks a surprise and a rule-raised objection in the transcript', () => {
    const actor = startActor();
    const path = ['first-contact/intro/1', 'discovery/ask/2', 'discovery/deeper/2', 'presentation/demo/2', 'low-interest/first/1', 'negotiation/price/1', 'signing/terms/1', 'collection/invoice/1'];
    for (const option of path) actor.send({ type: 'choose', option });
    renderDrill(actor);
    expect(transcript().querySelector('[data-kind="objection"]')?.textContent).toBe('Objection Not convinced');
    expect(transcript().querySelector('[data-kind="surprise"]')?.textContent).toBe('Surprise Budget freeze: Finance froze unapproved spend.');
    expect(currentStage()).toContain('Payment collection');
  });

  it('warns about too long a silence after waiting', () => {
    renderDrill(startActor());
    fireEvent.click(option(/I saw your webinar/));
    fireEvent.click(option(/How does an order become/));
    const waits = screen.getByRole('group', { name: 'Or let time pass' });
    fireEvent.click(within(waits).getByRole('button', { name: 'Wait 7 days' }));
    fireEvent.click(within(waits).getByRole('button', { name: 'Wait 7 days' }));
    expect(screen.getByText('Today: day 14')).toBeTruthy();
    fireEvent.click(option(/Let me come back next week/));
    expect(transcript().querySelector('[data-kind="cadence"]')?.textContent).toContain('Too long a silence: 22 days since the last touch.');
    expect(screen.getByText('Last touch: day 22, in person')).toBeTruthy();
  });

  it('shows the meters on an intro scenario only', () => {
    renderDrill(startActor());
    expect(within(screen.getByRole('group', { name: 'Meters' })).getAllByRole('meter')).toHaveLength(3);
    cleanup();
    const advanced = { ...model, difficulty: 'advanced' as const };
    renderDrill(startActor(advanced), advanced);
    expect(screen.queryByRole('group', { name: 'Meters' })).toBeNull();
    expect(screen.queryByRole('meter')).toBeNull();
    expect(screen.getByText('Today: day 0')).toBeTruthy();
  });

  it('shows the outcome when the drill ends, and a way back', () => {
    const onExit = vi.fn();
    renderDrill(startActor(), model, onExit);
    fireEvent.click(option(/Goodbye/));
    const outcome = screen.getByRole('region', { name: 'The drill is over' });
    expect(outcome.textContent).toContain('Lost at the stage “First contact”.');
    expect(outcome.textContent).toContain('Why: The rep hung up.');
    expect(screen.queryByRole('group', { name: 'Your options' })).toBeNull();
    fireEvent.click(within(outcome).getByRole('button', { name: 'Back to scenarios' }));
    expect(onExit).toHaveBeenCalledOnce();
  });

  it('asks before giving up, then ends the drill as abandoned', () => {
    const actor = renderDrill(startActor());
    fireEvent.click(screen.getByRole('button', { name: 'Give up this drill' }));
    fireEvent.click(screen.getByRole('button', { name: 'Keep going' }));
    expect(actor.getSnapshot().status).toBe('active');
    fireEvent.click(screen.getByRole('button', { name: 'Give up this drill' }));
    fireEvent.click(screen.getByRole('button', { name: 'Yes, give up' }));
    const outcome = screen.getByRole('region', { name: 'The drill is over' });
    expect(outcome.textContent).toContain('Abandoned at the stage “First contact”.');
    expect(outcome.textContent).toContain('You gave up the drill.');
    expect(screen.queryByRole('button', { name: 'Give up this drill' })).toBeNull();
  });

  it('shows a built-in reason when the customer lead is not pursued', () => {
    const actor = startActor(model, false);
    actor.send({ type: 'leads.submit', plan: { ...expertPlan(model), pursue: ['contoso'] } });
    renderDrill(actor);
    expect(screen.getByRole('region', { name: 'The drill is over' }).textContent).toContain('You did not pursue the lead');
  });
});
