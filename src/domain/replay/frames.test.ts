import { describe, expect, it } from 'vitest';
import { attemptFixture } from '../../../test/support/attempt-files';
import { loadModel } from '../../../test/support/load';
import { findOption } from '../scenario/model';
import { replay } from '../runtime/drill';
import { scoreContext } from '../scoring/score';
import { summarizeScore } from '../scoring/score-summary';
import { checkScores } from './determinism';
import { compareWithExemplar, decisionPoint, exemplarChoices, pointOfOption } from './exemplar';
import { findMark, replayFrames } from './frames';

const erp = loadModel('scenarios/precision-erp.yaml');
const losing = attemptFixture('precision-erp.losing.json').attempt;
const expert = attemptFixture('precision-erp.expert.json').attempt;
const exemplar = { seed: expert.seed, moves: expert.moves };

describe('the frames of a replayed attempt', () => {
  const r = replayFrames(erp, losing.seed, losing.moves, losing.times);

  it('start before any move, in stage 1, scoring nothing yet', () => {
    const f = r.frames[0]!;
    expect(f).toMatchObject({ index: 0, move: null, time: null, at: null, position: { phase: 'leads' }, stage: 'leads', day: 0, earned: [], marks: [] });
    expect(f.score.overall).toBe(0);
    expect(f.score.stages.every((s) => !s.reached && s.band === 'not-reached')).toBe(true);
    expect(f.meters).toEqual(erp.customer.start);
  });

  it('hold each move with its time, where it was made, and the lines it added', () => {
    const f = r.frames[2]!;
    expect(f.move).toEqual({ type: 'choose', option: 'first-contact/opening/3' });
    expect(f.time).toBe(losing.times[1]);
    expect(f.at).toEqual({ phase: 'stage', stage: 'first-contact', step: 'opening' });
    expect(r.transcript.slice(f.entries.from, f.entries.to).map((e) => e.kind)).toEqual(['rep', 'reply', 'customer']);
    expect(f.earned).toEqual([{ stage: 'first-contact', keyActions: [], pitfalls: ['no-tailoring'] }]);
    expect(f.marks).toEqual(['pitfall']);
  });

  it('keep the score so far, move by move', () => {
    const best = replayFrames(erp, expert.seed, expert.moves);
    const firstContact = best.frames.map((f) => f.score.stages[1]!);
    expect(firstContact[0]).toMatchObject({ reached: false, score: 0 });
    expect(firstContact[1]).toMatchObject({ reached: true, score: 0 });
    expect(firstContact.map((s) => s.score).slice(1, 5)).toEqual([0, 33, 67, 100]);
    expect(best.frames.map((f) => f.score.overall)).toEqual([...best.frames.map((f) => f.score.overall)].sort((a, b) => a - b));
    expect(best.frames[best.frames.length - 1]!.score.overall).toBe(expert.score!.overall.score);
    // A pitfall takes back what a key action earned: shown 1 of 3, committed 1.
    expect(r.frames[3]!.score.stages[1]!.score).toBe(0);
    expect(r.frames[r.frames.length - 1]!.score.overall).toBe(losing.score!.overall.score);
  });

  it('mark the moments to jump to: pitfalls, stages, the end', () => {
    expect(findMark(r.frames, 0, 'pitfall')).toBe(2);
    expect(findMark(r.frames, 2, 'pitfall')).toBe(4);
    expect(findMark(r.frames, 4, 'pitfall')).toBeNull();
    expect(findMark(r.frames, 8, 'pitfall', -1)).toBe(4);
    expect(findMark(r.frames, 0, 'stage')).toBe(1);
    expect(findMark(r.frames, 0, 'key-action')).toBe(1);
    expect(findMark(r.frames, 0, 'end')).toBe(8);
    expect(findMark(r.frames, 0, 'cadence')).toBe(8);
  });

  it('jump to objections and surprises in a longer attempt', () => {
    const retail = attemptFixture('retail-saas-rollout.losing.json').attempt;
    const frames = replayFrames(loadModel('scenarios/retail-saas-rollout.yaml'), retail.seed, retail.moves).frames;
    const objection = findMark(frames, 0, 'objection');
    expect(objection).not.toBeNull();
    expect(frames[objection!]!.context.raised.length).toBeGreaterThan(frames[objection! - 1]!.context.raised.length);
  });

  it('share the drill’s immutable state instead of copying it', () => {
    expect(r.frames[3]!.meters).toBe(r.frames[3]!.context.meters);
    expect(r.frames[6]!.revealed).toBe(r.frames[5]!.revealed); // a wait reveals nothing: the same array
  });

  it('stop before a move that does not replay, and say which', () => {
    const moves = [...losing.moves.slice(0, 3), { type: 'choose' as const, option: 'collection/nowhere/1' }, ...losing.moves.slice(3)];
    const bad = replayFrames(erp, losing.seed, moves);
    expect(bad.rejectedAt).toBe(3);
    expect(bad.frames).toHaveLength(4);
  });
});

