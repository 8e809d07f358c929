import { describe, expect, it } from 'vitest';
import en from '../../locales/en/attemptFile.json';
import zhCN from '../../locales/zh-CN/attemptFile.json';
import { attemptFixture, attemptFixtureText, v1AttemptFixtureText } from '../../../test/support/attempt-files';
import { compileScenario } from '../compiler/compile';
import { verifyAttemptFile } from './verify-attempt-file';
import {
  ATTEMPT_FILE_MESSAGE_KEYS,
  ATTEMPT_FILE_MIGRATIONS,
  MAX_DRAFT_CHARS,
  exportAttemptFile,
  ATTEMPT_FILE_VERSION,
  MAX_ATTEMPT_FILE_BYTES,
  MAX_ATTEMPT_FILE_DEPTH,
  MAX_SCENARIO_SOURCE_CHARS,
  readAttemptFile,
  sizeProblem,
  suggestAttemptFileName,
  attemptFromFile,
  type AttemptFileMessage,
} from './attempt-file';
import type { AttemptMigration } from './attempt-record';
import { MAX_SOURCE_BYTES } from '../compiler/source-document';

const NAME = 'li-na-week-10.json';
const good = () => attemptFixture('first-deal-tutorial.expert.json');
const json = (v: unknown) => JSON.stringify(v, null, 2);

/** Reads `input` and expects it refused: returns the message, and checks nothing else came back. */
const refused = (input: string | Uint8Array, migrations?: readonly AttemptMigration[]): AttemptFileMessage => {
  const result = readAttemptFile(input, NAME, migrations);
  expect(result.ok).toBe(false);
  expect(result).not.toHaveProperty('file');
  if (result.ok) throw new Error('unreachable');
  expect(result.error.args.file).toBe(NAME);
  return result.error;
};

describe('an exported attempt file', () => {
  it('is read back whole', () => {
    const result = readAttemptFile(attemptFixtureText('first-deal-tutorial.expert.json'), NAME);
    expect(result).toEqual({ ok: true, file: good(), migratedFrom: null });
  });

  it('is read from its bytes, with or without a byte-order mark', () => {
    const bytes = new TextEncoder().encode(attemptFixtureText('precision-erp.losing.json'));
    expect(readAttemptFile(bytes, NAME).ok).toBe(true);
    expect(readAttemptFile(new Uint8Array([0xef, 0xbb, 0xbf, ...bytes]), NAME).ok).toBe(true);
    expect(readAttemptFile('\ufeff' + attemptFixtureText('precision-erp.losing.json'), NAME).ok).toBe(true);
  });
});

