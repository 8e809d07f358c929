import { describe, expect, it } from 'vitest';
import { expertPlan, tour } from '../../../test/support/load';
import { betterMove, entryFor } from './debrief-data';
import { lostRun } from './test-runs';

const model = tour();
const context = lostRun(model);

describe('the better move', () => {
  const scriptTurn = entryFor(context, 2, 'read-from-script', 'commits');

  it('finds the line the pitfall was committed with', () => {
    expect(scriptTurn).toMatchObject({ kind: 'rep', option: 'first-contact/intro/2' });
  });

  it('is the option the expert path takes at the same step', () => {
    const exemplar = { seed: 1, moves: [{ type: 'choose' as const, option: 'discovery/ask/1' }, { type: 'choose' as const, option: 'first-contact/intro/1' }] };
    expect(betterMove(model, exemplar, scriptTurn)).toEqual({ kind: 'option', option: model.stages['first-contact'].steps.intro!.options[0] });
  });

  it('says so honestly when the expert path never passes that step, or there is none', () => {
    const exemplar = { seed: 1, moves: [{ type: 'choose' as const, option: 'discovery/ask/1' }] };
    expect(betterMove(model, exemplar, scriptTurn)).toEqual({ kind: 'not-on-path' });
    expect(betterMove(model, null, scriptTurn)).toEqual({ kind: 'no-exemplar' });
  });

  it('is the expert lead plan for a stage-1 pitfall', () => {
    const plan = expertPlan(model);
    const leadEntry = context.transcript.find((e) => e.kind === 'lead-plan');
    expect(betterMove(model, { seed: 1, moves: [{ type: 'leads.submit', plan }] }, leadEntry)).toEqual({ kind: 'lead-plan', pursue: plan.pursue });
  });
});
