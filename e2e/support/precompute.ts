/**
 * Run with tsx before the suite (see global-setup.ts): compiles every bundled scenario, runs the
 * explorer, and writes what the specs need (expert path, texts in both languages) as JSON.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { exportAttemptFile } from '../../src/domain/attempts/attempt-file';
import { finishedRecord, newAttemptRecord } from '../../src/domain/attempts/new-attempt';
import { recordExplainBack, recordMoves, recordWords } from '../../src/domain/attempts/reflection';
import { scoreContext } from '../../src/domain/scoring/score';
import { HOSTILE_TEXT } from './hostile';
import { explore } from '../../src/domain/explorer/explore';
import { findOption } from '../../src/domain/scenario/model';
import { pickText, LOCALES, type LocalizedText } from '../../src/domain/text/localized-text';
import { replay } from '../../src/domain/runtime/drill';
import { libraryFiles, loadModel } from '../../test/support/load';
import type { ScenarioData } from './types';

const out = process.argv[2];
if (!out) throw new Error('usage: precompute.ts <out.json>');

const both = (t: LocalizedText | undefined) =>
  Object.fromEntries(LOCALES.map((l) => [l, pickText(t, l).text])) as ScenarioData['title'];

const data: ScenarioData[] = libraryFiles().map((file) => {
  const model = loadModel(file);
  const report = explore(model);
  const ex = report.exemplar;
  if (!ex) throw new Error(`${file}: the explorer found no exemplar path`);
  const { drill } = replay(model, ex.seed, ex.moves);
  const ending = drill.context().ending;
  const options: ScenarioData['options'] = {};
  for (const m of ex.moves) {
    if (m.type !== 'choose') continue;
    const o = findOption(model, m.option);
    if (!o) throw new Error(`${file}: unknown option ${m.option}`);
    options[m.option] = both(o.rep);
  }
  const leads = model.leads;
  return {
    file,
    id: model.id,
    title: both(model.title),
    seed: ex.seed,
    moves: ex.moves,
    exemplarOutcome: ending?.outcome ?? null,
    options,
    facts: Object.fromEntries(Object.values(model.customer.facts).map((f) => [f.id, both(f.label)])),
    customerName: both(model.customer.name),
    leads: {
      criteria: leads.criteria.map((c) => ({ id: c.id, label: both(c.label), ideal: leads.idealProfile.includes(c.id) })),
      fields: leads.fields.map((c) => ({ id: c.id, label: both(c.label), ideal: leads.idealRecord.includes(c.id) })),
      pool: leads.pool.map((l) => ({ id: l.id, company: both(l.company), grade: l.grade, customer: l.id === leads.customerLead })),
    },
  };
});

mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, JSON.stringify(data, null, 2));
console.log(`e2e: wrote ${data.length} scenarios to ${out}`);

// The hostile attempt (e2e/inert-text.spec.ts): the hostile scenario fixture played along the
// tutorial's expert path by a trainee whose name and words are markup, formulas and bidi controls.
const HOSTILE_FILE = 'test/fixtures/hostile/hostile-scenario.yaml';
const tutorial = data.find((d) => d.file === 'scenarios/first-deal-tutorial.yaml')!;
const hostileModel = loadModel(HOSTILE_FILE);
const played = replay(hostileModel, tutorial.seed, tutorial.moves);
if (played.rejectedAt !== null) throw new Error(`${HOSTILE_FILE}: the tutorial's expert path does not replay on it`);
let hostile = recordMoves(
  newAttemptRecord({ id: 'hostile-attempt', scenario: hostileModel, seed: tutorial.seed, now: 1_760_000_000_000, trainee: HOSTILE_TEXT.trainee }),
  played.drill.context().log,
  1_760_000_100_000,
);
hostile = recordExplainBack(hostile, 'leads', HOSTILE_TEXT.explainBack, false);
hostile = recordWords(hostile, 2, HOSTILE_TEXT.words);
hostile = finishedRecord(hostile, scoreContext(hostileModel, played.drill.context()));
writeFileSync(join(dirname(out), 'hostile-attempt.json'), exportAttemptFile(hostile, { file: 'hostile-scenario.yaml', source: readFileSync(HOSTILE_FILE, 'utf8'), hash: hostileModel.hash }, 1_760_000_200_000));
console.log(`e2e: wrote the hostile attempt file`);
