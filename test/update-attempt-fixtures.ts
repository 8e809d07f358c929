/**
 * Writes the attempt files in test/fixtures/attempts/ that the attempt-file, cohort and CLI tests read:
 *   npx tsx test/update-attempt-fixtures.ts
 * For each library scenario: the explorer's expert path and a losing path found by seeded random play
 * (as test/update-playthroughs.ts finds it), played by named trainees at fixed times, exported with the
 * real exporter. One losing attempt carries a coach's comments and ratings, one expert attempt the
 * trainee's free text and explain-backs. Rerun after changing a scenario on purpose.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { exportAttemptFile } from '../src/domain/attempts/attempt-file';
import { type AttemptRecord } from '../src/domain/attempts/attempt-record';
import { summarizeScore } from '../src/domain/scoring/score-summary';
import { explore } from '../src/domain/explorer/explore';
import type { Move } from '../src/domain/runtime/context';
import { replay } from '../src/domain/runtime/drill';
import { scoreContext } from '../src/domain/scoring/score';
import { statusOf } from '../src/domain/attempts/verify-attempt-file';
import { ROOT, libraryFiles, loadModel } from './support/load';
import { playPicks } from './support/random-play';

const OUT = join(ROOT, 'test/fixtures/attempts');
mkdirSync(OUT, { recursive: true });

const DAY = 86_400_000;
const MONDAY = Date.UTC(2025, 2, 3, 9, 0); // Monday 3 March 2025, 09:00 UTC
const TRAINEES = { expert: 'Li Na', losing: 'Sam Carter' } as const;

// Each scenario's attempts keep their dates when scenarios are added: the first three in this
// order, then the others by file name.
const FIRST = ['first-deal-tutorial.yaml', 'precision-erp.yaml', 'retail-saas-rollout.yaml'];
const ordered = [...libraryFiles()].sort((a, b) => {
  const [i, j] = [FIRST.indexOf(basename(a)), FIRST.indexOf(basename(b))];
  return (i < 0 ? FIRST.length : i) - (j < 0 ? FIRST.length : j) || a.localeCompare(b);
});
ordered.forEach((file, n) => {
  const model = loadModel(file);
  const source = readFileSync(join(ROOT, file), 'utf8');
  const write = (kind: keyof typeof TRAINEES, seed: number, moves: Move[], extra: Partial<AttemptRecord> = {}) => {
    const { drill, rejectedAt } = replay(model, seed, moves);
    if (rejectedAt !== null) throw new Error(`${file} ${kind}: move ${rejectedAt + 1} does not replay`);
    const createdAt = MONDAY + (2 * n + (kind === 'losing' ? 1 : 0)) * DAY;
    const times = moves.map((_, i) => createdAt + (i + 1) * 45_000);
    const record: AttemptRecord = {
      format: 'ltc-attempt',
      version: 3,
      id: `${model.id}-${kind}-0001`,
      createdAt,
      updatedAt: times[times.length - 1] ?? createdAt,
      status: statusOf(drill.context()),
      scenario: { id: model.id, version: model.version, hash: model.hash },
      trainee: TRAINEES[kind],
      seed,
      moves,
      times,
      freeText: [],
      explainBacks: [],
      score: summarizeScore(scoreContext(model, drill.context())),
      imported: null,
      coaching: null,
      retryOf: null,
      draft: null,
      ...extra,
    };
    const name = `${model.id}.${kind}.json`;
    writeFileSync(join(OUT, name), exportAttemptFile(record, { file: basename(file), source, hash: model.hash }, record.updatedAt + DAY));
    console.log(`${name}: ${moves.length} moves, ${record.score?.outcome}, score ${record.score?.overall.score}`);
  };

  const ex = explore(model).exemplar!;
  write('expert', ex.seed, ex.moves, {
    freeText: [{ turn: 2, text: 'I would open by asking what changed since they downloaded the white paper.' }],
    explainBacks: [{ stage: 'discovery', text: 'Ask before you pitch: pains, decision chain, budget cycle, payment process.', skipped: false }],
  });
  for (let seed = 1; seed < 500; seed++) {
    const picks = Array.from({ length: 80 }, (_, i) => (seed * 7919 + i * 104729) % 97);
    const d = playPicks(model, seed, picks);
    const outcome = d.context().ending?.outcome;
    if (outcome !== 'lost' && outcome !== 'stalled') continue;
    const firstPitfall = d.context().transcript.find((e) => e.kind === 'rep' && e.commits.length)?.turn ?? 1;
    write('losing', seed, d.context().log, {
      coaching:
        n === 1
          ? {
              coach: 'Chen Jie',
              feedback: 'Slow down in discovery: learn the payment process before you talk price.',
              comments: [{ turn: firstPitfall, text: 'Here you pitched before you knew their pains.', at: MONDAY + 30 * DAY }],
              ratings: [{ stage: 'discovery', rating: 2 }],
              updatedAt: MONDAY + 30 * DAY,
            }
          : null,
    });
    break;
  }
});