describe('a hostile or broken file is refused with its own message, naming the file', () => {
  it('truncated', () => {
    const text = attemptFixtureText('first-deal-tutorial.expert.json');
    for (const cut of [1, 100, text.length / 2, text.length - 3]) expect(refused(text.slice(0, cut)).key).toBe('attemptFile.read.truncated');
  });

  it('not JSON, with the line and column of the error', () => {
    expect(refused('{ this is not json }')).toMatchObject({ key: 'attemptFile.read.not-json', args: { line: 1, column: 3 } });
    const lines = attemptFixtureText('first-deal-tutorial.expert.json').split('\n');
    lines[4] = lines[4]!.replace('"attempt"', "'attempt'");
    expect(refused(lines.join('\n'))).toMatchObject({ key: 'attemptFile.read.not-json', args: { line: 5, column: 3 } });
    expect(refused('name,score\nLi Na,80\n').key).toBe('attemptFile.read.not-json');
  });

  it('a JSON array or a single value', () => {
    expect(refused(json([good()])).key).toBe('attemptFile.read.not-an-object');
    for (const scalar of ['"attempt"', '42', 'null', 'true']) expect(refused(scalar).key).toBe('attemptFile.read.not-an-object');
  });

  it('__proto__, constructor or prototype keys anywhere, without polluting anything', () => {
    const text = json(good()).replace('"grades": {', '"grades": { "__proto__": { "polluted": true },');
    expect(refused(text)).toMatchObject({ key: 'attemptFile.read.unsafe-key', args: { key: '__proto__', path: 'attempt.moves.0.plan.grades.__proto__' } });
    expect(refused(json({ ...good(), constructor: { prototype: { polluted: true } } })).args.key).toBe('constructor');
    expect(refused('{"a": [{"prototype": 1}]}')).toMatchObject({ key: 'attemptFile.read.unsafe-key', args: { path: 'a.0.prototype' } });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('a future version, an unreadable version, and the wrong format', () => {
    expect(refused(json({ ...good(), version: ATTEMPT_FILE_VERSION + 1 }))).toMatchObject({
      key: 'attemptFile.read.future-version',
      args: { version: ATTEMPT_FILE_VERSION + 1, supported: ATTEMPT_FILE_VERSION },
    });
    expect(refused(json({ ...good(), version: '1' })).key).toBe('attemptFile.read.bad-version');
    expect(refused(json({ ...good(), version: 1.5 })).key).toBe('attemptFile.read.bad-version');
    expect(refused(json({ ...good(), format: 'ltc-attempt' })).key).toBe('attemptFile.read.wrong-format');
    expect(refused('{"scenario": "precision-erp", "hash": "x", "moves": []}').key).toBe('attemptFile.read.wrong-format');
  });

  it('empty', () => {
    for (const empty of ['', '   \n\t ', new Uint8Array(0), '\ufeff']) expect(refused(empty).key).toBe('attemptFile.read.empty');
  });

  it('nested 100,000 deep, before parsing and without overflowing the stack', () => {
    const deep = '['.repeat(100_000) + ']'.repeat(100_000);
    expect(refused(deep)).toMatchObject({ key: 'attemptFile.read.too-deep', args: { limit: MAX_ATTEMPT_FILE_DEPTH, line: 1, column: MAX_ATTEMPT_FILE_DEPTH + 1 } });
    const hidden = json(good()).replace('"coaching": null', `"coaching": ${'{"a":'.repeat(100_000)}1${'}'.repeat(100_000)}`);
    expect(refused(hidden).key).toBe('attemptFile.read.too-deep');
    expect(refused('{"a":'.repeat(100_000)).key).toBe('attemptFile.read.too-deep');
  });

  it('binary', () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52, 0xff, 0xd8]);
    expect(refused(png).key).toBe('attemptFile.read.binary');
    expect(refused(new Uint8Array([0x7b, 0x22, 0xc3, 0x28, 0x22, 0x7d])).key).toBe('attemptFile.read.binary'); // invalid UTF-8
    expect(refused(new TextEncoder().encode('{"a":1}\u0000\u0000')).key).toBe('attemptFile.read.binary');
    expect(refused('{"a": "\u0000"}').key).toBe('attemptFile.read.binary');
    // … and the next file reads as if nothing had happened.
    expect(readAttemptFile(new TextEncoder().encode(attemptFixtureText('precision-erp.losing.json')), NAME).ok).toBe(true);
  });

  it('40 MB, by its size alone', () => {
    const big = new Uint8Array(40 * 1024 * 1024).fill(0x20);
    expect(refused(big)).toMatchObject({ key: 'attemptFile.read.too-large', args: { size: '40.0', limit: (MAX_ATTEMPT_FILE_BYTES / 1024 / 1024).toFixed(1) } });
    expect(refused(' '.repeat(40 * 1024 * 1024))).toMatchObject({ key: 'attemptFile.read.too-large', args: { size: '40.0' } });
    // Counted in UTF-8 bytes, not characters: 3 million Chinese characters are 9 MB.
    expect(refused(`"${'好'.repeat(3_000_000)}"`)).toMatchObject({ key: 'attemptFile.read.too-large', args: { size: '8.6' } });
    expect(sizeProblem('big.json', 40 * 1024 * 1024)).toEqual({ key: 'attemptFile.read.too-large', args: { file: 'big.json', size: '40.0', limit: '8.0' } });
    expect(sizeProblem('fine.json', MAX_ATTEMPT_FILE_BYTES)).toBeNull();
  });

  it('the wrong shape, with the path of the first problem', () => {
    const f = good();
    f.attempt.moves[3] = { type: 'teleport' } as never;
    expect(refused(json(f))).toMatchObject({ key: 'attemptFile.read.invalid', args: { path: 'attempt.moves.3.type' } });
    expect(refused(json({ ...good(), attempt: { ...good().attempt, times: [1] } })).args.path).toBe('attempt.times');
    expect(refused(json({ ...good(), attempt: { ...good().attempt, imported: null } })).args.path).toBe('attempt');
    expect(refused(json({ ...good(), scenario: { ...good().scenario, source: 'x'.repeat(MAX_SCENARIO_SOURCE_CHARS + 1) } })).args.path).toBe('scenario.source');
    expect(refused(json({ ...good(), attempt: { ...good().attempt, trainee: 'x'.repeat(201) } })).args.path).toBe('attempt.trainee');
    const { exportedAt: _, ...noDate } = good();
    expect(refused(json(noDate))).toMatchObject({ key: 'attemptFile.read.invalid', args: { path: 'exportedAt' } });
  });
});

