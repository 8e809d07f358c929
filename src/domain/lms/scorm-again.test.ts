/**
 * The values the app writes are accepted by a real SCORM runtime: every value for every stored
 * attempt goes through scorm-again's SCORM 1.2 and 2004 data models (their type and size checks),
 * with no error, and a relaunch from what it kept gives back the same attempt.
 */
import { describe, expect, it } from 'vitest';
import { Scorm12API, Scorm2004API } from 'scorm-again';
import { attemptFromFile } from '../attempts/attempt-file';
import { attemptFixture, attemptFixtureNames } from '../../../test/support/attempt-files';
import { loadModel } from '../../../test/support/load';
import { reportAttempt } from './attempt-report';
import { scormValues } from './scorm-cmi';
import { decodeSuspendData, encodeSuspendData, SCORM12_SUSPEND_LIMIT, SCORM2004_SUSPEND_LIMIT } from './suspend-data';

describe('SCORM values in scorm-again', () => {
  for (const version of ['1.2', '2004'] as const) {
    it(`SCORM ${version}: every value of every stored attempt is accepted, and a relaunch reads the attempt back`, () => {
      for (const name of attemptFixtureNames()) {
        const file = attemptFixture(name);
        const model = loadModel(`scenarios/${file.scenario.id}.yaml`);
        const record = attemptFromFile(file, null);
        const expert = attemptFixture(`${model.id}.expert.json`).attempt;
        const report = reportAttempt(model, record, { seed: expert.seed, moves: expert.moves });
        const encoded = encodeSuspendData(model, { ...record }, version === '1.2' ? SCORM12_SUSPEND_LIMIT : SCORM2004_SUSPEND_LIMIT);
        if (!encoded.ok) throw new Error(`${name}: suspend data too long`);
        const settings = { autocommit: false, logLevel: 5 as const, lmsCommitUrl: false as const };
        const api = version === '1.2' ? new Scorm12API(settings) : new Scorm2004API(settings);
        const call = (m12: string, m04: string, ...args: string[]) => String((api as unknown as Record<string, (...a: string[]) => unknown>)[version === '1.2' ? m12 : m04]!(...args));
        expect(call('LMSInitialize', 'Initialize', ''), name).toBe('true');
        const { values } = scormValues(version, { report, suspendData: encoded.text, sessionMs: 754_321, interactionsWritten: 0, optionText: () => 'Ask about the invoices they send today', language: 'en' });
        for (const v of values) {
          const ok = call('LMSSetValue', 'SetValue', v.element, v.value);
          expect(ok === 'true' ? '' : `${v.element}=${v.value}: error ${call('LMSGetLastError', 'GetLastError')}`, name).toBe('');
        }
        expect(call('LMSCommit', 'Commit', ''), name).toBe('true');
        const kept = JSON.parse(JSON.stringify(api.renderCMIToJSONObject().cmi));
        expect(call('LMSFinish', 'Terminate', ''), name).toBe('true');

        const again = version === '1.2' ? new Scorm12API(settings) : new Scorm2004API(settings);
        again.loadFromJSON(kept, '');
        const get = (el: string) => String((again as unknown as Record<string, (e: string) => unknown>)[version === '1.2' ? 'LMSGetValue' : 'GetValue']!(el));
        (again as unknown as Record<string, (a: string) => unknown>)[version === '1.2' ? 'LMSInitialize' : 'Initialize']!('');
        const decoded = decodeSuspendData(model, get('cmi.suspend_data'));
        expect(decoded.ok && decoded.attempt.moves, name).toEqual(record.moves);
        expect(Number(get('cmi.interactions._count')), name).toBe(record.moves.filter((m) => m.type === 'choose' || m.type === 'leads.submit').length);
      }
    });
  }
});
