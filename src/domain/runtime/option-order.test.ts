import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { tour } from '../../../test/support/load';
import { startDrill } from './drill';
import { replay } from './drill';
import { expertLeadPlan } from './lead-plan';
import { shownOptions, shuffledFor, stepKey } from './option-order';

const items = (ids: string[]) => ids.map((id) => ({ id }));
const ids = fc.uniqueArray(fc.string({ minLength: 1, maxLength: 6 }), { maxLength: 9 });

describe('shuffledFor', () => {
  it('is a permutation of the items', () => {
    fc.assert(
      fc.property(fc.integer(), fc.string(), ids, (seed, key, list) => {
        const out = shuffledFor(seed, key, items(list)).map((o) => o.id);
        expect([...out].sort()).toEqual([...list].sort());
      }),
    );
  });

  it('is the same for the same seed and step, whatever order the items come in', () => {
    fc.assert(
      fc.property(fc.integer(), fc.string(), ids, (seed, key, list) => {
        const a = shuffledFor(seed, key, items(list)).map((o) => o.id);
        const b = shuffledFor(seed, key, items([...list].reverse())).map((o) => o.id);
        expect(b).toEqual(a);
      }),
    );
  });

  it('does not always put the same option first', () => {
    const firsts = new Set(Array.from({ length: 40 }, (_, seed) => shuffledFor(seed, 'discovery/open', items(['a', 'b', 'c', 'd']))[0]!.id));
    expect(firsts.size).toBeGreaterThan(1);
  });

  it('keys steps by container and step', () => {
    expect(stepKey({ phase: 'stage', stage: 'discovery', step: 'open' })).toBe('discovery/open');
    expect(stepKey({ phase: 'objection', objection: 'price', step: 'start' })).toBe('price/start');
    expect(stepKey({ phase: 'leads' })).toBeNull();
  });
});

describe('shown options in a drill', () => {
  const model = tour();
  it('a replay of the same moves shows the same options in the same order at every step', () => {
    fc.assert(
      fc.property(fc.integer(), fc.array(fc.nat(), { maxLength: 30 }), (seed, picks) => {
        const d = startDrill(model, seed);
        d.send({ type: 'leads.submit', plan: expertLeadPlan(model.leads) });
        const orders: string[][] = [];
        for (const p of picks) {
          const m = d.moves();
          if (d.ended() || m.options.length === 0) break;
          const shown = shownOptions(seed, m.position, m.options);
          orders.push(shown.map((o) => o.id));
          d.send({ type: 'choose', option: shown[p % shown.length]!.id });
        }
        const again = replay(model, seed, d.context().log);
        expect(again.rejectedAt).toBeNull();
        expect(again.drill.context().transcript).toEqual(d.context().transcript);
        // Played again step by step, each step shows the same order.
        const e = startDrill(model, seed);
        e.send(d.context().log[0]!);
        for (let i = 0; i < orders.length; i++) {
          const m = e.moves();
          expect(shownOptions(seed, m.position, m.options).map((o) => o.id)).toEqual(orders[i]);
          e.send(d.context().log[i + 1]!);
        }
      }),
      { numRuns: 60 },
    );
  });
});
