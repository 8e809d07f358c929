/**
 * SCORM's `suspend_data`: what an LMS keeps between launches so that a drill resumes exactly where it
 * was. It holds the attempt's id, seed and move log (and, room permitting, the moves' times and the
 * trainee's own words), tied to the scenario version by its content hash. Options, facts and leads
 * are written as their index in the model (the hash guarantees the same model reads them back), the
 * whole compressed with DEFLATE and written in base64, so that even the longest attempt fits SCORM
 * 1.2's 4,096 characters. Reading never throws: bad data is an error naming what is wrong.
 */
import { deflateSync, inflateSync, strFromU8, strToU8 } from 'fflate';
import { STAGES, type StageId } from '../ltc/stages';
import type { ScenarioModel } from '../scenario/model';
import type { Grade, LeadPlan, Move } from '../runtime/context';
import type { AttemptRecord } from '../attempts/attempt-record';

/** SCORM 1.2 `cmi.suspend_data` (CMIString4096). */
export const SCORM12_SUSPEND_LIMIT = 4096;
/** SCORM 2004 4th edition `cmi.suspend_data` (characterstring, SPM 64000). */
export const SCORM2004_SUSPEND_LIMIT = 64000;

const PREFIX = 'ltc1:';

/** What a launch needs to continue an attempt. */
export interface SuspendedAttempt {
  id: string;
  seed: number;
  createdAt: number;
  moves: Move[];
  /** Parallel to `moves`; null where not kept (room ran out). */
  times: (number | null)[];
  freeText: AttemptRecord['freeText'];
  explainBacks: AttemptRecord['explainBacks'];
}

export type SuspendEncoding = { ok: true; text: string; kept: { times: boolean; words: boolean } } | { ok: false; error: 'too-long'; length: number; limit: number };

export type SuspendDecoding =
  | { ok: true; attempt: SuspendedAttempt }
  | { ok: false; error: 'not-ours' | 'other-version' | 'damaged' | 'unknown-item'; detail: string };

/** The model's options, facts, leads, criteria and fields in a fixed order: the index tables of the codec. */
function tables(model: ScenarioModel) {
  const options: string[] = [];
  const graphs = [...Object.values(model.stages), ...Object.keys(model.objections).sort().map((k) => model.objections[k]!)];
  for (const g of graphs) for (const step of Object.keys(g.steps).sort()) for (const o of g.steps[step]!.options) options.push(o.id);
  return {
    options,
    facts: Object.keys(model.customer.facts).sort(),
    leads: model.leads.pool.map((l) => l.id),
    criteria: model.leads.criteria.map((c) => c.id),
    fields: model.leads.fields.map((f) => f.id),
  };
}

type Tables = ReturnType<typeof tables>;
const tableCache = new WeakMap<ScenarioModel, Tables>();
const tablesOf = (model: ScenarioModel) => {
  let t = tableCache.get(model);
  if (!t) tableCache.set(model, (t = tables(model)));
  return t;
};

const GRADES: readonly Grade[] = ['A', 'B', 'C'];
type Packed = number | string | (number | string)[];

class UnknownItem extends Error {}
const indexIn = (table: readonly string[], id: string) => {
  const i = table.indexOf(id);
  if (i < 0) throw new UnknownItem(id);
  return i;
};
const itemAt = (table: readonly string[], i: unknown) => {
  if (typeof i !== 'number' || !Number.isInteger(i) || i < 0 || i >= table.length) throw new UnknownItem(String(i));
  return table[i]!;
};

function packMove(t: Tables, m: Move): Packed {
  switch (m.type) {
    case 'choose':
      return indexIn(t.options, m.option);
    case 'wait':
      return `w${m.days}`;
    case 'record':
      return `r${indexIn(t.facts, m.fact)}`;
    case 'abandon':
      return 'a';
    case 'leads.submit': {
      const p = m.plan;
      const grades = t.leads.map((id) => (p.grades[id] ? GRADES.indexOf(p.grades[id]!) : 3)).join('');
      return ['l', p.profile.map((c) => indexIn(t.criteria, c)).join(','), grades, p.pursue.map((l) => indexIn(t.leads, l)).join(','), p.record.map((f) => indexIn(t.fields, f)).join(',')];
    }
  }
}

const list = (s: unknown, table: readonly string[]) => (typeof s === 'string' && s ? s.split(',').map((x) => itemAt(table, Number(x))) : []);