describe('the replay promise', () => {
  const final = scoreContext(erp, replay(erp, losing.seed, losing.moves).drill.context());
  it('holds when the recorded score is what the re-run gives', () => {
    expect(checkScores(losing.score, summarizeScore(final))).toEqual({ status: 'reproduced', differences: [] });
    expect(checkScores(null, summarizeScore(final)).status).toBe('not-recorded');
  });

  it('is broken, and says where, when any part differs', () => {
    const recorded = structuredClone(losing.score!);
    recorded.stages[1]!.score += 10;
    recorded.outcome = 'won';
    recorded.overall.passed = true;
    expect(checkScores(recorded, summarizeScore(final))).toEqual({
      status: 'differs',
      differences: [
        { part: 'passed', recorded: true, recomputed: false },
        { part: 'outcome', recorded: 'won', recomputed: 'stalled' },
        { part: 'stage', stage: 'first-contact', recorded: final.stages[1]!.score + 10, recomputed: final.stages[1]!.score },
      ],
    });
    expect(checkScores({ ...losing.score!, stages: losing.score!.stages.slice(1) }, summarizeScore(final)).differences).toEqual([
      { part: 'stage', stage: 'leads', recorded: null, recomputed: final.stages[0]!.score },
    ]);
  });
});

describe('beside the exemplar', () => {
  it('the exemplar agrees with itself at every decision', () => {
    const r = replayFrames(erp, expert.seed, expert.moves);
    const comparisons = compareWithExemplar(erp, r, exemplar);
    expect(comparisons).toHaveLength(expert.moves.length);
    for (const c of comparisons) {
      const move = expert.moves[c.index - 1]!;
      expect(c.status).toBe(move.type === 'choose' || move.type === 'leads.submit' ? 'same' : 'not-a-choice');
      expect(c.alternative).toBeNull();
    }
  });

  it('shows where the trainee left it, the expert’s option there, and what it would have earned', () => {
    const r = replayFrames(erp, losing.seed, losing.moves);
    const comparisons = compareWithExemplar(erp, r, exemplar);
    const opening = comparisons[1]!;
    expect(opening.point).toEqual({ kind: 'stage', key: 'first-contact/opening', container: 'first-contact', step: 'opening' });
    expect(opening.status).toBe('left');
    const option = opening.exemplar?.kind === 'option' ? opening.exemplar.option : undefined;
    expect(option?.id).toBe(exemplarChoices(exemplar).get('first-contact/opening'));
    expect(option).toEqual(findOption(erp, option!.id));

    // What it would have earned: the expert's move played from the trainee's position, checked with the public drill API.
    const alt = replay(erp, losing.seed, [...losing.moves.slice(0, 1), { type: 'choose', option: option!.id }]).drill.context();
    const altScore = scoreContext(erp, alt);
    expect(opening.alternative).toEqual({
      offered: true,
      stage: 'first-contact',
      earned: altScore.stages.filter((s) => s.stage === 'first-contact').map((s) => ({ stage: s.stage, keyActions: s.keyActions.filter((k) => k.turn === 2).map((k) => k.id), pitfalls: [] })),
      score: { overall: altScore.overall.score, stage: altScore.stages[1]!.score },
      trainee: { overall: r.frames[2]!.score.overall, stage: r.frames[2]!.score.stages[1]!.score },
    });
    expect(opening.alternative!.earned[0]!.keyActions).toEqual(option!.shows);
    expect(comparisons.filter((c) => c.status === 'not-a-choice').map((c) => c.index)).toEqual([5, 6]); // the waits
  });

  it('says when the exemplar never decides at a point, and when its option is not offered there', () => {
    const retail = loadModel('scenarios/retail-saas-rollout.yaml');
    const trainee = attemptFixture('retail-saas-rollout.losing.json').attempt;
    const best = attemptFixture('retail-saas-rollout.expert.json').attempt;
    const comparisons = compareWithExemplar(retail, replayFrames(retail, trainee.seed, trainee.moves), { seed: best.seed, moves: best.moves });
    const choices = exemplarChoices({ seed: best.seed, moves: best.moves });
    for (const c of comparisons) {
      if (c.status === 'not-on-path') expect(choices.has(c.point!.key)).toBe(false);
      if (c.status === 'left' && !c.alternative!.offered) expect(c.alternative!.score).toBeNull();
    }
    expect(comparisons.some((c) => c.status === 'not-on-path')).toBe(true);
  });

  it('names decision points the way option ids do', () => {
    expect(pointOfOption('price-too-high/first/2')).toBe('price-too-high/first');
    expect(decisionPoint({ phase: 'objection', objection: 'price-too-high', step: 'first' })).toEqual({ kind: 'objection', key: 'price-too-high/first', container: 'price-too-high', step: 'first' });
    expect(decisionPoint({ phase: 'ended', ending: { outcome: 'won', stage: 'collection' } })).toBeNull();
  });
});
