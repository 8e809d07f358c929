import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { attemptFromFile } from '../attempts/attempt-file';
import type { AttemptRecord } from '../attempts/attempt-record';
import { newAttemptRecord, withMoves } from '../attempts/new-attempt';
import type { Exemplar } from '../explorer/exemplar';
import { attemptFixture, attemptFixtureNames } from '../../../test/support/attempt-files';
import { libraryFiles, loadModel } from '../../../test/support/load';
import { playPicks } from '../../../test/support/random-play';
import type { ScenarioModel } from '../scenario/model';
import { reportAttempt } from './attempt-report';
import { decodeSuspendData, encodeSuspendData, SCORM12_SUSPEND_LIMIT, type SuspendedAttempt } from './suspend-data';
import { decisions, isoDuration, scormValues, timespan12 } from './scorm-cmi';

const models = new Map<string, ScenarioModel>();
const modelFor = (file: string) => {
  if (!models.has(file)) models.set(file, loadModel(file));
  return models.get(file)!;
};
const fixtures = () =>
  attemptFixtureNames().map((name) => {
    const file = attemptFixture(name);
    const model = modelFor(`scenarios/${file.scenario.id}.yaml`);
    return { name, model, record: attemptFromFile(file, null) };
  });
/** The expert path, as the stored expert attempt of each scenario recorded it (the explorer's exemplar). */
const exemplarOf = (model: ScenarioModel): Exemplar => {
  const expert = attemptFixture(`${model.id}.expert.json`).attempt;
  return { seed: expert.seed, moves: expert.moves };
};
const suspended = (r: AttemptRecord): SuspendedAttempt => ({ id: r.id, seed: r.seed, createdAt: r.createdAt, moves: r.moves, times: r.times, freeText: r.freeText, explainBacks: r.explainBacks });

describe('suspend data', () => {
  it('gives back every library attempt exactly, within SCORM 1.2’s 4,096 characters', () => {
    for (const { name, model, record } of fixtures()) {
      const encoded = encodeSuspendData(model, suspended(record), SCORM12_SUSPEND_LIMIT);
      if (!encoded.ok) throw new Error(`${name}: ${encoded.length} characters`);
      expect(encoded.text.length, name).toBeLessThanOrEqual(SCORM12_SUSPEND_LIMIT);
      expect(encoded.kept, name).toEqual({ times: true, words: true });
      const decoded = decodeSuspendData(model, encoded.text);
      expect(decoded, name).toEqual({ ok: true, attempt: { ...suspended(record), times: record.times.map((t) => (t === null ? null : record.createdAt + Math.round((t - record.createdAt) / 1000) * 1000)) } });
    }
  });

  it('keeps the longest attempts a drill can make within 4,096 characters, dropping words before moves', () => {
    for (const file of libraryFiles()) {
      const model = modelFor(file);
      fc.assert(
        fc.property(fc.array(fc.nat(50), { minLength: 100, maxLength: 400 }), fc.integer(), fc.string({ minLength: 200, maxLength: 2000 }), (picks, seed, words) => {
          const drill = playPicks(model, seed, picks);
          const moves = drill.context().log;
          const record = withMoves(newAttemptRecord({ id: crypto.randomUUID(), scenario: model, seed, now: 1_700_000_000_000 }), moves, 1_700_000_500_000);
          const attempt = { ...suspended(record), freeText: moves.map((_, i) => ({ turn: i + 1, text: words })) };
          const encoded = encodeSuspendData(model, attempt, SCORM12_SUSPEND_LIMIT);
          expect(encoded.ok).toBe(true);
          if (!encoded.ok) return;
          expect(encoded.text.length).toBeLessThanOrEqual(SCORM12_SUSPEND_LIMIT);
          const decoded = decodeSuspendData(model, encoded.text);
          expect(decoded.ok && decoded.attempt.moves).toEqual(moves);
        }),
        { numRuns: 15 },
      );
    }
  });

  it('refuses data of another scenario version, damaged data and text of another app', () => {
    const { model, record } = fixtures()[0]!;
    const encoded = encodeSuspendData(model, suspended(record), SCORM12_SUSPEND_LIMIT);
    if (!encoded.ok) throw new Error('does not fit');
    expect(decodeSuspendData({ ...model, hash: 'other' }, encoded.text)).toMatchObject({ ok: false, error: 'other-version' });
    expect(decodeSuspendData(model, encoded.text.slice(0, 40))).toMatchObject({ ok: false, error: 'damaged' });
    expect(decodeSuspendData(model, 'viewed=1,2,3')).toMatchObject({ ok: false, error: 'not-ours' });
    expect(decodeSuspendData(model, '')).toMatchObject({ ok: false, error: 'not-ours' });
  });

  it('says too-long rather than cutting a log that cannot fit', () => {
    const { model, record } = fixtures()[0]!;
    expect(encodeSuspendData(model, suspended(record), 20)).toMatchObject({ ok: false, error: 'too-long', limit: 20 });
  });
});

