import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { recordArb } from '../attempts/attempt-arbitrary.test-support';
import { scenarioSource } from '../attempts/scenario-source';
import { newCohort } from '../cohort/cohort-record';
import { BACKUP_MESSAGE_KEYS, MAX_BACKUP_BYTES, MAX_BACKUP_DEPTH, planSection, readBackupFile, writeBackupFile, type BackupSection } from './backup-file';
import { canonicalJson } from './canonical';
import { attemptsSection, cohortsSection, sourcesSection } from './data-sections';

const SECTIONS = [attemptsSection, sourcesSection, cohortsSection] as BackupSection<unknown>[];
const bytes = (text: string) => new TextEncoder().encode(text);
const read = (text: string | Uint8Array, name = 'backup.json') => readBackupFile(typeof text === 'string' ? bytes(text) : text, name, SECTIONS);
const uniqueById = <T extends { id: string }>(xs: T[]) => [...new Map(xs.map((x) => [x.id, x])).values()];

const source = scenarioSource({ hash: 'abc123', id: 'tutorial', version: '1.0.0', file: 'scenarios/t.yaml', source: 'scenario: tutorial\n' });
const sample = (attempts: unknown[] = []) =>
  writeBackupFile(SECTIONS, { attempts, sources: [source], cohorts: [newCohort('c1', 'Spring cohort', 5)] }, 1_700_000_000_000);

describe('backup files', () => {
  it('round-trip: what is written reads back as the same records, in every section', () => {
    fc.assert(
      fc.property(fc.array(recordArb, { maxLength: 8 }), (records) => {
        const attempts = uniqueById(records);
        const result = read(sample(attempts));
        expect(result.ok).toBe(true);
        if (!result.ok) return;
        expect(canonicalJson(result.backup.sections.attempts)).toBe(canonicalJson(attempts));
        expect(result.backup.sections.sources).toEqual([source]);
        expect(result.backup.sections.cohorts).toHaveLength(1);
      }),
      { numRuns: 60 },
    );
  });

  it('restoring a backup into the browser it came from changes nothing: every record is kept', () => {
    fc.assert(
      fc.property(fc.array(recordArb, { maxLength: 8 }), (records) => {
        const attempts = uniqueById(records);
        const result = read(sample(attempts));
        if (!result.ok) throw new Error(result.error.key);
        const plan = planSection(attemptsSection, attempts, result.backup.sections.attempts as typeof attempts);
        expect(plan).toEqual({ add: [], update: [], kept: attempts.length, conflicts: [] });
      }),
      { numRuns: 40 },
    );
  });

  it('never throws on arbitrary bytes or arbitrary JSON, and answers with a known message naming the file', () => {
    fc.assert(
      fc.property(fc.oneof(fc.uint8Array({ maxLength: 200 }), fc.json().map(bytes), fc.jsonValue().map((v) => bytes(JSON.stringify({ format: 'ltc-backup', version: 1, exportedAt: 1, sections: v })))), (input) => {
        const result = read(input, 'odd.json');
        if (!result.ok) {
          expect(BACKUP_MESSAGE_KEYS).toContain(result.error.key);
          expect(result.error.args.file).toBe('odd.json');
        }
      }),
      { numRuns: 300 },
    );
  });

  const refused = (text: string | Uint8Array) => {
    const result = read(text, 'hostile.json');
    if (result.ok) throw new Error('accepted');
    return result.error;
  };

  it('refuses hostile and damaged files by name, before anything is written', () => {
    const good = JSON.parse(sample());
    expect(refused('').key).toBe('backup.read.empty');
    expect(refused(new Uint8Array([0xff, 0xfe, 0x00, 0x41])).key).toBe('backup.read.binary');
    expect(refused(sample().slice(0, 200)).key).toBe('backup.read.truncated');
    expect(refused('{"format": "ltc-backup", nope}')).toMatchObject({ key: 'backup.read.not-json', args: { file: 'hostile.json', line: 1 } });
    expect(refused('['.repeat(MAX_BACKUP_DEPTH + 1) + ']'.repeat(MAX_BACKUP_DEPTH + 1)).key).toBe('backup.read.too-deep');
    expect(refused('[1, 2]').key).toBe('backup.read.not-an-object');
    expect(refused('{"format":"ltc-backup","version":1,"exportedAt":1,"sections":{"cohorts":{"version":1,"items":[{"__proto__":{"admin":true}}]}}}')).toMatchObject({
      key: 'backup.read.unsafe-key',
      args: { key: '__proto__' },
    });
    expect(refused(JSON.stringify({ ...good, format: 'ltc-attempt-file' })).key).toBe('backup.read.wrong-format');
    expect(refused(JSON.stringify({ ...good, version: 'one' })).key).toBe('backup.read.bad-version');
    expect(refused(JSON.stringify({ ...good, version: 2 }))).toMatchObject({ key: 'backup.read.future-version', args: { version: 2, supported: 1 } });
    expect(refused(JSON.stringify({ ...good, sections: [] })).key).toBe('backup.read.bad-frame');
    expect(refused(JSON.stringify({ ...good, sections: { ...good.sections, scripts: { version: 1, items: [] } } }))).toMatchObject({ key: 'backup.read.unknown-section', args: { section: 'scripts' } });
    expect(refused(JSON.stringify({ ...good, sections: { cohorts: { version: 9, items: [] } } }))).toMatchObject({ key: 'backup.read.future-section', args: { section: 'cohorts', version: 9 } });
    const badCohort = { ...good.sections.cohorts.items[0], name: '' };
    expect(refused(JSON.stringify({ ...good, sections: { cohorts: { version: 1, items: [good.sections.cohorts.items[0], badCohort] } } }))).toMatchObject({
      key: 'backup.read.invalid-record',
      args: { section: 'cohorts', index: 2, path: 'name' },
    });
    expect(refused(JSON.stringify({ ...good, sections: { cohorts: { version: 1, items: [good.sections.cohorts.items[0], good.sections.cohorts.items[0]] } } }))).toMatchObject({
      key: 'backup.read.duplicate-id',
      args: { id: 'c1' },
    });
    const script = { ...good.sections.sources.items[0], source: '<script>alert(1)</script>', extra: 'javascript:alert(1)' };
    expect(refused(JSON.stringify({ ...good, sections: { sources: { version: 1, items: [script] } } })).key).toBe('backup.read.invalid-record');
  });

  it('refuses a file over the size limit without decoding it', () => {
    const big = new Uint8Array(MAX_BACKUP_BYTES + 1);
    expect(refused(big)).toMatchObject({ key: 'backup.read.too-large', args: { file: 'hostile.json' } });
  });
});

