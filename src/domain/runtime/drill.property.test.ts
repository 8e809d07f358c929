import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { libraryFiles, loadModel, tour } from '../../../test/support/load';
import { legalMoves, playPicks } from '../../../test/support/random-play';
import { score, scoreContext } from '../scoring/score';
import { replay, restoreDrill } from './drill';
import { stepsTested } from './credit';

const models = [tour(), ...libraryFiles().map(loadModel)];
const arbitraryPlay = fc.record({
  model: fc.constantFrom(...models),
  seed: fc.integer(),
  picks: fc.array(fc.nat(), { maxLength: 120 }),
  abandonAt: fc.integer({ min: -1, max: 150 }),
});

describe('any sequence of legal choices', () => {
  it('never reaches an invalid state', () => {
    fc.assert(
      fc.property(arbitraryPlay, ({ model, seed, picks, abandonAt }) => {
        const d = playPicks(model, seed, picks, abandonAt);
        const c = d.context();
        for (const v of Object.values(c.meters)) expect(v >= 0 && v <= 100).toBe(true);
        expect(c.day).toBeGreaterThanOrEqual(0);
        expect(new Set(c.revealed).size).toBe(c.revealed.length);
        expect(c.recorded.every((f) => c.revealed.includes(f))).toBe(true);
        expect(c.revealed.every((f) => f in model.customer.facts)).toBe(true);
        expect(c.promised.every((p) => p in model.promises)).toBe(true);
        const pos = d.moves().position;
        if (pos.phase === 'ended') {
          expect(d.ended()).toBe(true);
          expect(legalMoves(d)).toEqual([]);
        } else {
          expect(c.ending).toBeNull();
          if (pos.phase !== 'leads') expect(d.moves().options.length + d.moves().waits.length).toBeGreaterThan(0);
        }
        expect(c.transcript.every((e, i) => i === 0 || e.turn >= c.transcript[i - 1]!.turn)).toBe(true);
      }),
      { numRuns: 150 },
    );
  });

  it('always scores within 0–100, per stage and overall', () => {
    fc.assert(
      fc.property(arbitraryPlay, ({ model, seed, picks, abandonAt }) => {
        const d = playPicks(model, seed, picks, abandonAt);
        const s = score(model, { seed, moves: d.context().log });
        for (const st of [...s.stages, s.overall]) expect(st.score >= 0 && st.score <= 100).toBe(true);
        for (const st of s.stages) if (!st.reached) expect(st.score).toBe(0);
        expect(s.overall.passed).toBe(s.outcome?.outcome === 'won' && s.overall.score >= s.overall.passMark);
      }),
      { numRuns: 100 },
    );
  });

  it('keeps shown, committed and reached exactly as the scorer and the transcript have them', () => {
    fc.assert(
      fc.property(arbitraryPlay, ({ model, seed, picks, abandonAt }) => {
        const c = playPicks(model, seed, picks, abandonAt).context();
        const s = scoreContext(model, c);
        expect(new Set(c.shown)).toEqual(new Set(s.stages.flatMap((st) => st.keyActions.filter((k) => k.turn !== null).map((k) => k.id))));
        expect(new Set(c.committed)).toEqual(new Set(s.stages.flatMap((st) => st.pitfalls.filter((p) => p.turns.length).map((p) => p.id))));
        const tested = stepsTested(model);
        expect(new Set(c.reached)).toEqual(new Set(c.transcript.flatMap((e) => (e.kind === 'customer' && tested.has(`${e.container}/${e.step}`) ? [`${e.container}/${e.step}`] : []))));
        for (const list of [c.shown, c.committed, c.reached]) expect(new Set(list).size).toBe(list.length);
      }),
      { numRuns: 100 },
    );
  });

  it('replays from its log to exactly the same transcript and score', () => {
    fc.assert(
      fc.property(arbitraryPlay, ({ model, seed, picks, abandonAt }) => {
        const d = playPicks(model, seed, picks, abandonAt);
        const r = replay(model, seed, d.context().log);
        expect(r.rejectedAt).toBeNull();
        expect(r.drill.context()).toEqual(d.context());
        expect(score(model, { seed, moves: d.context().log })).toEqual(score(model, { seed, moves: r.drill.context().log }));
      }),
      { numRuns: 100 },
    );
  });

  it('survives persisting and restoring at any point', () => {
    fc.assert(
      fc.property(arbitraryPlay, fc.nat(), ({ model, seed, picks }, cut) => {
        const k = picks.length ? cut % picks.length : 0;
        const whole = playPicks(model, seed, picks);
        const first = playPicks(model, seed, picks.slice(0, k));
        const resumed = restoreDrill(model, JSON.parse(JSON.stringify(first.persist())));
        for (const p of picks.slice(k)) {
          if (resumed.ended()) break;
          const moves = legalMoves(resumed);
          if (moves.length) resumed.send(moves[p % moves.length]!);
        }
        expect(resumed.context()).toEqual(whole.context());
      }),
      { numRuns: 60 },
    );
  });
});