describe('attempt report', () => {
  it('credits each move with what the replay says it earned, and marks the expert’s choices', () => {
    for (const { name, model, record } of fixtures()) {
      const report = reportAttempt(model, record, exemplarOf(model));
      expect(report.replayed, name).toBe(record.moves.length);
      expect(report.score.overall.score, name).toBe(record.score!.overall.score);
      const allKeyActions = report.moves.flatMap((m) => m.keyActions).sort();
      const shown = report.score.stages.flatMap((s) => s.keyActions.filter((k) => k.turn !== null).map((k) => k.id)).sort();
      expect(allKeyActions, name).toEqual(shown);
      if (name.endsWith('.expert.json')) expect(report.moves.filter((m) => m.kind === 'choice').every((m) => m.matches === true), name).toBe(true);
      if (name.endsWith('.losing.json')) expect(report.moves.some((m) => m.matches === false), name).toBe(true);
      // A finished attempt has ended every stage it reached.
      expect(report.endedStages.map((s) => s.stage), name).toEqual(report.score.stages.filter((s) => s.reached).map((s) => s.stage));
    }
  });
});

describe('SCORM data model values', () => {
  it('formats time spans as each data model wants them', () => {
    expect(timespan12(0)).toBe('0000:00:00.00');
    expect(timespan12(3_723_450)).toBe('0001:02:03.45');
    expect(isoDuration(3_723_450)).toBe('PT1H2M3.45S');
    expect(isoDuration(0)).toBe('PT0S');
  });

  it('reports a finished attempt: status, score, one interaction per decision, suspend data', () => {
    for (const { name, model, record } of fixtures()) {
      const report = reportAttempt(model, record, exemplarOf(model));
      for (const version of ['1.2', '2004'] as const) {
        const { values, interactions } = scormValues(version, { report, suspendData: 'ltc1:x', sessionMs: 65_000, interactionsWritten: 0 });
        const get = (e: string) => values.find((v) => v.element === e)?.value;
        const passed = record.score!.overall.passed;
        if (version === '1.2') {
          expect(get('cmi.core.lesson_status'), name).toBe(passed ? 'passed' : 'failed');
          expect(get('cmi.core.score.raw')).toBe(String(record.score!.overall.score));
          expect(get('cmi.core.exit')).toBe('');
          expect(get('cmi.core.session_time')).toBe('0000:01:05.00');
        } else {
          expect(get('cmi.completion_status')).toBe('completed');
          expect(get('cmi.success_status')).toBe(passed ? 'passed' : 'failed');
          expect(get('cmi.score.scaled')).toBe(String(record.score!.overall.score / 100));
          expect(get('cmi.exit')).toBe('normal');
        }
        const decided = record.moves.filter((m) => m.type === 'choose' || m.type === 'leads.submit').length;
        expect(interactions).toBe(decided);
        expect(values.filter((v) => /^cmi\.interactions\.\d+\.id$/.test(v.element))).toHaveLength(decided);
        expect(values.every((v) => !/\s/.test(v.value) || /description|suspend|location/.test(v.element) || v.element.endsWith('status') || v.element.endsWith('response') || v.element.endsWith('pattern')), name).toBe(true);
        // Only the interactions after those already written.
        const later = scormValues(version, { report, suspendData: '', sessionMs: 0, interactionsWritten: decided - 1 });
        expect(later.values.filter((v) => /^cmi\.interactions\.\d+\.id$/.test(v.element)).map((v) => v.element)).toEqual([`cmi.interactions.${decided - 1}.id`]);
      }
      expect(decisions(report).length).toBeLessThanOrEqual(250);
    }
  });

  it('reports an attempt in progress as incomplete and suspended', () => {
    const { model: m, record } = fixtures()[0]!;
    const partial = { ...record, moves: record.moves.slice(0, 3), times: record.times.slice(0, 3) };
    const report = reportAttempt(m, partial, exemplarOf(m));
    const v12 = scormValues('1.2', { report, suspendData: '', sessionMs: 0, interactionsWritten: 0 }).values;
    expect(v12.find((v) => v.element === 'cmi.core.lesson_status')?.value).toBe('incomplete');
    expect(v12.find((v) => v.element === 'cmi.core.exit')?.value).toBe('suspend');
    const v04 = scormValues('2004', { report, suspendData: '', sessionMs: 0, interactionsWritten: 0 }).values;
    expect(v04.find((v) => v.element === 'cmi.success_status')?.value).toBe('unknown');
    expect(v04.find((v) => v.element === 'cmi.exit')?.value).toBe('suspend');
  });
});