describe('older file versions', () => {
  // Made up: a v0 that kept the event log as `log` and had no export time.
  const v0ToV1: AttemptMigration = {
    name: 'rename-log-to-moves-and-date-the-export',
    from: 0,
    up: ({ attempt, ...rest }) => {
      const { log, ...a } = attempt as Record<string, unknown>;
      return { ...rest, exportedAt: 0, attempt: { ...a, moves: log } };
    },
  };
  const v0 = () => {
    const { exportedAt: _, attempt, ...rest } = good();
    const { moves, ...a } = attempt;
    return { ...rest, version: 0, attempt: { ...a, log: moves } };
  };

  it('are upgraded by named migrations', () => {
    expect(readAttemptFile(json(v0()), NAME, [v0ToV1, ...ATTEMPT_FILE_MIGRATIONS])).toEqual({ ok: true, file: { ...good(), exportedAt: 0 }, migratedFrom: 0 });
  });

  it('are refused when no migration upgrades them, or when one fails', () => {
    expect(refused(json(v0()))).toMatchObject({ key: 'attemptFile.read.no-migration', args: { version: 0, supported: ATTEMPT_FILE_VERSION } });
    const broken: AttemptMigration = { name: 'broken', from: 0, up: () => { throw new Error('bug'); } };
    expect(refused(json(v0()), [broken])).toMatchObject({ key: 'attemptFile.read.migration-failed', args: { migration: 'broken' } });
    const wrong: AttemptMigration = { ...v0ToV1, up: () => [] as never };
    expect(refused(json(v0()), [wrong]).key).toBe('attemptFile.read.migration-failed');
  });
});

describe('a file of version 1, from before retries and drafts were carried', () => {
  // Exported by the app when files were at version 1, kept as it was.
  const v1 = () => v1AttemptFixtureText('precision-erp.losing.json');

  it('is read, upgraded by its named migration: no retry, no draft', () => {
    expect(JSON.parse(v1()).version).toBe(1);
    expect(ATTEMPT_FILE_MIGRATIONS.map((m) => [m.name, m.from])).toEqual([['add-retry-origin-and-draft', 1]]);
    const read = readAttemptFile(v1(), NAME);
    // The same attempt as today's fixture, on the scenario as it was when the file was exported.
    const { scenario } = JSON.parse(v1()) as { scenario: unknown };
    expect(read).toEqual({ ok: true, file: { ...attemptFixture('precision-erp.losing.json'), scenario }, migratedFrom: 1 });
    if (!read.ok) throw new Error('unreachable');
    expect(attemptFromFile(read.file, null)).toMatchObject({ retryOf: null, draft: null });
    expect(verifyAttemptFile(read.file, { fileName: NAME, compile: compileScenario, now: 1 }).ok).toBe(true);
  });

  it('edited to hold a retry or a draft, has them checked as a version 2 file’s', () => {
    const edited = (attempt: object) => json({ ...JSON.parse(v1()), attempt: { ...JSON.parse(v1()).attempt, ...attempt } });
    expect(refused(edited({ retryOf: { attempt: '', turn: 1 } })).args.path).toBe('attempt.retryOf.attempt');
    const read = readAttemptFile(edited({ draft: { kind: 'say-first', turn: 1, text: 'Hello' } }), NAME);
    expect(read.ok && read.file.attempt.draft).toEqual({ kind: 'say-first', turn: 1, text: 'Hello' });
  });
});

