/** fast-check generators for attempts, shared by the attempts tests. */
import fc from 'fast-check';
import { STAGES } from '../ltc/stages';
import type { Move } from '../runtime/context';
import { ATTEMPT_FORMAT, ATTEMPT_VERSION, type AttemptRecord } from './attempt-record';

const word = fc.string({ minLength: 1, maxLength: 12 });
const leadId = fc.constantFrom('lead-a', 'lead-b', 'lead-c', 'lead-d');
const band = fc.constantFrom('excellent', 'good', 'pass', 'fail', 'not-reached' as const);
const num = fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e6, max: 1e6 });

export const moveArb: fc.Arbitrary<Move> = fc.oneof(
  fc.record({
    type: fc.constant('leads.submit' as const),
    plan: fc.record({
      profile: fc.array(word, { maxLength: 4 }),
      grades: fc.dictionary(leadId, fc.constantFrom('A', 'B', 'C' as const)),
      pursue: fc.array(leadId, { maxLength: 3 }),
      record: fc.array(word, { maxLength: 3 }),
    }),
  }),
  fc.record({ type: fc.constant('choose' as const), option: word }),
  fc.record({ type: fc.constant('wait' as const), days: fc.nat(60) }),
  fc.record({ type: fc.constant('record' as const), fact: word }),
  fc.constant({ type: 'abandon' as const }),
);

export const recordArb: fc.Arbitrary<AttemptRecord> = fc
  .record(
    {
      id: fc.uuid(),
      createdAt: fc.nat(4_000_000_000_000),
      age: fc.nat(1_000_000),
      status: fc.constantFrom('in-progress', 'finished', 'abandoned' as const),
      scenario: fc.record({ id: word, version: fc.string({ maxLength: 8 }), hash: fc.stringMatching(/^[0-9a-f]{8,16}$/) }),
      seed: fc.integer(),
      trainee: fc.string({ maxLength: 20 }),
      moves: fc.array(fc.tuple(moveArb, fc.option(fc.nat(4_000_000_000_000), { nil: null })), { maxLength: 12 }),
      freeText: fc.array(fc.record({ turn: fc.nat(50), text: fc.string() }), { maxLength: 4 }),
      explainBacks: fc.array(fc.record({ stage: fc.constantFrom(...STAGES), text: fc.string(), skipped: fc.boolean() }), { maxLength: 4 }),
      score: fc.record({
        overall: fc.record({ score: num, band, passed: fc.boolean() }),
        stages: fc.array(fc.record({ stage: fc.constantFrom(...STAGES), score: num, band }), { maxLength: 7 }),
        outcome: fc.constantFrom('won', 'lost', 'stalled', 'abandoned', null),
      }),
      imported: fc.option(fc.record({ file: fc.string({ maxLength: 30 }), at: fc.nat(4_000_000_000_000) }), { nil: null }),
      coaching: fc.option(
        fc.record({
          coach: fc.string({ maxLength: 20 }),
          feedback: fc.string(),
          comments: fc.array(fc.record({ turn: fc.integer({ min: 1, max: 50 }), text: fc.string(), at: fc.nat(4_000_000_000_000) }), { maxLength: 4 }),
          ratings: fc.uniqueArray(fc.record({ stage: fc.constantFrom(...STAGES), rating: fc.integer({ min: 1, max: 5 }) }), { maxLength: 7, selector: (r) => r.stage }),
          updatedAt: fc.nat(4_000_000_000_000),
        }),
        { nil: null },
      ),
      // Placed within the moves below: a retry holds the moves it replayed, a say-first draft is for a move up to the next.
      retryOf: fc.option(fc.record({ attempt: fc.uuid().map((u) => `origin-${u}`), turn: fc.nat() }), { nil: null }),
      draft: fc.option(
        fc.oneof(
          fc.record({ kind: fc.constant('say-first' as const), turn: fc.nat(), text: fc.string({ minLength: 1, maxLength: 200 }) }),
          fc.record({ kind: fc.constant('explain-back' as const), stage: fc.constantFrom(...STAGES), text: fc.string({ minLength: 1, maxLength: 200 }) }),
        ),
        { nil: null },
      ),
    },
    { requiredKeys: ['id', 'createdAt', 'age', 'status', 'scenario', 'trainee', 'seed', 'moves', 'freeText', 'explainBacks', 'imported', 'coaching', 'retryOf', 'draft'] },
  )
  .map(({ age, moves, retryOf, draft, ...r }) => ({
    format: ATTEMPT_FORMAT,
    version: ATTEMPT_VERSION,
    ...r,
    moves: moves.map(([m]) => m),
    times: moves.map(([, t]) => t),
    updatedAt: r.createdAt + age,
    retryOf: retryOf && { attempt: retryOf.attempt, turn: 1 + (retryOf.turn % (moves.length + 1)) },
    draft: draft && (draft.kind === 'say-first' ? { ...draft, turn: draft.turn % (moves.length + 2) } : draft),
  }));
