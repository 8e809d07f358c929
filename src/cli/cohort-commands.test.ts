import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { ATTEMPTS_DIR, attemptFixture } from '../../test/support/attempt-files';
import { exportAttemptFile } from '../domain/attempts/attempt-file';
import { newAttemptRecord } from '../domain/attempts/new-attempt';
import { compileScenario } from '../domain/compiler/compile';
import { runCohortCli } from './cohort-commands';

const run = (...argv: string[]) => {
  const out: string[] = [];
  const err: string[] = [];
  const code = runCohortCli(argv, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out: out.join('\n'), err: err.join('\n') };
};
const NO_STACK = /\n\s+at /;

/** A lead's folder: two good attempt files, one truncated, one not an attempt, and a note that is not JSON. */
function cohortFolder(): string {
  const dir = mkdtempSync(join(tmpdir(), 'cohort-cli-'));
  copyFileSync(join(ATTEMPTS_DIR, 'first-deal-tutorial.expert.json'), join(dir, 'li-na.json'));
  copyFileSync(join(ATTEMPTS_DIR, 'first-deal-tutorial.losing.json'), join(dir, 'sam.json'));
  const text = readFileSync(join(ATTEMPTS_DIR, 'precision-erp.losing.json'), 'utf8');
  writeFileSync(join(dir, 'cut-off.json'), text.slice(0, text.length / 2));
  writeFileSync(join(dir, 'list.json'), '[1, 2, 3]');
  writeFileSync(join(dir, 'notes.txt'), 'not read: only *.json files are');
  return dir;
}

