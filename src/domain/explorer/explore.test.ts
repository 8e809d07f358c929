import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { libraryFiles, loadModel, tour } from '../../../test/support/load';
import { playPicks } from '../../../test/support/random-play';
import { score, scoreContext } from '../scoring/score';
import { explore } from './explore';

const model = tour();

describe('the explorer', () => {
  const report = explore(model);

  it('finds every step, objection, ending and checklist item of the feature tour', () => {
    expect(report.bounded).toBe(false);
    expect(report.steps.filter((s) => !s.reachable)).toEqual([]);
    expect(report.objections.every((o) => o.raised)).toBe(true);
    expect(report.checklist.filter((c) => !c.possible)).toEqual([]);
    expect(new Set(report.endings.map((e) => e.outcome))).toEqual(new Set(['won', 'lost', 'stalled']));
  });

  it('gives an exemplar path that really replays to the score it reports', () => {
    const ex = report.exemplar!;
    expect(ex.score.outcome?.outcome).toBe('won');
    expect(score(model, { seed: ex.seed, moves: ex.moves })).toEqual(ex.score);
    expect(report.best.overall).toBe(ex.score.overall.score);
    expect(report.best.overall).toBe(100);
  });

  it('says when a bound cut the search', () => {
    const small = explore(model, { maxStates: 20, seeds: [1] });
    expect(small.bounded).toBe(true);
    expect(small.boundsHit).toContain('reach-states');
  });

  it('reports unreachable steps', () => {
    const broken = structuredClone(model);
    broken.stages.discovery.steps.ask!.options = broken.stages.discovery.steps.ask!.options.filter((o) => o.target.step !== 'deeper' || o.id.endsWith('/1'));
    broken.stages.discovery.steps.ask!.options[0]!.target = { stage: 'presentation' };
    const r = explore(broken, { seeds: [1] });
    expect(r.steps.filter((s) => !s.reachable).map((s) => `${s.container}/${s.step}`)).toEqual(['discovery/deeper']);
  });

});

describe('what the explorer proves', () => {
  it('meets the structure\'s upper bounds on the tour: every result proven', () => {
    const r = explore(model);
    expect(r.bounded).toBe(false);
    expect(r.best.overall).toBe(r.upper.overall);
    expect(r.best.stages).toEqual(r.upper.stages);
  });

  it('proves a stage\'s best below what the structure allows when a guard can never hold', () => {
    const guarded = structuredClone(model);
    // The only way to "listen actively" in discovery now needs more trust than there can be.
    for (const step of Object.values(guarded.stages.discovery.steps)) for (const o of step.options) if (o.shows.includes('listen-actively')) o.when = { meters: [{ meter: 'trust', op: '>', value: 100 }] };
    const r = explore(guarded, { seeds: [1], maxWaitsInARow: 0 });
    expect(r.upper.stages.discovery).toBe(100);
    expect(r.best.stages.discovery).toBeLessThan(100);
    expect(r.bounded).toBe(false);
    // No real play does better than the proven best.
    for (let seed = 1; seed <= 40; seed++) {
      const played = playPicks(guarded, 1, Array.from({ length: 60 }, (_, i) => (seed * 7919 + i * 104_729) % 97));
      expect(scoreContext(guarded, played.context()).stages.find((x) => x.stage === 'discovery')!.score).toBeLessThanOrEqual(r.best.stages.discovery);
    }
  });
});

describe.each(libraryFiles())('%s: the explorer\'s best', (file) => {
  const m = loadModel(file);
  const r = explore(m);
  it('is proven, and no random play beats it', () => {
    expect(r.bounded).toBe(false);
    fc.assert(
      fc.property(fc.constantFrom(...r.seeds), fc.array(fc.nat(), { minLength: 10, maxLength: 80 }), (seed, picks) => {
        const s = scoreContext(m, playPicks(m, seed, picks).context());
        expect(s.overall.score).toBeLessThanOrEqual(r.best.overall);
        for (const st of s.stages) expect(st.score).toBeLessThanOrEqual(r.best.stages[st.stage]);
      }),
      { numRuns: 100 },
    );
  });
});