describe('a retry’s origin and the words being written', () => {
  const losing = () => attemptFixture('precision-erp.losing.json');
  const moves = losing().attempt.moves.length;
  const retryOf = { attempt: 'precision-erp-losing-0000', turn: 4 };
  const draft = { kind: 'say-first' as const, turn: moves + 1, text: 'I would ask who else signs off on this.' };
  const withAttempt = (attempt: object) => json({ ...losing(), attempt: { ...losing().attempt, ...attempt } });

  it('travel in the file and come back with the attempt', () => {
    const record = { ...attemptFromFile(losing(), null), retryOf, draft };
    const source = losing().scenario;
    const read = readAttemptFile(exportAttemptFile(record, { file: source.file, source: source.source, hash: source.hash }, 5), NAME);
    if (!read.ok) throw new Error(read.error.key);
    expect(read.file.attempt).toMatchObject({ retryOf, draft });
    expect(attemptFromFile(read.file, { file: NAME, at: 9 })).toEqual({ ...record, imported: { file: NAME, at: 9 } });
    const verified = verifyAttemptFile(read.file, { fileName: NAME, compile: compileScenario, now: 9 });
    expect(verified.ok && verified.record).toMatchObject({ retryOf, draft });
    const explain = { kind: 'explain-back' as const, stage: 'first-contact' as const, text: 'Open with their problem, not our product.' };
    expect(readAttemptFile(withAttempt({ draft: explain }), NAME)).toMatchObject({ ok: true, file: { attempt: { draft: explain } } });
  });

  it('hostile or impossible values are refused, naming where', () => {
    const at = (attempt: object) => refused(withAttempt(attempt));
    const cases: [object, string][] = [
      [{ retryOf: 'precision-erp-losing-0000' }, 'attempt.retryOf'],
      [{ retryOf: { attempt: '', turn: 1 } }, 'attempt.retryOf.attempt'],
      [{ retryOf: { attempt: 'x'.repeat(201), turn: 1 } }, 'attempt.retryOf.attempt'],
      [{ retryOf: { attempt: 42, turn: 1 } }, 'attempt.retryOf.attempt'],
      [{ retryOf: { attempt: 'a', turn: 0 } }, 'attempt.retryOf.turn'],
      [{ retryOf: { attempt: 'a', turn: 1.5 } }, 'attempt.retryOf.turn'],
      [{ retryOf: { attempt: 'a', turn: moves + 2 } }, 'attempt.retryOf.turn'],
      [{ retryOf: { attempt: 'a', turn: 1e308 } }, 'attempt.retryOf.turn'],
      [{ retryOf: { attempt: losing().attempt.id, turn: 1 } }, 'attempt.retryOf.attempt'],
      [{ retryOf: { attempt: 'a', turn: 1, run: 'alert(1)' } }, 'attempt.retryOf'],
      [{ draft: 'words' }, 'attempt.draft'],
      [{ draft: { kind: 'script', text: 'x' } }, 'attempt.draft.kind'],
      [{ draft: { kind: 'say-first', turn: -1, text: 'x' } }, 'attempt.draft.turn'],
      [{ draft: { kind: 'say-first', turn: moves + 2, text: 'x' } }, 'attempt.draft.turn'],
      [{ draft: { kind: 'say-first', turn: 1, text: '' } }, 'attempt.draft.text'],
      [{ draft: { kind: 'say-first', turn: 1, text: 'x'.repeat(MAX_DRAFT_CHARS + 1) } }, 'attempt.draft.text'],
      [{ draft: { kind: 'say-first', turn: 1, text: ['x'] } }, 'attempt.draft.text'],
      [{ draft: { kind: 'explain-back', stage: 'golf', text: 'x' } }, 'attempt.draft.stage'],
      [{ draft: { kind: 'explain-back', stage: 'leads', turn: 1, text: 'x' } }, 'attempt.draft'],
    ];
    for (const [attempt, path] of cases) expect(at(attempt), JSON.stringify(attempt).slice(0, 80)).toMatchObject({ key: 'attemptFile.read.invalid', args: { path } });
    const { retryOf: _r, ...noRetry } = losing().attempt;
    expect(refused(json({ ...losing(), attempt: noRetry })).args.path).toBe('attempt.retryOf');
    expect(refused(withAttempt({ draft: JSON.parse('{"kind":"say-first","turn":1,"text":"x","__proto__":{"polluted":true}}') }))).toMatchObject({ key: 'attemptFile.read.unsafe-key', args: { path: 'attempt.draft.__proto__' } });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('say what is wrong, where, and what to do, in both languages', () => {
    const { key, args } = refused(withAttempt({ retryOf: { attempt: 'a', turn: moves + 2 } }));
    expect((en.read as Record<string, string>)[key.split('.').pop()!]!.replace('{{file}}', String(args.file)).replace('{{path}}', String(args.path)).replace('{{issue}}', String(args.issue))).toBe(
      `${NAME} is damaged: the value at attempt.retryOf.turn is wrong or missing (custom). It may have been edited by hand; ask the trainee to export the attempt again.`,
    );
    expect((zhCN.read as Record<string, string>)['invalid']).toContain('{{path}}');
  });
});

describe('names and texts from a file', () => {
  it('come back verbatim, as plain text: markup is never interpreted', () => {
    const markup = {
      trainee: '<img src=x onerror="alert(1)">',
      coach: '<script>alert("coach")</script>',
      feedback: '**bold** {{file}} $t(attemptFile.read.empty) <b>&amp;</b>',
      comment: '</textarea><svg onload=alert(2)>',
      freeText: "'; DROP TABLE attempts; --",
      file: '<a href="javascript:alert(3)">x</a>.yaml',
    };
    const f = attemptFixture('precision-erp.losing.json');
    f.attempt.trainee = markup.trainee;
    f.attempt.coaching = { ...f.attempt.coaching!, coach: markup.coach, feedback: markup.feedback, comments: [{ turn: 1, text: markup.comment, at: 5 }] };
    f.attempt.freeText = [{ turn: 1, text: markup.freeText }];
    f.scenario.file = markup.file;
    const result = readAttemptFile(json(f), '<i>cohort</i>.json');
    if (!result.ok) throw new Error(result.error.key);
    const record = attemptFromFile(result.file, null);
    expect(record.trainee).toBe(markup.trainee);
    expect(record.coaching).toMatchObject({ coach: markup.coach, feedback: markup.feedback, comments: [{ text: markup.comment }] });
    expect(record.freeText[0]!.text).toBe(markup.freeText);
    expect(result.file.scenario.file).toBe(markup.file);
  });

  it('are length-limited, and a long file name is shortened in messages', () => {
    const long = `${'x'.repeat(5_000)}.json`;
    const result = readAttemptFile('', long);
    expect(!result.ok && String(result.error.args.file).length).toBeLessThanOrEqual(160);
    expect(!result.ok && String(result.error.args.file).endsWith('.json')).toBe(true);
  });
});

it('suggests a file name that is safe on every system', () => {
  const record = attemptFromFile(good(), null);
  expect(suggestAttemptFileName(record)).toBe('first-deal-tutorial-li-na-2025-03-03-first-de.json');
  expect(suggestAttemptFileName({ ...record, trainee: '../../etc/passwd', id: 'a/b\\c:d' })).toBe('first-deal-tutorial-etc-passwd-2025-03-03-a-b-c-d.json');
  expect(suggestAttemptFileName({ ...record, trainee: '张伟 <b>', createdAt: 9e15 })).toBe('first-deal-tutorial-张伟-b-undated-first-de.json');
  expect(suggestAttemptFileName({ ...record, trainee: '' })).toMatch(/^first-deal-tutorial-attempt-/);
});

it('keeps the embedded scenario within the compiler’s own limit', () => {
  expect(MAX_SCENARIO_SOURCE_CHARS).toBe(MAX_SOURCE_BYTES);
});

describe('every message', () => {
  const vars = (s: string) => [...s.matchAll(/{{(\w+)}}/g)].map((m) => m[1]!);
  const text = (tree: object, key: string) => key.split('.').slice(1).reduce((t: never, k) => t?.[k], tree as never) as unknown;

  it('has an English and a Chinese text', () => {
    for (const key of ATTEMPT_FILE_MESSAGE_KEYS) {
      expect(typeof text(en, key), key).toBe('string');
      expect(typeof text(zhCN, key), key).toBe('string');
      expect(vars(text(en, key) as string), key).toContain('file');
    }
  });

  it('gets every argument its text uses', () => {
    const f = good();
    const samples = [
      refused(''), refused('{"a":'), refused('{x}'), refused('['.repeat(100)), refused('[]'), refused('{"__proto__":1}'),
      refused('{}'), refused(json({ ...good(), version: -1 })), refused(json({ ...good(), version: 9 })), refused(json({ ...good(), version: 0 })),
      refused(json({ ...good(), version: 0 }), [{ name: 'broken', from: 0, up: () => null as never }]),
      refused(json({ ...f, attempt: { ...f.attempt, seed: 'x' } })), refused(new Uint8Array([0xff])), refused(new Uint8Array(MAX_ATTEMPT_FILE_BYTES + 1)),
    ];
    for (const { key, args } of samples) for (const v of vars(text(en, key) as string)) expect(args, `${key} needs ${v}`).toHaveProperty(v);
  });
});
