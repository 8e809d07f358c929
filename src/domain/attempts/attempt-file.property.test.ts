import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileScenario } from '../compiler/compile';
import { libraryFiles, loadModel, tour } from '../../../test/support/load';
import { playPicks } from '../../../test/support/random-play';
import { attemptFixtureText, scenarioSource } from '../../../test/support/attempt-files';
import { scoreContext } from '../scoring/score';
import { attemptFromFile, exportAttemptFile, readAttemptFile } from './attempt-file';
import { type AttemptRecord } from './attempt-record';
import { summarizeScore } from '../scoring/score-summary';
import { recordArb } from './attempt-arbitrary.test-support';
import { memoizeCompile, statusOf, verifyAttemptFile } from './verify-attempt-file';

const scenarios = ['test/fixtures/scenarios/feature-tour.yaml', ...libraryFiles()].map((file) => ({
  file,
  source: scenarioSource(file),
  model: file.includes('feature-tour') ? tour() : loadModel(file),
}));
const compile = memoizeCompile(compileScenario);

describe('export then import', () => {
  it('gives back the same attempt record, for any record', () => {
    fc.assert(
      fc.property(recordArb, fc.string(), fc.nat(), (record, source, exportedAt) => {
        const text = exportAttemptFile(record, { file: 'any.yaml', source: source || 'x', hash: record.scenario.hash }, exportedAt);
        const read = readAttemptFile(text, 'any.json');
        if (!read.ok) throw new Error(`${read.error.key} ${JSON.stringify(read.error.args)}`);
        // JSON has no -0 (the generator makes some scores -0; real scores never are).
        expect(attemptFromFile(read.file, record.imported)).toEqual(JSON.parse(JSON.stringify(record)));
        expect(read.file.exportedAt).toBe(exportedAt);
      }),
      { numRuns: 200 },
    );
  });

  it('gives back the same attempt, replaying to the same scores, for any legal play', () => {
    const play = fc.record({
      scenario: fc.constantFrom(...scenarios),
      seed: fc.integer(),
      picks: fc.array(fc.nat(), { maxLength: 100 }),
      abandonAt: fc.integer({ min: -1, max: 120 }),
      createdAt: fc.integer({ min: 0, max: 4_000_000_000_000 }),
      trainee: fc.string({ maxLength: 30 }),
      retryAt: fc.option(fc.nat(), { nil: null }),
      draft: fc.option(fc.string({ minLength: 1, maxLength: 2_000 }), { nil: null }),
    });
    fc.assert(
      fc.property(play, ({ scenario, seed, picks, abandonAt, createdAt, trainee, retryAt, draft }) => {
        const drill = playPicks(scenario.model, seed, picks, abandonAt);
        const ctx = drill.context();
        const record: AttemptRecord = {
          format: 'ltc-attempt',
          version: 3,
          id: `attempt-${seed}`,
          createdAt,
          updatedAt: createdAt + ctx.log.length,
          status: statusOf(ctx),
          scenario: { id: scenario.model.id, version: scenario.model.version, hash: scenario.model.hash },
          trainee,
          seed,
          moves: ctx.log,
          times: ctx.log.map((_, i) => (i % 5 === 4 ? null : createdAt + i)),
          freeText: [],
          explainBacks: [],
          ...(ctx.ending ? { score: summarizeScore(scoreContext(scenario.model, ctx)) } : {}),
          imported: null,
          coaching: null,
          // A retry from a move of another attempt, and the say-first words for the next move not yet submitted.
          retryOf: retryAt === null ? null : { attempt: `origin-${seed}`, turn: 1 + (retryAt % (ctx.log.length + 1)) },
          draft: draft === null || ctx.ending ? null : { kind: 'say-first', turn: ctx.log.length + 1, text: draft },
        };
        const text = exportAttemptFile(record, { file: scenario.file, source: scenario.source, hash: scenario.model.hash }, 1);
        const read = readAttemptFile(new TextEncoder().encode(text), 'play.json');
        if (!read.ok) throw new Error(read.error.key);
        const verified = verifyAttemptFile(read.file, { fileName: 'play.json', compile, now: 7 });
        if (!verified.ok) throw new Error(`${verified.error.key} ${JSON.stringify(verified.error.args)}`);
        expect(verified.record).toEqual({ ...record, imported: { file: 'play.json', at: 7 } });
        expect(verified.context).toEqual(ctx);
        expect(verified.flags).toEqual([]);
        expect(verified.scoreCheck.status).toBe(ctx.ending ? 'reproduced' : 'not-recorded');
      }),
      { numRuns: 80 },
    );
  });
});

describe('reading never throws', () => {
  it('on arbitrary text or bytes', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary' }), (s) => void readAttemptFile(s, 'x.json')), { numRuns: 500 });
    fc.assert(fc.property(fc.uint8Array({ maxLength: 300 }), (b) => void readAttemptFile(b, 'x.json')), { numRuns: 500 });
    fc.assert(fc.property(fc.jsonValue(), (v) => {
      expect(readAttemptFile(JSON.stringify(v), 'x.json').ok).toBe(false);
    }), { numRuns: 300 });
  });

  it('on a real file damaged anywhere', () => {
    const text = attemptFixtureText('precision-erp.losing.json').slice(0, 4_000) + attemptFixtureText('precision-erp.losing.json').slice(-3_000);
    const damage = fc.tuple(fc.nat(text.length), fc.nat(40), fc.string({ maxLength: 6 }));
    fc.assert(
      fc.property(damage, ([at, cut, insert]) => {
        const result = readAttemptFile(text.slice(0, at) + insert + text.slice(at + cut), 'damaged.json');
        if (!result.ok) expect(result.error.args.file).toBe('damaged.json');
      }),
      { numRuns: 500 },
    );
  });
});
