import { describe, expect, it, vi } from 'vitest';
import { compileScenario } from '../compiler/compile';
import { attemptFixture, attemptFixtureNames } from '../../../test/support/attempt-files';
import { attemptFromFile, type AttemptFile } from './attempt-file';
import { memoizeCompile, verifyAttemptFile, type AttemptVerification } from './verify-attempt-file';

const NOW = Date.UTC(2025, 3, 1);
const verify = (file: AttemptFile, fileName = 'from-li-na.json') => verifyAttemptFile(file, { fileName, compile: compileScenario, now: NOW });
const refusal = (result: AttemptVerification) => {
  expect(result.ok).toBe(false);
  expect(result).not.toHaveProperty('record');
  if (result.ok) throw new Error('unreachable');
  return result.error;
};

describe('verifying an attempt file against its own scenario', () => {
  it.each(attemptFixtureNames())('%s replays to the scores it recorded', (name) => {
    const file = attemptFixture(name);
    const result = verify(file, name);
    if (!result.ok) throw new Error(`${result.error.key} ${JSON.stringify(result.error.args)}`);
    expect(result.record).toEqual(attemptFromFile(file, { file: name, at: NOW }));
    expect(result.scoreCheck).toEqual({ status: 'reproduced', differences: [] });
    expect(result.flags).toEqual([]);
    expect(result.model.hash).toBe(file.scenario.hash);
    expect(result.score.overall.score).toBe(file.attempt.score!.overall.score);
    expect(result.context.log).toEqual(file.attempt.moves);
  });

  it('refuses a scenario that does not compile, with the first error', () => {
    const file = attemptFixture('first-deal-tutorial.expert.json');
    file.scenario.source = file.scenario.source.replace(/^difficulty: .*$/m, 'difficulty: legendary');
    const error = refusal(verify(file));
    expect(error).toMatchObject({ key: 'attemptFile.verify.does-not-compile', args: { file: 'from-li-na.json', scenario: 'first-deal-tutorial.yaml', code: 'SC011' } });
    expect(error.args.line).toBeGreaterThan(1);
  });

  it('refuses a scenario that is not the one declared', () => {
    const changed = attemptFixture('first-deal-tutorial.expert.json');
    changed.scenario.source += '\n# edited after the attempt\n';
    expect(refusal(verify(changed))).toMatchObject({ key: 'attemptFile.verify.hash-mismatch', args: { declared: changed.scenario.hash } });
    const renamed = attemptFixture('first-deal-tutorial.expert.json');
    renamed.scenario.id = 'precision-erp';
    expect(refusal(verify(renamed))).toMatchObject({ key: 'attemptFile.verify.id-mismatch', args: { declared: 'precision-erp', actual: 'first-deal-tutorial' } });
    const versioned = attemptFixture('first-deal-tutorial.expert.json');
    versioned.scenario.version = '9.9.9';
    expect(refusal(verify(versioned))).toMatchObject({ key: 'attemptFile.verify.version-mismatch', args: { declared: '9.9.9', actual: '1.1.0' } });
  });

  it('refuses an event log that does not replay, naming the move', () => {
    const file = attemptFixture('precision-erp.expert.json');
    file.attempt.moves[5] = { type: 'choose', option: 'negotiation/final-offer/1' };
    expect(refusal(verify(file))).toMatchObject({ key: 'attemptFile.verify.not-replayable', args: { move: 6, moves: file.attempt.moves.length } });
    const extra = attemptFixture('precision-erp.losing.json');
    extra.attempt.moves.push({ type: 'wait', days: 1 });
    extra.attempt.times.push(null);
    expect(refusal(verify(extra))).toMatchObject({ key: 'attemptFile.verify.not-replayable', args: { move: extra.attempt.moves.length } });
  });

  it('flags recorded scores that the replay does not reproduce, instead of accepting them silently', () => {
    const file = attemptFixture('retail-saas-rollout.losing.json');
    file.attempt.score!.overall.score = 99;
    file.attempt.score!.stages[2]!.score = 100;
    const result = verify(file);
    if (!result.ok) throw new Error(result.error.key);
    expect(result.flags).toEqual([{ key: 'attemptFile.verify.score-differs', args: { file: 'from-li-na.json', differences: 2 } }]);
    expect(result.scoreCheck).toMatchObject({
      status: 'differs',
      differences: [{ part: 'overall', recorded: 99 }, { part: 'stage', stage: 'discovery', recorded: 100 }],
    });
    expect(result.score.overall.score).not.toBe(99);
  });

  it('flags a status the replay contradicts, and a finished attempt without scores', () => {
    const file = attemptFixture('first-deal-tutorial.losing.json');
    file.attempt.status = 'in-progress';
    file.attempt.score = null;
    const result = verify(file);
    if (!result.ok) throw new Error(result.error.key);
    expect(result.flags.map((f) => f.key)).toEqual(['attemptFile.verify.status-differs', 'attemptFile.verify.score-not-recorded']);
    expect(result.flags[0]!.args).toMatchObject({ recorded: 'in-progress', replayed: 'finished' });
  });

  it('accepts an attempt still in progress', () => {
    const file = attemptFixture('first-deal-tutorial.expert.json');
    file.attempt.moves = file.attempt.moves.slice(0, 5);
    file.attempt.times = file.attempt.times.slice(0, 5);
    file.attempt.status = 'in-progress';
    file.attempt.score = null;
    const result = verify(file);
    expect(result.ok && result.flags).toEqual([]);
    expect(result.ok && result.scoreCheck.status).toBe('not-recorded');
  });
});

describe('compiling once per scenario', () => {
  it('compiles each distinct source once and returns the same model', () => {
    const compile = vi.fn(compileScenario);
    const cached = memoizeCompile(compile, 2);
    const [a, b, c] = ['first-deal-tutorial.expert.json', 'precision-erp.expert.json', 'retail-saas-rollout.expert.json'].map((n) => attemptFixture(n).scenario);
    const first = cached(a!.source, a!.file);
    expect(cached(a!.source, 'other-name.yaml')).toBe(first);
    expect(cached(attemptFixture('first-deal-tutorial.losing.json').scenario.source, a!.file).model).toBe(first.model);
    expect(compile).toHaveBeenCalledTimes(1);
    cached(b!.source, b!.file);
    cached(a!.source, a!.file); // a is now the most recent
    cached(c!.source, c!.file); // evicts b
    cached(a!.source, a!.file);
    expect(compile).toHaveBeenCalledTimes(3);
    cached(b!.source, b!.file);
    expect(compile).toHaveBeenCalledTimes(4);
  });
});
