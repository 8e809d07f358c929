import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ATTEMPT_MIGRATIONS, ATTEMPT_VERSION, checkMigrations, validateAttempt, type AttemptMigration, type AttemptRecord } from './attempt-record';
import { newAttemptRecord } from './new-attempt';
import { recordArb } from './attempt-arbitrary.test-support';

const sample = (): AttemptRecord => ({
  ...newAttemptRecord({ id: 'a1', scenario: { id: 'feature-tour', version: '1.0.0', hash: 'abc123' }, seed: 7, now: 1000 }),
  moves: [
    { type: 'leads.submit', plan: { profile: ['mid-size'], grades: { 'lead-a': 'A' }, pursue: ['lead-a'], record: [] } },
    { type: 'choose', option: 'first-contact/open/1' },
    { type: 'wait', days: 3 },
  ],
  times: [1100, 1200, 1300],
  freeText: [{ turn: 2, text: 'I would ask about their invoicing first.' }],
});

const errorOf = (raw: unknown, migrations?: readonly AttemptMigration[]) => {
  const result = validateAttempt(raw, migrations);
  if (result.ok) throw new Error('expected the record to be refused');
  return result.error;
};

describe('a saved attempt record', () => {
  it('is accepted when valid, unchanged', () => {
    const record = sample();
    expect(validateAttempt(record)).toEqual({ ok: true, record, migratedFrom: null });
  });

  it('is refused with the path of the bad field', () => {
    const record = { ...sample(), moves: [...sample().moves, { type: 'teleport' }] };
    expect(errorOf(record)).toMatchObject({ key: 'attempts.record.invalid', path: 'moves.3.type' });
    expect(errorOf({ ...sample(), seed: 'seven' })).toMatchObject({ key: 'attempts.record.invalid', path: 'seed' });
    expect(errorOf({ ...sample(), extra: 1 })).toMatchObject({ key: 'attempts.record.invalid' });
  });

  it('is refused when it is not an attempt at all', () => {
    expect(errorOf(null).key).toBe('attempts.record.not-an-object');
    expect(errorOf([sample()]).key).toBe('attempts.record.not-an-object');
    expect(errorOf({ ...sample(), format: 'ltc-model' })).toMatchObject({ key: 'attempts.record.not-an-attempt', path: 'format' });
    expect(errorOf({ ...sample(), version: '1' })).toMatchObject({ key: 'attempts.record.bad-version', path: 'version' });
  });

  it('refuses a version newer than this app, saying which', () => {
    expect(errorOf({ ...sample(), version: ATTEMPT_VERSION + 1 })).toEqual({
      key: 'attempts.record.future-version',
      path: 'version',
      args: { version: ATTEMPT_VERSION + 1, supported: ATTEMPT_VERSION },
    });
  });

  it('refuses an old version no migration upgrades', () => {
    expect(errorOf({ ...sample(), version: 0 })).toMatchObject({ key: 'attempts.record.no-migration', args: { version: 0 } });
  });

  it('is upgraded by named migrations, without changing the input', () => {
    // A made-up v0 that called the event log `log` and had no explain-backs.
    const v0ToV1: AttemptMigration = {
      name: 'rename-log-to-moves',
      from: 0,
      up: ({ log, ...rest }) => ({ ...rest, moves: log, explainBacks: [] }),
    };
    const { moves, ...rest } = sample();
    const v0 = { ...rest, explainBacks: undefined, version: 0, log: moves };
    const before = structuredClone(v0);
    const result = validateAttempt(v0, [v0ToV1, ...ATTEMPT_MIGRATIONS]);
    expect(result).toEqual({ ok: true, record: { ...sample(), times: [null, null, null], explainBacks: [] }, migratedFrom: 0 });
    expect(v0).toEqual(before);
    expect(checkMigrations([v0ToV1, ...ATTEMPT_MIGRATIONS])).toEqual([]);
  });

  it('upgrades a v1 record: move times unknown, no trainee name, not imported, no coaching', () => {
    const { times: _times, trainee: _trainee, imported: _imported, coaching: _coaching, ...v2 } = sample();
    const v1 = { ...v2, version: 1 };
    expect(validateAttempt(v1)).toEqual({
      ok: true,
      record: { ...sample(), times: [null, null, null], trainee: '', imported: null, coaching: null },
      migratedFrom: 1,
    });
  });

  it('needs one time per move', () => {
    expect(errorOf({ ...sample(), times: [1] })).toMatchObject({ key: 'attempts.record.invalid', path: 'times' });
  });

  it('reports a migration that fails by its name', () => {
    const broken: AttemptMigration = { name: 'broken', from: 0, up: () => { throw new Error('bug'); } };
    expect(errorOf({ ...sample(), version: 0 }, [broken])).toMatchObject({ key: 'attempts.record.migration-failed', args: { migration: 'broken' } });
  });

  it('keeps a sound migration registry', () => {
    expect(checkMigrations(ATTEMPT_MIGRATIONS)).toEqual([]);
    const m = (name: string, from: number): AttemptMigration => ({ name, from, up: (r) => r });
    expect(checkMigrations([m('a', 0), m('a', 0), m('b', ATTEMPT_VERSION)]).map((p) => p.problem)).toEqual([
      'duplicate-name',
      'duplicate-version',
      'past-current-version',
    ]);
  });

  it('refuses prototype-polluting keys anywhere', () => {
    const raw = JSON.parse(
      '{"format":"ltc-attempt","version":1,"moves":[{"type":"leads.submit","plan":{"grades":{"__proto__":{"polluted":true}}}}]}',
    );
    expect(errorOf(raw)).toMatchObject({ key: 'attempts.record.unsafe-key', path: 'moves.0.plan.grades.__proto__' });
    expect(errorOf(JSON.parse('{"constructor":{"prototype":{}}}')).key).toBe('attempts.record.unsafe-key');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('accepts every valid record unchanged', () => {
    fc.assert(fc.property(recordArb, (record) => {
      expect(validateAttempt(record)).toEqual({ ok: true, record, migratedFrom: null });
    }));
  });

  it('never throws on random JSON, nor on damaged records', () => {
    fc.assert(fc.property(fc.jsonValue(), (raw) => {
      expect(validateAttempt(raw).ok).toBe(false);
    }));
    const damaged = fc
      .tuple(recordArb, fc.constantFrom('id', 'seed', 'moves', 'scenario', 'status', 'freeText', 'score', 'createdAt'), fc.jsonValue())
      .map(([r, key, value]) => ({ ...r, [key]: value }));
    fc.assert(fc.property(damaged, (raw) => void validateAttempt(raw)));
    fc.assert(fc.property(fc.anything(), (raw) => void validateAttempt(raw)));
  });
});