function unpackMove(t: Tables, p: unknown): Move {
  if (typeof p === 'number') return { type: 'choose', option: itemAt(t.options, p) };
  if (p === 'a') return { type: 'abandon' };
  if (typeof p === 'string' && /^w\d+$/.test(p)) return { type: 'wait', days: Number(p.slice(1)) };
  if (typeof p === 'string' && /^r\d+$/.test(p)) return { type: 'record', fact: itemAt(t.facts, Number(p.slice(1))) };
  if (Array.isArray(p) && p[0] === 'l' && p.length === 5 && typeof p[2] === 'string') {
    const grades: LeadPlan['grades'] = {};
    [...p[2]].forEach((g, i) => {
      const lead = itemAt(t.leads, i);
      if (g !== '3') grades[lead] = GRADES[Number(g)] ?? (() => { throw new UnknownItem(`grade ${g}`); })();
    });
    return { type: 'leads.submit', plan: { profile: list(p[1], t.criteria), grades, pursue: list(p[3], t.leads), record: list(p[4], t.fields) } };
  }
  throw new UnknownItem(JSON.stringify(p));
}

const STAGE_SET: readonly string[] = STAGES;

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}
function fromBase64(text: string): Uint8Array {
  const binary = atob(text);
  const out = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i);
  return out;
}

const pack = (payload: unknown) => PREFIX + toBase64(deflateSync(strToU8(JSON.stringify(payload)), { level: 9 }));

/**
 * The suspend data of `attempt` on `model`, at most `limit` characters: the move log always, the times
 * and then the trainee's words only while they fit. `too-long` when even the log alone does not fit.
 * Throws only when a move does not belong to `model` (a bug of the caller).
 */
export function encodeSuspendData(model: ScenarioModel, attempt: SuspendedAttempt, limit: number): SuspendEncoding {
  const t = tablesOf(model);
  const base = { v: 1, h: model.hash, id: attempt.id, s: attempt.seed, c: attempt.createdAt, m: attempt.moves.map((m) => packMove(t, m)) };
  // Times as seconds after the attempt began: small numbers compress well.
  const times = attempt.times.map((x) => (x === null ? null : Math.max(0, Math.round((x - attempt.createdAt) / 1000))));
  const words = { f: attempt.freeText.map((f) => [f.turn, f.text]), e: attempt.explainBacks.map((e) => [STAGE_SET.indexOf(e.stage), e.text, e.skipped ? 1 : 0]) };
  const tries: [unknown, { times: boolean; words: boolean }][] = [
    [{ ...base, t: times, ...words }, { times: true, words: true }],
    [{ ...base, t: times }, { times: true, words: false }],
    [base, { times: false, words: false }],
  ];
  let length = 0;
  for (const [payload, kept] of tries) {
    const text = pack(payload);
    if (text.length <= limit) return { ok: true, text, kept };
    length = text.length;
  }
  return { ok: false, error: 'too-long', length, limit };
}

const isInt = (x: unknown): x is number => typeof x === 'number' && Number.isInteger(x);

/** Reads suspend data written by `encodeSuspendData` for the same scenario version. Never throws. */
export function decodeSuspendData(model: ScenarioModel, text: string): SuspendDecoding {
  if (!text.startsWith(PREFIX)) return { ok: false, error: 'not-ours', detail: text.slice(0, 20) };
  let raw: Record<string, unknown>;
  try {
    raw = JSON.parse(strFromU8(inflateSync(fromBase64(text.slice(PREFIX.length))))) as Record<string, unknown>;
  } catch {
    return { ok: false, error: 'damaged', detail: 'not readable' };
  }
  if (!raw || typeof raw !== 'object' || raw.v !== 1) return { ok: false, error: 'damaged', detail: 'version' };
  if (raw.h !== model.hash) return { ok: false, error: 'other-version', detail: String(raw.h) };
  const { id, s, c, m, t, f, e } = raw;
  if (typeof id !== 'string' || !id || !isInt(s) || !isInt(c) || c < 0 || !Array.isArray(m)) return { ok: false, error: 'damaged', detail: 'fields' };
  const tb = tablesOf(model);
  try {
    const moves = m.map((p) => unpackMove(tb, p));
    const times = moves.map((_, i) => {
      const v = Array.isArray(t) ? t[i] : null;
      return isInt(v) && v >= 0 ? c + v * 1000 : null;
    });
    const freeText = Array.isArray(f) ? f.filter((x): x is [number, string] => Array.isArray(x) && isInt(x[0]) && x[0] >= 0 && typeof x[1] === 'string').map(([turn, txt]) => ({ turn, text: txt })) : [];
    const explainBacks = Array.isArray(e)
      ? e.filter((x): x is [number, string, number] => Array.isArray(x) && isInt(x[0]) && x[0] >= 0 && x[0] < STAGES.length && typeof x[1] === 'string').map(([stage, txt, skipped]) => ({ stage: STAGES[stage] as StageId, text: txt, skipped: skipped === 1 }))
      : [];
    return { ok: true, attempt: { id, seed: s, createdAt: c, moves, times, freeText, explainBacks } };
  } catch (error) {
    if (error instanceof UnknownItem) return { ok: false, error: 'unknown-item', detail: error.message };
    return { ok: false, error: 'damaged', detail: 'moves' };
  }
}