describe('npm run cohort -- report', () => {
  it('reports the good files, names each refused file with its reason, and exits 1', () => {
    const dir = cohortFolder();
    const r = run('report', dir, '--no-decisions');
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/^refused .*cut-off\.json: .*cut-off\.json ends too early: it was cut off while being copied/m);
    expect(r.err).toMatch(/^refused .*list\.json: .*list\.json holds a JSON list or a single value, not an attempt\./m);
    expect(r.err).not.toContain('notes.txt');
    expect(r.err).toMatch(/4 file\(s\) read: 2 attempt\(s\) reported, 2 refused\./);
    expect(r.out).toContain('2 attempt(s) by 2 trainee(s); scenarios: first-deal-tutorial 1.1.0 (2).');
    expect(r.out).toMatch(/^\| Li Na \| 1 \| first \| first-deal-tutorial-expert-0001 \| 2025-03-03 \| 100 \| won \| 100 \| 100 \| 100 \| 100 \| 100 \| 100 \| 100 \|$/m);
    expect(r.out).toMatch(/^\| won \| Won \(cash collected\) \| 1 \| 50% \|$/m);
    expect(r.err + r.out).not.toMatch(NO_STACK);
  });

  it('exits 0 when every file is read, and takes files as well as folders', () => {
    const r = run('report', join(ATTEMPTS_DIR, 'precision-erp.expert.json'), join(ATTEMPTS_DIR, 'precision-erp.losing.json'), '--no-decisions');
    expect(r.code).toBe(0);
    expect(r.out).toContain('| Sam Carter | 1 | first | precision-erp-losing-0001 |');
  });

  it('prints each table as a titled CSV block that Papa Parse reads', () => {
    const r = run('report', ATTEMPTS_DIR, '--format', 'csv', '--no-decisions');
    expect(r.code).toBe(0);
    const blocks = r.out.split(/\r?\n\r?\n(?=# )/);
    expect(blocks.map((b) => b.split(/\r?\n/)[0])).toEqual(['# heat-map', '# funnel', '# pitfalls', '# missed-key-actions', '# indicators', '# trends-by-week', '# trends-by-month', '# lead-plans', '# decisions']);
    const funnel = Papa.parse<string[]>(blocks[1]!.split(/\r?\n/).slice(1).join('\n'), { skipEmptyLines: true }).data;
    expect(funnel[0]).toEqual(['step', 'label', 'attempts', 'share']);
    expect(funnel.slice(1).map((row) => row[2])).toEqual(['12', '12', '11', '11', '10', '7', '6', '6']);
    expect(funnel[1]).toEqual(['leads', 'Lead acquisition', '12', '1']);
  });

  it('prints the report object as JSON, filtered', () => {
    const r = run('report', ATTEMPTS_DIR, '--format', 'json', '--no-decisions', '--trainee', 'Sam Carter', '--from', '2025-03-05', '--to', '2025-03-08');
    expect(r.code).toBe(0);
    const report = JSON.parse(r.out);
    expect(report.trainees).toEqual(['Sam Carter']);
    expect(report.attempts).toBe(2); // precision-erp on 6 March, retail on 8 March; not the tutorial on 4 March
    expect(report.filters).toEqual({ scenario: null, trainees: ['Sam Carter'], from: Date.UTC(2025, 2, 5), to: Date.UTC(2025, 2, 9) - 1, utcOffsetMinutes: 0 });
    expect(JSON.parse(run('report', ATTEMPTS_DIR, '--format', 'json', '--no-decisions', '--scenario', 'precision-erp').out).attempts).toBe(2);
  });

  it('splits the decisions against the exemplar, computed from the scenario inside the files', () => {
    const r = run('report', join(ATTEMPTS_DIR, 'first-deal-tutorial.expert.json'), join(ATTEMPTS_DIR, 'first-deal-tutorial.losing.json'), '--format', 'json');
    expect(r.code).toBe(0);
    expect(r.err).toContain('Finding the expert path of first-deal-tutorial 1.1.0');
    const split = JSON.parse(r.out).decisions.find((d: { point: string }) => d.point === 'first-contact/prepare');
    expect(split).toMatchObject({ total: 2, matching: 1, exemplar: 'first-contact/prepare/do-homework' });
  });

  it('warns about a file whose recorded scores the replay does not reproduce, and still reports it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cohort-cli-'));
    const file = attemptFixture('precision-erp.losing.json');
    file.attempt.score!.overall.score = 95;
    writeFileSync(join(dir, 'edited.json'), JSON.stringify(file));
    const r = run('report', dir, '--no-decisions');
    expect(r.code).toBe(0);
    expect(r.err).toMatch(/^warning .*edited\.json: Replaying .*edited\.json does not give the scores it recorded \(1 difference\(s\)\)/m);
    expect(r.out).toContain('| Sam Carter | 1 | first | precision-erp-losing-0001 | 2025-03-06 | 14 |');
  });

  it('names hostile files without printing their control characters or a stack trace', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cohort-cli-'));
    const file = attemptFixture('first-deal-tutorial.losing.json');
    file.attempt.trainee = 'Evil\u001b[2J\u001b]0;pwned\u0007 <b>Sam</b>';
    writeFileSync(join(dir, 'evil.json'), JSON.stringify(file));
    writeFileSync(join(dir, 'deep.json'), '['.repeat(100_000) + ']'.repeat(100_000));
    writeFileSync(join(dir, 'proto.json'), '{"format":"ltc-attempt-file","__proto__":{"polluted":1}}');
    writeFileSync(join(dir, 'binary.json'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0xff, 0x00]));
    writeFileSync(join(dir, 'big.json'), Buffer.alloc(40 * 1024 * 1024, 0x20));
    const r = run('report', dir, '--no-decisions');
    expect(r.code).toBe(1);
    expect(r.err.split('\n').filter((l) => l.startsWith('refused')).map((l) => l.replace(/^refused .*\/(\w+\.json):.*$/, '$1'))).toEqual(['big.json', 'binary.json', 'deep.json', 'proto.json']);
    expect(r.err).toMatch(/big\.json is too large to be an attempt file \(40\.0 MB; the limit is 8\.0 MB\)/);
    expect(r.out).toContain('| Evil?[2J?]0;pwned? <b>Sam</b> |');
    // eslint-disable-next-line no-control-regex -- the point: no control characters reach the terminal
    expect(r.out + r.err).not.toMatch(/[\u0000-\u0008\u001b\u007f]/);
    expect(r.err + r.out).not.toMatch(NO_STACK);
  });

  it('exits 2 on a usage error or a missing folder, without a stack trace', () => {
    for (const r of [run(), run('frobnicate'), run('report'), run('report', 'no/such/folder'), run('report', ATTEMPTS_DIR, '--format', 'xlsx'), run('report', ATTEMPTS_DIR, '--from', '2025-02-30'), run('report', ATTEMPTS_DIR, '--wat'), run('replay'), run('replay', 'a.json', 'b.json'), run('replay', 'no/such.json')]) {
      expect(r.code).toBe(2);
      expect(r.err + r.out).not.toMatch(NO_STACK);
    }
    expect(run('help').code).toBe(0);
  });
});

