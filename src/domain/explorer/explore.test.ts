import { describe, expect, it } from 'vitest';
import { tour } from '../../../test/support/load';
import { score } from '../scoring/score';
import { explore } from './explore';
import { meterRegions } from './abstraction';

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

  it('cuts meters only where conditions can tell values apart', () => {
    const r = meterRegions(model);
    expect(r.interest(29)).not.toBe(r.interest(30));
    expect(r.trust(10)).toBe(r.trust(90));
    expect(r.patience(0)).not.toBe(r.patience(1));
  });
});
