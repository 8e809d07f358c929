/**
 * Stored play-throughs: an event log recorded once, with the transcript and scores it produced.
 * Replaying it must give exactly the same, so the engine's promise of determinism is kept across
 * changes. A scenario edited on purpose needs its fixtures rewritten: npm run fixtures:playthroughs.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { replayActor } from '../src/domain/runtime/actor';
import { replay } from '../src/domain/runtime/drill';
import { score } from '../src/domain/scoring/score';
import { ROOT, loadModel } from './support/load';

const dir = join(ROOT, 'test/fixtures/playthroughs');
const files = readdirSync(dir).filter((f) => f.endsWith('.json')).sort();

describe.each(files)('%s', (name) => {
  const fixture = JSON.parse(readFileSync(join(dir, name), 'utf8'));
  const model = loadModel(fixture.scenario);

  it('was recorded against this version of the scenario', () => {
    expect(model.hash, `${fixture.scenario} changed since ${name} was recorded: run npm run fixtures:playthroughs and review the diff`).toBe(fixture.hash);
  });

  it('replays to the same transcript and the same scores', () => {
    const r = replay(model, fixture.seed, fixture.moves);
    expect(r.rejectedAt).toBeNull();
    expect(r.drill.context().transcript).toEqual(fixture.transcript);
    expect(score(model, { seed: fixture.seed, moves: fixture.moves })).toEqual(fixture.score);
  });

  it('plays the same in the browser\'s XState actor', () => {
    const actor = replayActor(model, fixture.seed, fixture.moves);
    expect(actor).not.toBeNull();
    expect(actor!.getSnapshot().context).toEqual(replay(model, fixture.seed, fixture.moves).drill.context());
    actor!.stop();
  });
});

it('there is an expert and a losing play-through for every library scenario', () => {
  const ids = readdirSync(join(ROOT, 'scenarios')).filter((f) => f.endsWith('.yaml')).map((f) => f.replace('.yaml', ''));
  for (const id of ids) expect(files).toEqual(expect.arrayContaining([`${id}.expert.json`, `${id}.losing.json`]));
});
