/**
 * Writes the stored play-throughs (event log → expected transcript and scores) that
 * test/playthroughs.test.ts replays. Run after changing a scenario on purpose:
 *   npm run fixtures:playthroughs
 * For each scenario: the explorer's expert path, and a losing path found by seeded random play.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { explore } from '../src/domain/explorer/explore';
import { replay } from '../src/domain/runtime/drill';
import { score } from '../src/domain/scoring/score';
import { ROOT, libraryFiles, loadModel } from './support/load';
import { playPicks } from './support/random-play';

const OUT = join(ROOT, 'test/fixtures/playthroughs');
mkdirSync(OUT, { recursive: true });

for (const file of ['test/fixtures/scenarios/feature-tour.yaml', ...libraryFiles()]) {
  const model = loadModel(file);
  const write = (name: string, seed: number, moves: unknown[]) => {
    const result = score(model, { seed, moves: moves as never });
    const transcript = replay(model, seed, moves as never).drill.context().transcript;
    const fixture = { scenario: file, hash: model.hash, seed, moves, transcript, score: result };
    writeFileSync(join(OUT, `${model.id}.${name}.json`), JSON.stringify(fixture, null, 1) + '\n');
    console.log(`${model.id}.${name}: ${moves.length} moves, ${result.outcome?.outcome} at ${result.outcome?.stage}, score ${result.overall.score}`);
  };
  const ex = explore(model).exemplar!;
  write('expert', ex.seed, ex.moves);
  // A losing path: the first seeded random play (fixed picks) that ends lost or stalled.
  for (let seed = 1; seed < 500; seed++) {
    const picks = Array.from({ length: 80 }, (_, i) => (seed * 7919 + i * 104729) % 97);
    const d = playPicks(model, seed, picks);
    const outcome = d.context().ending?.outcome;
    if (outcome === 'lost' || outcome === 'stalled') {
      write('losing', seed, d.context().log);
      break;
    }
  }
}