describe('npm run cohort -- replay', () => {
  it('prints the transcript with what each move earned, the score so far, the coach’s comments and the stage scores', () => {
    const r = run('replay', join(ATTEMPTS_DIR, 'precision-erp.losing.json'));
    expect(r.code).toBe(0);
    expect(r.out).toContain('Sam Carter playing precision-erp 1.1.0');
    expect(r.out).toMatch(/-- Move 2 · day 0 · 2025-03-06 09:01 UTC\n {2}You: Hi Mr Lu!/);
    expect(r.out).toContain('  ! pitfall: No tailoring to the customer (First contact)');
    expect(r.out).toContain('  + key action: Learn the customer\'s background (First contact)');
    expect(r.out).toContain('  score so far: 14 overall; First contact 0');
    expect(r.out).toContain('  Coach (Chen Jie): Here you pitched before you knew their pains.');
    expect(r.out).toMatch(/ {2}Lead acquisition +100 excellent +· 100 excellent/);
    expect(r.out).toContain('The attempt ends: stalled in First contact.');
    expect(r.out).toContain('The replay reproduces the recorded scores.');
  });

  it('falls back to Chinese where a scenario has no English', () => {
    // The feature tour written as a Chinese-only scenario, played along its stored expert path.
    const source = readFileSync('test/fixtures/scenarios/feature-tour.yaml', 'utf8').replace('languages: [en]', 'languages: [zh-CN]').replace('name: Dana Li', 'name: 李丹');
    const { model } = compileScenario(source, 'feature-tour-zh.yaml');
    const { seed, moves } = JSON.parse(readFileSync('test/fixtures/playthroughs/feature-tour.expert.json', 'utf8'));
    const record = { ...newAttemptRecord({ id: 'zh-1', scenario: model!, seed, now: Date.UTC(2025, 4, 1), trainee: '王芳' }), moves, times: moves.map(() => null), status: 'finished' as const };
    const dir = mkdtempSync(join(tmpdir(), 'cohort-cli-'));
    writeFileSync(join(dir, 'zh.json'), exportAttemptFile(record, { file: 'feature-tour-zh.yaml', source, hash: model!.hash }, 0));
    const r = run('replay', join(dir, 'zh.json'));
    expect(r.code).toBe(0);
    expect(r.out).toContain('王芳 playing feature-tour 1.0.0');
    expect(r.out).toMatch(/^ {2}李丹: /m);
    expect(r.out).toContain('The file holds no recorded scores');
    expect(r.err).toMatch(/warning .*zh\.json: .*zh\.json holds a finished attempt without its scores/);
  });

  it('exits 1 when the re-run does not reproduce the recorded scores, and says where', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cohort-cli-'));
    mkdirSync(join(dir, 'in'));
    const file = attemptFixture('first-deal-tutorial.losing.json');
    file.attempt.score!.stages[1]!.score = 100;
    writeFileSync(join(dir, 'in', 'tampered.json'), JSON.stringify(file));
    const r = run('replay', join(dir, 'in', 'tampered.json'));
    expect(r.code).toBe(1);
    expect(r.out).toContain('THE REPLAY DOES NOT REPRODUCE THE RECORDED SCORES');
    expect(r.out).toMatch(/ {2}First contact: recorded 100, replayed \d+/);
    expect(r.err).toMatch(/^warning .*tampered\.json: Replaying/m);
  });

  it('exits 1 for a refused file, naming it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cohort-cli-'));
    const file = attemptFixture('first-deal-tutorial.losing.json');
    file.attempt.moves[2] = { type: 'choose', option: 'first-contact/call/no-such-option' };
    writeFileSync(join(dir, 'edited.json'), JSON.stringify(file));
    const r = run('replay', join(dir, 'edited.json'));
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/refused .*edited\.json: The moves in .*edited\.json do not replay: move 3 of \d+ is not possible/);
    expect(r.err).not.toMatch(NO_STACK);
  });
});