describe('merging a backup into this browser', () => {
  const attempt = fc.sample(recordArb.filter((r) => r.moves.length >= 2), { numRuns: 1, seed: 7 })[0]!;

  it('keeps the further copy of an attempt, with the newer coaching', () => {
    const shorter = { ...attempt, moves: attempt.moves.slice(0, 1), times: attempt.times.slice(0, 1), coaching: { coach: 'Li', feedback: 'new', comments: [], ratings: [], updatedAt: 99 } };
    const plan = planSection(attemptsSection, [shorter], [{ ...attempt, coaching: null }]);
    expect(plan.update).toHaveLength(1);
    expect(plan.update[0]!.moves).toEqual(attempt.moves);
    expect(plan.update[0]!.coaching?.feedback).toBe('new');
    // The other way round: this browser's copy is further along and stays as it is.
    expect(planSection(attemptsSection, [attempt], [{ ...attempt, moves: attempt.moves.slice(0, 1), times: attempt.times.slice(0, 1) }]).kept).toBe(1);
  });

  it('refuses a copy whose moves went another way (a fork), keeping this browser’s', () => {
    const other = { ...attempt, moves: [attempt.moves[0]!, { type: 'wait' as const, days: 999 }], times: attempt.times.slice(0, 2) };
    const plan = planSection(attemptsSection, [attempt], [other]);
    expect(plan.conflicts).toEqual([{ id: attempt.id, reason: 'moves-diverge' }]);
    expect(plan.update).toEqual([]);
  });

  it('adds what is new, does not duplicate what is here under another id, and merges cohorts’ members', () => {
    const copy = { ...attempt, id: 'another-id' };
    expect(planSection(attemptsSection, [attempt], [copy]).kept).toBe(1);
    const here = { ...newCohort('c1', 'Spring', 1), attemptIds: ['a', 'b'] };
    const there = { ...newCohort('c1', 'Spring (copy)', 2), attemptIds: ['b', 'c'] };
    expect(planSection(cohortsSection, [here], [there]).update).toEqual([{ ...here, attemptIds: ['a', 'b', 'c'] }]);
    expect(planSection(cohortsSection, [here], [newCohort('c2', 'Autumn', 3)]).add).toHaveLength(1);
  });
});
