import { describe, expect, it } from 'vitest';
import { expertPlan, tour } from '../../../test/support/load';
import type { ScenarioModel } from '../scenario/model';
import { scoreContext } from '../scoring/score';
import { has, holds } from './conditions';
import { startDrill, type Drill } from './drill';

const base = tour();
const play = (model: ScenarioModel, options: string[]): Drill => {
  const d = startDrill(model, 7);
  d.send({ type: 'leads.submit', plan: expertPlan(model) });
  for (const o of options) expect(d.send({ type: 'choose', option: o }), o).toBe(true);
  return d;
};
const TO_SIGNING = ['first-contact/intro/1', 'discovery/ask/1', 'discovery/deeper/1', 'presentation/demo/1', 'negotiation/price/2'];
const lastLine = (d: Drill) => d.context().transcript.filter((e) => e.kind === 'customer').at(-1);

describe('the shown, committed and reached tests', () => {
  it('see the key actions shown and the pitfalls committed earlier in the attempt', () => {
    const model = structuredClone(base);
    model.stages.signing.steps.terms!.lines.unshift(
      { when: { shown: ['tailor-solution'], committed: ['concede-too-fast'] }, text: { en: 'You listened, but you gave the discount away.' } },
    );
    const d = play(model, TO_SIGNING);
    expect(lastLine(d)).toMatchObject({ text: { en: 'You listened, but you gave the discount away.' } });
    const other = play(model, [...TO_SIGNING.slice(0, 4), 'negotiation/price/1']);
    expect(lastLine(other)).toMatchObject({ text: { en: 'The contract is ready. Shall I sign?' } });
  });

  it('credit exactly what the scorer credits: the lead plan, records, and each item in its own stage only', () => {
    const model = structuredClone(base);
    // A signing item listed in discovery: the scorer does not count it there (SC029), nor does `shown`.
    model.stages.discovery.steps.ask!.options[0]!.shows.push('confirm-terms');
    const d = play(model, ['first-contact/intro/1', 'discovery/ask/1']);
    d.send({ type: 'record', fact: 'pains' });
    const c = d.context();
    expect(c.shown).toEqual(['define-target-profile', 'screen-valid-leads', 'record-customer-info', 'prepare-opening', 'learn-background', 'set-conversation-goal', 'design-question-list', 'listen-actively', 'record-key-info']);
    expect(c.shown).not.toContain('confirm-terms');
    const credited = scoreContext(model, c).stages.flatMap((s) => s.keyActions.filter((k) => k.turn !== null).map((k) => k.id));
    expect(new Set(c.shown)).toEqual(new Set(credited));
  });

  it('see the steps whose line has been said, including inside objections', () => {
    const model = structuredClone(base);
    model.stages.signing.steps.terms!.lines.unshift({ when: { reached: ['too-early/first', 'discovery/ask', 'discovery/deeper'] }, text: { en: 'You were pushy once.' } });
    const d = play(model, ['first-contact/intro/1', 'discovery/ask/3']);
    // Only the steps a condition tests are kept.
    expect(d.context().reached).toEqual(['discovery/ask', 'too-early/first']);
    d.send({ type: 'choose', option: 'too-early/first/1' });
    // Back at discovery/ask: said again, reached once.
    expect(d.context().reached).toEqual(['discovery/ask', 'too-early/first']);
    expect(holds({ reached: ['too-early/first', 'discovery/ask'] }, d.context())).toBe(true);
    expect(holds({ reached: ['discovery/deeper'] }, d.context())).toBe(false);
    for (const o of ['discovery/ask/1', 'discovery/deeper/1', 'presentation/demo/1', 'negotiation/price/1']) d.send({ type: 'choose', option: o });
    expect(lastLine(d)).toMatchObject({ text: { en: 'You were pushy once.' } });
    expect(play(base, ['first-contact/intro/1', 'discovery/ask/3']).context().reached).toEqual([]);
  });

  it('hold for every listed id and fail for any missing one', () => {
    const c = play(base, ['first-contact/intro/2']).context();
    expect(c.committed).toEqual(['read-from-script', 'no-tailoring']);
    expect(holds({ committed: ['read-from-script', 'no-tailoring'] }, c)).toBe(true);
    expect(holds({ committed: ['read-from-script', 'push-sale-early'] }, c)).toBe(false);
    expect(holds({ shown: ['prepare-opening'] }, c)).toBe(false);
  });
});

describe('has', () => {
  it('answers like includes for short and long lists', () => {
    const long = Array.from({ length: 30 }, (_, i) => `id-${i}`);
    for (const list of [long.slice(0, 3), long]) {
      for (const id of ['id-0', 'id-2', 'id-29', 'id-30', 'constructor']) expect(has(list, id)).toBe(list.includes(id));
    }
  });
});
