import { describe, expect, it } from 'vitest';
import { expertPlan, tour } from '../../../test/support/load';
import { replay, restoreDrill, startDrill, type Drill } from './drill';
import type { Move } from './context';

const model = tour();
const choose = (option: string): Move => ({ type: 'choose', option });
const start = (seed = 7): Drill => {
  const d = startDrill(model, seed);
  expect(d.send({ type: 'leads.submit', plan: expertPlan(model) })).toBe(true);
  return d;
};
const lines = (d: Drill) => d.context().transcript.filter((e) => e.kind === 'customer').map((e) => (e.kind === 'customer' ? e.text.en : ''));

describe('a drill', () => {
  it('starts with the lead plan, then opens first contact with the customer line', () => {
    const d = startDrill(model, 1);
    expect(d.moves().position).toEqual({ phase: 'leads' });
    expect(d.send(choose('first-contact/intro/1'))).toBe(false);
    d.send({ type: 'leads.submit', plan: expertPlan(model) });
    expect(d.moves().position).toEqual({ phase: 'stage', stage: 'first-contact', step: 'intro' });
    expect(lines(d)).toEqual(['Who is this?']);
  });

  it('refuses an invalid lead plan and loses the deal when the customer lead is not pursued', () => {
    const d = startDrill(model, 1);
    expect(d.send({ type: 'leads.submit', plan: { ...expertPlan(model), grades: {} } })).toBe(false);
    expect(d.send({ type: 'leads.submit', plan: { ...expertPlan(model), pursue: ['contoso'] } })).toBe(true);
    expect(d.moves().position).toMatchObject({ phase: 'ended', ending: { outcome: 'lost', stage: 'leads', reasonKey: 'lead-not-pursued' } });
  });

  it('offers only options whose conditions hold, and refuses the others without changing anything', () => {
    const d = start();
    d.send(choose('first-contact/intro/1'));
    d.send(choose('discovery/ask/2'));
    d.send(choose('discovery/deeper/2'));
    expect(d.moves().options.map((o) => o.id)).toEqual(['presentation/demo/2']);
    const before = d.context();
    expect(d.send(choose('presentation/demo/1'))).toBe(false);
    expect(d.context()).toBe(before);
  });

  it('returns from an objection through history to the step where it was raised', () => {
    const d = start();
    d.send(choose('first-contact/intro/1'));
    d.send(choose('discovery/ask/3'));
    expect(d.moves().position).toEqual({ phase: 'objection', objection: 'too-early', step: 'first' });
    d.send(choose('too-early/first/2'));
    expect(d.moves().position).toEqual({ phase: 'objection', objection: 'pushy', step: 'first' });
    d.send(choose('pushy/first/1'));
    expect(d.moves().position).toEqual({ phase: 'stage', stage: 'discovery', step: 'ask' });
    const back = d.context().transcript.at(-1)!;
    expect(back).toMatchObject({ kind: 'customer', step: 'ask', resumed: true });
    expect(d.context().raised).toEqual(['too-early', 'pushy']);
  });

  it('raises an objection from a rule once, when its condition holds in its stage', () => {
    const d = start();
    for (const o of ['first-contact/intro/1', 'discovery/ask/2', 'discovery/deeper/2', 'presentation/demo/2']) d.send(choose(o));
    expect(d.context().meters.interest).toBeLessThan(30);
    expect(d.moves().position).toEqual({ phase: 'objection', objection: 'low-interest', step: 'first' });
    // The objection interrupts before the step's line; the line comes once, when the talk resumes.
    expect(lines(d).slice(-2)).toEqual(['Show me what you have.', "I'm not sure this is for us."]);
    d.send(choose('low-interest/first/1'));
    expect(d.moves().position).toEqual({ phase: 'stage', stage: 'negotiation', step: 'price' });
    expect(lines(d).filter((l) => l === 'Can you do better on price?')).toHaveLength(1);
    expect(d.context().firedRules).toEqual([0]);
  });

  it('carries a promise into a later stage: the discount shows in the contract', () => {
    const d = start();
    for (const o of ['first-contact/intro/1', 'discovery/ask/1', 'discovery/deeper/1', 'presentation/demo/1', 'negotiation/price/2']) d.send(choose(o));
    expect(lines(d).at(-1)).toBe('The contract shows the 10% discount. Shall I sign?');
  });

  it('punishes a touch that comes too soon for the customer rhythm, and waiting fixes it', () => {
    const soon = start();
    soon.send(choose('first-contact/intro/2'));
    const trustBefore = soon.context().meters.trust;
    soon.send(choose('first-contact/intro/2'));
    expect(soon.context().touches.at(-1)).toMatchObject({ verdict: 'too-soon', gap: 0 });
    expect(soon.context().meters.trust).toBe(trustBefore - 10 - 5);

    const patient = start();
    patient.send(choose('first-contact/intro/2'));
    expect(patient.send({ type: 'wait', days: 3 })).toBe(true);
    patient.send(choose('first-contact/intro/2'));
    expect(patient.context().touches.at(-1)).toMatchObject({ verdict: 'ok', gap: 3 });
    expect(patient.send({ type: 'wait', days: 2 })).toBe(false);
  });

  it('lets the trainee record only revealed facts, once each', () => {
    const d = start();
    d.send(choose('first-contact/intro/1'));
    expect(d.send({ type: 'record', fact: 'pains' })).toBe(false);
    d.send(choose('discovery/ask/1'));
    expect(d.moves().recordable).toEqual(['pains']);
    expect(d.send({ type: 'record', fact: 'pains' })).toBe(true);
    expect(d.send({ type: 'record', fact: 'pains' })).toBe(false);
    expect(d.context().recorded).toEqual(['pains']);
  });

  it('makes what was learned before signing change collection (a certain surprise)', () => {
    const path = ['first-contact/intro/1', 'discovery/ask/1', 'discovery/deeper/2', 'presentation/demo/1', 'negotiation/price/1', 'signing/terms/1', 'collection/invoice/1'];
    const d = start();
    path.forEach((o) => d.send(choose(o)));
    expect(d.context().firedSurprises).toContain('finance-freeze');
    expect(lines(d).at(-1)).toBe('Finance rejected the invoice.');
    d.send(choose('collection/blocker/2'));
    expect(d.moves().position).toMatchObject({ phase: 'ended', ending: { outcome: 'won' } });

    const informed = start();
    [...path.slice(0, 2), 'discovery/deeper/1', ...path.slice(3)].forEach((o) => informed.send(choose(o)));
    expect(informed.context().firedSurprises).not.toContain('finance-freeze');
    expect(lines(informed).at(-1)).toBe('Paid — the PO number was on it.');
  });

  it('ends lost when interest reaches zero, and stalls on an option that says so', () => {
    const d = start();
    d.send(choose('first-contact/intro/1'));
    d.send(choose('discovery/ask/3'));
    d.send(choose('too-early/first/2'));
    d.send(choose('pushy/first/2'));
    expect(d.moves().position).toMatchObject({ phase: 'ended', ending: { outcome: 'lost', stage: 'discovery' } });
    expect(d.send(choose('discovery/ask/1'))).toBe(false);
  });

  it('persists mid-drill and continues exactly where it was', () => {
    const moves = ['first-contact/intro/1', 'discovery/ask/1', 'discovery/deeper/2'];
    const a = start(99);
    moves.forEach((o) => a.send(choose(o)));
    const saved = JSON.parse(JSON.stringify(a.persist()));
    const b = restoreDrill(model, saved);
    expect(b.moves().position).toEqual(a.moves().position);
    for (const o of ['presentation/demo/1', 'negotiation/price/1']) {
      a.send(choose(o));
      b.send(choose(o));
    }
    expect(b.context()).toEqual(a.context());
  });

  it('abandons on request, and the ending is final', () => {
    const d = start();
    expect(d.send({ type: 'abandon' })).toBe(true);
    expect(d.moves().position).toMatchObject({ phase: 'ended', ending: { outcome: 'abandoned' } });
    expect(d.send({ type: 'abandon' })).toBe(false);
  });

  it('replays a log to the same transcript, and reports the first illegal move', () => {
    const a = start(5);
    ['first-contact/intro/2', 'first-contact/intro/1', 'discovery/ask/1'].forEach((o) => a.send(choose(o)));
    a.send({ type: 'wait', days: 7 });
    const r = replay(model, 5, a.context().log);
    expect(r.rejectedAt).toBeNull();
    expect(r.drill.context().transcript).toEqual(a.context().transcript);
    expect(replay(model, 5, [...a.context().log, choose('signing/terms/1')]).rejectedAt).toBe(a.context().log.length);
  });
});
