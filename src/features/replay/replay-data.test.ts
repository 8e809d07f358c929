import { describe, expect, it } from 'vitest';
import { fixtureExemplar, fixtureRecord, tourLost } from './replay-fixtures.test-support';
import { jumpTargets, rescore, runReplay, stageEndings, stagesEndedAt, wordsByTurn } from './replay-data';

describe('re-running an attempt for the viewer', () => {
  it('reproduces a stored attempt’s recorded score and compares it with the exemplar move by move', () => {
    const { record, model } = fixtureRecord('precision-erp.losing.json');
    const run = runReplay(model, record, fixtureExemplar('precision-erp.expert.json'));
    expect(run.check.status).toBe('reproduced');
    expect(run.rerun).toEqual(record.score);
    expect(run.replay.frames).toHaveLength(record.moves.length + 1);
    expect(run.comparisons).toHaveLength(record.moves.length);
    expect(run.comparisons!.map((c) => c.index)).toEqual(record.moves.map((_, i) => i + 1));
  });

  it('flags a recorded score the re-run does not give, stage by stage', () => {
    const { record, model } = fixtureRecord('precision-erp.losing.json');
    const tampered = { ...record, score: { ...record.score!, stages: record.score!.stages.map((s) => (s.stage === 'first-contact' ? { ...s, score: 90, band: 'excellent' as const } : s)) } };
    const run = runReplay(model, tampered, null);
    expect(run.check).toEqual({ status: 'differs', differences: [{ part: 'stage', stage: 'first-contact', recorded: 90, recomputed: 0 }] });
    expect(run.comparisons).toBeNull();
  });

  it('stops at a move that does not replay', () => {
    const { record, model } = fixtureRecord('precision-erp.losing.json');
    const moves = [...record.moves.slice(0, 3), { type: 'choose' as const, option: 'collection/nowhere/1' }, ...record.moves.slice(3)];
    const run = runReplay(model, { ...record, moves, times: moves.map(() => null) }, null);
    expect(run.replay.rejectedAt).toBe(3);
    expect(run.replay.frames).toHaveLength(4);
  });
});

describe('the moves that finish a stage', () => {
  const { model, record } = tourLost();
  const frames = runReplay(model, record, null).replay.frames;

  it('are the move that leaves it, and the move that ends the drill in the last one', () => {
    expect(frames.map((f) => stagesEndedAt(frames, f.index))).toEqual([[], ['leads'], [], ['first-contact'], [], [], ['discovery']]);
    expect(stageEndings(frames)).toEqual({ leads: 1, 'first-contact': 3, discovery: 6 });
  });

  it('do not include the stage an attempt was abandoned in', () => {
    const { model: m, record: r } = tourLost();
    const moves = [...r.moves.slice(0, 2), { type: 'abandon' as const }];
    const f = runReplay(m, { ...r, moves, times: moves.map(() => null), score: undefined }, null).replay.frames;
    expect(stagesEndedAt(f, 3)).toEqual([]);
  });
});

describe('the jumps from a move', () => {
  const { model, record } = tourLost();
  const frames = runReplay(model, record, null).replay.frames;

  it('find the nearest pitfall, objection and stage on either side, or none', () => {
    expect(jumpTargets(frames, 0)).toEqual({ pitfall: { previous: null, next: 2 }, objection: { previous: null, next: 4 }, stage: { previous: null, next: 1 } });
    expect(jumpTargets(frames, 4)).toEqual({ pitfall: { previous: 2, next: null }, objection: { previous: null, next: 5 }, stage: { previous: 3, next: null } });
  });
});

describe('the trainee’s own words', () => {
  it('are found by the move of the option they led to', () => {
    expect(wordsByTurn([{ turn: 2, text: 'a' }, { turn: 5, text: 'b' }]).get(5)).toBe('b');
    expect(wordsByTurn([]).get(1)).toBeUndefined();
  });
});

describe('re-scoring against another version of the scenario', () => {
  it('scores the same log against the changed model', () => {
    const { model, record } = tourLost();
    const harder = { ...model, checklist: model.checklist.map((c) => (c.id === 'read-from-script' ? { ...c, weight: 3 } : c)) };
    const result = rescore(harder, record);
    expect(result.status).toBe('scored');
    if (result.status !== 'scored') return;
    expect(record.score!.stages.find((s) => s.stage === 'first-contact')!.score).toBe(33);
    expect(result.summary.stages.find((s) => s.stage === 'first-contact')!.score).toBe(0);
  });

  it('names the first move that is not possible there', () => {
    const { model, record } = tourLost();
    const intro = model.stages['first-contact'].steps.intro!;
    const without = { ...model, stages: { ...model.stages, 'first-contact': { ...model.stages['first-contact'], steps: { ...model.stages['first-contact'].steps, intro: { ...intro, options: intro.options.filter((o) => o.id !== 'first-contact/intro/2') } } } } };
    expect(rescore(without, record)).toEqual({ status: 'rejected', move: 2 });
  });
});
