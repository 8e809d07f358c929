import { describe, expect, it } from 'vitest';
import { expertPlan, tour } from '../../../test/support/load';
import { startDrill } from '../runtime/drill';
import { testedIdsByStage, testedIdsOf } from './abstraction';
import { explore } from './explore';

const base = tour();

describe('the explorer keys on checklist and step ids', () => {
  it('only where a gameplay condition tests them, and only while one still can', () => {
    expect(testedIdsOf(play(base), testedIdsByStage(base).get('signing')!).slice(3)).toEqual([[], [], []]);

    const model = structuredClone(base);
    model.stages.collection.steps.invoice!.lines.unshift({ when: { shown: ['tailor-solution'], committed: ['no-focus'], reached: ['too-early/first'] }, text: { en: 'Hm.' } });
    const tested = testedIdsByStage(model);
    expect([...tested.get('signing')!.shown]).toEqual(['tailor-solution']);
    expect([...tested.get('signing')!.committed]).toEqual(['no-focus']);
    expect([...tested.get('signing')!.reached]).toEqual(['too-early/first']);
    expect(testedIdsOf(play(model), tested.get('signing')!).slice(3)).toEqual([['tailor-solution'], [], []]);
  });

  it('finds the expert path through an option that tests a key action shown stages earlier', () => {
    const model = structuredClone(base);
    // The first step of collection offers a shortcut to cash only to a rep who tailored the solution.
    model.stages.collection.steps.invoice!.options.unshift({
      id: 'collection/invoice/tailored',
      rep: { en: 'As planned in the demo, here is the PO form.' },
      shows: ['follow-payment-progress', 'remind-in-time', 'solve-blockers'],
      commits: [],
      when: { shown: ['tailor-solution'] },
      effects: {},
      target: { ends: { outcome: 'won' } },
    });
    const r = explore(model, { seeds: [1] });
    expect(r.endings.some((e) => e.outcome === 'won')).toBe(true);
    expect(r.exemplar!.moves).toContainEqual({ type: 'choose', option: 'collection/invoice/tailored' });
  });
});

function play(model: typeof base) {
  const d = startDrill(model, 1);
  d.send({ type: 'leads.submit', plan: expertPlan(model) });
  for (const o of ['first-contact/intro/1', 'discovery/ask/1', 'discovery/deeper/1', 'presentation/demo/1', 'negotiation/price/1']) d.send({ type: 'choose', option: o });
  return d.context();
}
