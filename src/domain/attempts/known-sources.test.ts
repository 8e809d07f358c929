/**
 * Reading a cohort's files with the sources they share remembered must give exactly what reading
 * each file whole gives, whatever else the files hold.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { exportAttemptFile, readAttemptFile } from './attempt-file';
import { recordArb } from './attempt-arbitrary.test-support';
import { CUT_SOURCE, KnownSources } from './known-sources';

const encode = (s: string) => new TextEncoder().encode(s);
// The last holds bytes that, eight at a time, read as NaN (DEL then a four-byte character).
const SOURCES = ['scenario: a\ntitle: "Tender — 招标"\n', 'scenario: b\nnote: "source": "x"\n', 'x'.repeat(5_000) + '\u00e9\u4e2d', 'scenario: c\n' + 'ab\u007f\u{1F600}\u007f\u{1F600}'.repeat(300)];

describe('known sources', () => {
  it('read like the whole file, for any records sharing a few sources, in any order', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(recordArb, fc.nat(SOURCES.length - 1), fc.nat(7)), { minLength: 1, maxLength: 12 }), (files) => {
        const known = new KnownSources(2);
        for (const [record, which, offsetInBuffer] of files) {
          const text = exportAttemptFile(record, { file: 'any.yaml', source: SOURCES[which]!, hash: record.scenario.hash }, 1);
          const plain = encode(text);
          // Files may sit anywhere in a larger buffer (alignment of the fast comparison).
          const bytes = offsetInBuffer ? new Uint8Array(plain.length + offsetInBuffer).subarray(offsetInBuffer) : plain;
          bytes.set(plain);
          expect(readAttemptFile(bytes, 'f.json', undefined, undefined, known)).toEqual(readAttemptFile(plain, 'f.json'));
        }
      }),
      { numRuns: 100 },
    );
  });

  it('does not take a source one character off a known one for it, wherever that character is', () => {
    fc.assert(
      fc.property(recordArb, fc.nat(SOURCES.length - 1), fc.nat(), fc.nat(7), (record, which, where, offset) => {
        const known = new KnownSources();
        const source = SOURCES[which]!;
        readAttemptFile(encode(exportAttemptFile(record, { file: 'a.yaml', source, hash: record.scenario.hash }, 1)), 'a.json', undefined, undefined, known);
        const at = where % source.length;
        const other = source.slice(0, at) + (source[at] === 'q' ? 'r' : 'q') + source.slice(at + 1);
        const text = exportAttemptFile(record, { file: 'a.yaml', source: other, hash: record.scenario.hash }, 1);
        const plain = encode(text);
        const bytes = new Uint8Array(plain.length + offset).subarray(offset);
        bytes.set(plain);
        const read = readAttemptFile(bytes, 'b.json', undefined, undefined, known);
        expect(read).toEqual(readAttemptFile(text, 'b.json'));
        expect(read.ok && read.file.scenario.source).toBe(other);
      }),
      { numRuns: 200 },
    );
  });

  it('does not cut a copy of a known source held somewhere else than the scenario', () => {
    const source = 'scenario: a\n';
    fc.assert(
      fc.property(recordArb, (record) => {
        const known = new KnownSources();
        const first = encode(exportAttemptFile(record, { file: 'a.yaml', source, hash: record.scenario.hash }, 1));
        readAttemptFile(first, 'a.json', undefined, undefined, known);
        // The same text as the trainee's name, and a placeholder-looking value as the source itself.
        const sneaky = { ...record, trainee: source, freeText: [{ turn: 0, text: CUT_SOURCE }] };
        const text = exportAttemptFile(sneaky, { file: 'a.yaml', source: 'scenario: other\n', hash: record.scenario.hash }, 1);
        expect(readAttemptFile(encode(text), 'b.json', undefined, undefined, known)).toEqual(readAttemptFile(text, 'b.json'));
      }),
      { numRuns: 50 },
    );
  });

  it('still reports a broken file exactly as the whole read does', () => {
    const known = new KnownSources();
    const record = fc.sample(recordArb, { numRuns: 1, seed: 7 })[0]!;
    const good = exportAttemptFile(record, { file: 'a.yaml', source: SOURCES[0]!, hash: record.scenario.hash }, 1);
    readAttemptFile(encode(good), 'a.json', undefined, undefined, known);
    const broken = good.replace('"exportedAt"', '"exportedAt" x');
    expect(readAttemptFile(broken, 'b.json').ok).toBe(false);
    expect(readAttemptFile(encode(broken), 'b.json', undefined, undefined, known)).toEqual(readAttemptFile(broken, 'b.json'));
  });
});
