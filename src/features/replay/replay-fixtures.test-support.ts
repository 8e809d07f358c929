/** Real attempts for the replay viewer's tests: the stored attempt files, and a losing run of the feature tour. */
import { attemptFixture } from '../../../test/support/attempt-files';
import { expertPlan, tour } from '../../../test/support/load';
import { compileScenario } from '../../domain/compiler/compile';
import { type AttemptRecord } from '../../domain/attempts/attempt-record';
import { newAttemptRecord, withMoves } from '../../domain/attempts/new-attempt';
import { summarizeScore } from '../../domain/scoring/score-summary';
import { verifyAttemptFile } from '../../domain/attempts/verify-attempt-file';
import { explore } from '../../domain/explorer/explore';
import type { Exemplar } from '../../domain/explorer/exemplar';
import type { Move } from '../../domain/runtime/context';
import type { ScenarioModel } from '../../domain/scenario/model';
import { score } from '../../domain/scoring/score';

/** When the tests "import" a file. */
export const IMPORTED_AT = Date.UTC(2025, 3, 2, 9, 0);

/** A stored attempt file, checked and replayed as an import would: the record to show and its model. */
export function fixtureRecord(name: string): { record: AttemptRecord; model: ScenarioModel } {
  const verified = verifyAttemptFile(attemptFixture(name), { fileName: name, compile: compileScenario, now: IMPORTED_AT });
  if (!verified.ok) throw new Error(`${name}: ${verified.error.key}`);
  return { record: verified.record, model: verified.model };
}

/** The library's expert path for a stored scenario, from its expert attempt file. */
export function fixtureExemplar(name: string): Exemplar {
  const { seed, moves } = attemptFixture(name).attempt;
  return { seed, moves };
}

export function tourExemplar(model: ScenarioModel): Exemplar {
  const found = explore(model).exemplar;
  if (!found) throw new Error('the explorer found no expert path');
  return { seed: found.seed, moves: found.moves };
}

/** A finished attempt at `model` made of `moves`, one move a minute from `start`, scored as it was recorded. */
export function playedRecord(model: ScenarioModel, seed: number, moves: Move[], extra: Partial<AttemptRecord> = {}): AttemptRecord {
  const start = Date.UTC(2025, 2, 6, 9, 0);
  let record = newAttemptRecord({ id: `${model.id}-${seed}`, scenario: model, seed, now: start });
  moves.forEach((_, i) => (record = withMoves(record, moves.slice(0, i + 1), start + (i + 1) * 60_000)));
  return { ...record, status: 'finished', updatedAt: start + moves.length * 60_000, score: summarizeScore(score(model, { seed, moves })), ...extra };
}

/** The feature tour's losing run: reads the product sheet twice (two pitfalls, a too-soon call), pushes the sale, is hung up on. */
export const TOUR_LOST_OPTIONS = ['first-contact/intro/2', 'first-contact/intro/1', 'discovery/ask/3', 'too-early/first/2', 'pushy/first/2'];

export function tourLost(extra: Partial<AttemptRecord> = {}): { model: ScenarioModel; record: AttemptRecord; exemplar: Exemplar } {
  const model = tour();
  const moves: Move[] = [{ type: 'leads.submit', plan: expertPlan(model) }, ...TOUR_LOST_OPTIONS.map((option) => ({ type: 'choose' as const, option }))];
  const record = playedRecord(model, 7, moves, {
    trainee: 'Ada <b>Lovelace</b>',
    freeText: [{ turn: 2, text: 'I would start with <i>our</i> brochure.' }],
    explainBacks: [
      { stage: 'leads', text: 'Grade the pool before you chase anyone.', skipped: false },
      { stage: 'first-contact', text: '', skipped: true },
    ],
    ...extra,
  });
  return { model, record, exemplar: tourExemplar(model) };
}
