import { describe, expect, it } from 'vitest';
import { tour } from '../../../test/support/load';
import expertLog from '../../../test/fixtures/playthroughs/feature-tour.expert.json';
import type { EventLog } from './context';
import { isRefusal, legalMoves, run, step } from './engine';
import { acceptsAttempt, startAt, startFromAttempt, startProblem } from './start-at';
import { restoreDrill } from './drill';

const model = tour();
const lines = (s: ReturnType<typeof startAt>) => s.context.transcript.filter((e) => e.kind === 'customer').map((e) => (e.kind === 'customer' ? `${e.container}/${e.step}` : ''));

describe('a drill started at a chosen step', () => {
  it('stands at the step, with its customer line said and its options offered', () => {
    const s = startAt(model, { stage: 'presentation', step: 'demo' });
    expect(s.position).toEqual({ phase: 'stage', stage: 'presentation', step: 'demo' });
    expect(s.context.stage).toBe('presentation');
    expect(lines(s)).toEqual(['presentation/demo']);
    expect(s.context.leadPlan).not.toBeNull();
    // The option guarded by `revealed: [pains]` is not offered without the fact.
    expect(legalMoves(model, s).options.map((o) => o.id)).toEqual(['presentation/demo/2']);
  });

  it('takes the customer state chosen: meters, facts revealed and recorded, promises, day', () => {
    const s = startAt(model, { stage: 'presentation', step: 'demo', meters: { trust: 80, interest: 150 }, revealed: ['pains', 'nonsense'], recorded: ['pains', 'decision-chain'], promised: ['discount-10'], day: 12 });
    expect(s.context.meters).toEqual({ trust: 80, interest: 100, patience: model.customer.start.patience });
    expect(s.context.revealed).toEqual(['pains']);
    // Only a revealed fact can be in the record.
    expect(s.context.recorded).toEqual(['pains']);
    expect(s.context.promised).toEqual(['discount-10']);
    expect(s.context.day).toBe(12);
    expect(legalMoves(model, s).options.map((o) => o.id)).toEqual(['presentation/demo/1', 'presentation/demo/2']);
    const customer = s.context.transcript.find((e) => e.kind === 'customer')!;
    expect(customer.kind === 'customer' && customer.text.en).toBe('Show me how it fixes our spreadsheets.');
  });

  it('defaults to the stage start, and plays on with the ordinary engine', () => {
    const s = startAt(model, { stage: 'negotiation' });
    expect(s.position).toMatchObject({ step: 'price' });
    const next = step(model, s, { type: 'choose', option: 'negotiation/price/1' });
    expect(isRefusal(next)).toBe(false);
    expect(!isRefusal(next) && next.position).toMatchObject({ phase: 'stage', stage: 'signing' });
    const d = restoreDrill(model, s);
    expect(d.send({ type: 'choose', option: 'negotiation/price/3' })).toBe(true);
    expect(d.moves().position).toMatchObject({ phase: 'objection', objection: 'price' });
  });

  it('starts inside an objection, which returns to the chosen step', () => {
    const s = startAt(model, { stage: 'discovery', step: 'deeper', objection: 'too-early' });
    expect(s.position).toEqual({ phase: 'objection', objection: 'too-early', step: 'first' });
    expect(s.resume).toEqual({ stage: 'discovery', step: 'deeper' });
    const back = step(model, s, { type: 'choose', option: 'too-early/first/1' });
    expect(!isRefusal(back) && back.position).toEqual({ phase: 'stage', stage: 'discovery', step: 'deeper' });
  });

  it('names a start point the scenario does not have', () => {
    expect(startProblem(model, { stage: 'discovery', step: 'nowhere' })).toBe('unknown-step');
    expect(startProblem(model, { stage: 'discovery', objection: 'nope' })).toBe('unknown-objection');
    expect(startProblem(model, { stage: 'leads' as never })).toBe('unknown-stage');
    expect(startProblem(model, { stage: 'discovery' })).toBeNull();
    expect(() => startAt(model, { stage: 'discovery', step: 'nowhere' })).toThrow();
  });

  it('takes the key actions shown and pitfalls committed so far, by their kind, as conditions test them', () => {
    const keyAction = model.checklist.find((c) => c.kind === 'key-action' && c.stage === 'negotiation')!;
    const pitfall = model.checklist.find((c) => c.kind === 'pitfall' && c.stage === 'negotiation')!;
    const s = startAt(model, { stage: 'negotiation', shown: [keyAction.id, pitfall.id, 'nonsense'], committed: [pitfall.id, keyAction.id] });
    expect(s.context.shown).toContain(keyAction.id);
    expect(s.context.shown).not.toContain(pitfall.id);
    expect(s.context.committed).toEqual([pitfall.id]);
    // What the expert lead plan earned stays.
    expect(startAt(model, { stage: 'negotiation' }).context.shown.every((id) => s.context.shown.includes(id))).toBe(true);
  });

  it('is plain JSON', () => {
    const s = startAt(model, { stage: 'signing', revealed: ['pains'] });
    expect(JSON.parse(JSON.stringify(s))).toEqual(s);
  });
});

describe('a drill started at a move of a recorded attempt', () => {
  const expert: EventLog = { seed: expertLog.seed, moves: expertLog.moves as EventLog['moves'] };
  const states = run(model, expert).states;

  it('stands where the attempt stood before that move, and plays on from there', () => {
    for (const turn of [1, 2, 5, expert.moves.length]) {
      const { state, replayed, rejectedAt } = startFromAttempt(model, expert, turn);
      expect(rejectedAt).toBeNull();
      expect(replayed).toBe(turn - 1);
      expect(state).toEqual(states[turn - 1]);
    }
    const at5 = startFromAttempt(model, expert, 5).state;
    const next = step(model, at5, expert.moves[4]!);
    expect(!isRefusal(next) && next).toEqual(states[5]);
  });

  it('starts before the first move the edited scenario refuses', () => {
    const moves = [...expert.moves.slice(0, 3), { type: 'choose' as const, option: 'discovery/ask/removed' }, ...expert.moves.slice(3)];
    const { state, replayed, rejectedAt } = startFromAttempt(model, { seed: expert.seed, moves }, 7);
    expect(rejectedAt).toBe(3);
    expect(replayed).toBe(3);
    expect(state).toEqual(states[3]);
  });

  it('keeps a turn out of range to the attempt', () => {
    expect(startFromAttempt(model, expert, 0).state).toEqual(states[0]);
    expect(startFromAttempt(model, expert, 999).replayed).toBe(expert.moves.length);
  });
});

describe('which attempts a scenario can start from', () => {
  const expert: EventLog = { seed: expertLog.seed, moves: expertLog.moves as EventLog['moves'] };
  it('takes an attempt whose lead plan and first choice it accepts, and not another scenario\'s', () => {
    expect(acceptsAttempt(model, expert)).toBe(true);
    expect(acceptsAttempt(model, { seed: 1, moves: [] })).toBe(false);
    const otherLeads = { ...expert, moves: [{ type: 'leads.submit' as const, plan: { profile: [], grades: { someone: 'A' as const }, pursue: ['someone'], record: [] } }, ...expert.moves.slice(1)] };
    expect(acceptsAttempt(model, otherLeads)).toBe(false);
    expect(acceptsAttempt(model, { ...expert, moves: [expert.moves[0]!, { type: 'choose', option: 'elsewhere/step/1' }] })).toBe(false);
  });
});
