import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { libraryFiles, loadModel, tour } from '../../../test/support/load';
import { playPicks } from '../../../test/support/random-play';
import { summarizeScore } from '../scoring/score-summary';
import { replay } from '../runtime/drill';
import { score, scoreContext } from '../scoring/score';
import { replayFrames } from './frames';

const models = [tour(), ...libraryFiles().map(loadModel)];
const play = fc.record({
  model: fc.constantFrom(...models),
  seed: fc.integer(),
  picks: fc.array(fc.nat(), { maxLength: 120 }),
  abandonAt: fc.integer({ min: -1, max: 150 }),
});

describe('replay frames', () => {
  it('replay any legal log to the same transcript and scores, frame by frame', () => {
    fc.assert(
      fc.property(play, fc.nat(), ({ model, seed, picks, abandonAt }, probe) => {
        const played = playPicks(model, seed, picks, abandonAt).context();
        const moves = played.log;
        const r = replayFrames(model, seed, moves);
        expect(r.rejectedAt).toBeNull();
        expect(r.frames).toHaveLength(moves.length + 1);
        expect(r.transcript).toEqual(played.transcript);

        // The lines each frame added, in order, make up the whole transcript.
        expect(r.frames[0]!.entries.from).toBe(0);
        r.frames.forEach((f, i) => {
          expect(f.index).toBe(i);
          if (i > 0) expect(f.entries.from).toBe(r.frames[i - 1]!.entries.to);
          expect(r.transcript.slice(f.entries.from, f.entries.to).every((e) => e.turn === i)).toBe(true);
        });
        expect(r.frames[r.frames.length - 1]!.entries.to).toBe(r.transcript.length);

        // The score so far ends at the final score, and any frame's is the score of its prefix of the log.
        const final = score(model, { seed, moves });
        expect(r.score).toEqual(final);
        const last = r.frames[r.frames.length - 1]!.score;
        expect({ overall: last.overall, stages: last.stages.map((s) => s.score) }).toEqual({ overall: final.overall.score, stages: final.stages.map((s) => s.score) });
        const k = probe % r.frames.length;
        const prefix = replay(model, seed, moves.slice(0, k)).drill.context();
        expect(r.frames[k]!.context).toEqual(prefix);
        expect(summarizeScore(scoreContext(model, prefix)).stages.map((s) => s.score)).toEqual(r.frames[k]!.score.stages.map((s) => s.score));

        // Each key action is earned at the turn it was first shown, each pitfall at every turn that committed it.
        for (const st of final.stages) {
          for (const ka of st.keyActions) {
            const at = r.frames.filter((f) => f.earned.some((e) => e.stage === st.stage && e.keyActions.includes(ka.id))).map((f) => f.index);
            expect(at).toEqual(ka.turn === null ? [] : [ka.turn]);
          }
          for (const p of st.pitfalls) {
            const at = r.frames.filter((f) => f.earned.some((e) => e.stage === st.stage && e.pitfalls.includes(p.id))).map((f) => f.index);
            expect(at).toEqual([...new Set(p.turns)]);
          }
        }
        for (const f of r.frames) {
          expect(f.marks.includes('pitfall')).toBe(f.earned.some((e) => e.pitfalls.length > 0));
          expect(f.marks.includes('stage')).toBe(f.index > 0 && r.transcript.slice(f.entries.from, f.entries.to).some((e) => e.kind === 'stage'));
        }
      }),
      { numRuns: 80 },
    );
  });
});
