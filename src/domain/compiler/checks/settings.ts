/**
 * The settings pass: the checklist's configuration, the leads of stage 1, rules, surprises, the
 * starting meters, the pass marks, the cadence and the calendar — ids known, numbers in range.
 */
import { mergeChecklist } from '../checklist-merge';
import { formatPath, type DocPath } from '../source-document';
import { suggest } from '../suggest';
import type { DiagnosticArgs } from '../../diagnostics/diagnostic';
import type { CheckContext } from './context';

const opt = (s: string | undefined): DiagnosticArgs => (s ? { suggestion: s } : {});

export function checkChecklistConfig(x: CheckContext): void {
  const config = x.source.checklist ?? {};
  const defaults = mergeChecklist({});
  x.checkIds(config.remove, defaults.map((i) => i.id), 'SC016', ['checklist', 'remove']);
  for (const id of Object.keys(config.weights ?? {})) {
    if (!x.items.has(id)) x.unknown('SC016', id, [...x.items.keys()], ['checklist', 'weights', id], 'checklist.weights');
    x.range(config.weights![id], 0, 10, ['checklist', 'weights', id]);
  }
  for (const id of Object.keys(config.why ?? {})) {
    if (!x.items.has(id)) x.unknown('SC016', id, [...x.items.keys()], ['checklist', 'why', id], 'checklist.why');
  }
  config.add?.forEach((a, i) => {
    if (defaults.some((d) => d.id === a.id) && !config.remove?.includes(a.id)) x.report('SC017', ['checklist', 'add', i, 'id'], { id: a.id, where: 'checklist.add', scope: 'default-checklist' });
    x.range(a.weight, 0, 10, ['checklist', 'add', i, 'weight']);
  });
}

export function checkLeads(x: CheckContext): void {
  if (x.broken.has('leads')) return;
  const l = x.source.leads;
  const pool = l.pool.map((p) => p.id);
  const seen = new Set<string>();
  l.pool.forEach((p, i) => {
    if (seen.has(p.id)) x.report('SC017', ['leads', 'pool', i, 'id'], { id: p.id, where: 'leads.pool' });
    seen.add(p.id);
    x.range(p.size, 0, 10_000_000, ['leads', 'pool', i, 'size']);
  });
  if (!pool.includes(l['customer-lead'])) x.report('SC030', ['leads', 'customer-lead'], { kind: 'lead', id: l['customer-lead'], where: 'leads.customer-lead', ...opt(suggest(l['customer-lead'], pool)) });
  const criteria = Object.keys(l.profile.criteria);
  l.profile.ideal.forEach((id, i) => criteria.includes(id) || x.report('SC030', ['leads', 'profile', 'ideal', i], { kind: 'profile-criterion', id, where: 'leads.profile.ideal', ...opt(suggest(id, criteria)) }));
  const fields = Object.keys(l.record.fields);
  l.record.ideal.forEach((id, i) => fields.includes(id) || x.report('SC030', ['leads', 'record', 'ideal', i], { kind: 'record-field', id, where: 'leads.record.ideal', ...opt(suggest(id, fields)) }));
  x.range(l['max-pursue'], 1, Math.max(1, pool.length), ['leads', 'max-pursue']);
  if (pool.length < 3) x.report('SC034', ['leads', 'pool'], { problem: 'too-few', size: pool.length }, true);
  else if (new Set(l.pool.map((p) => p.grade)).size < 2) x.report('SC034', ['leads', 'pool'], { problem: 'one-grade' }, true);
}

export function checkRulesAndSurprises(x: CheckContext): void {
  (x.source.rules ?? []).forEach((r, i) => {
    x.checkCondition(r.when, ['rules', i, 'when']);
    x.checkRaises(r.raises, ['rules', i], 'raises');
  });
  for (const [id, s] of Object.entries(x.source.surprises ?? {})) {
    if (x.broken.has(`surprises.${id}`)) continue;
    const p: DocPath = ['surprises', id];
    x.range(s.chance, 0, 1, p, 'chance');
    x.checkCondition(s.when, [...p, 'when']);
    x.checkEffects(s.effects, [...p, 'effects']);
    x.checkRaises(s.raises, p, 'raises');
    if (s.ends?.outcome === 'won') x.report('SC028', [...p, 'ends'], { where: formatPath(p), problem: 'surprise-wins' }, true);
    if (s.raises && s.ends) x.report('SC027', p, { option: id, where: 'surprises', keys: 'raises, ends' });
  }
}

export function checkRanges(x: CheckContext): void {
  const { source } = x;
  const start = source.customer?.start;
  if (start) for (const m of ['trust', 'interest', 'patience'] as const) x.range(start[m], 0, 100, ['customer', 'start', m]);
  x.range(source.minutes, 1, 600, ['minutes']);
  x.range(source['pass-mark']?.overall, 0, 100, ['pass-mark', 'overall']);
  for (const [s, v] of Object.entries(source['pass-mark']?.stages ?? {})) x.range(v, 0, 100, ['pass-mark', 'stages', s]);
  for (const k of ['too-soon', 'too-long'] as const) {
    const rule = source.cadence?.[k];
    if (!rule) continue;
    x.range(rule.days, 0, 365, ['cadence', k, 'days']);
    for (const m of ['trust', 'interest', 'patience'] as const) x.range(rule.effects[m], -100, 100, ['cadence', k, 'effects', m]);
  }
  source.cadence?.waits?.forEach((w, i) => x.range(w, 1, 365, ['cadence', 'waits', i]));
}

/** The calendar's start date; returns whether the scenario has a calendar (for the placeholders). */
export function checkCalendar(x: CheckContext): boolean {
  const calendarStart = x.source.calendar?.start;
  if (typeof calendarStart === 'string' && !isCalendarDate(calendarStart)) x.report('SC037', ['calendar', 'start'], { where: 'calendar.start', value: calendarStart });
  return typeof calendarStart === 'string';
}

/** Whether `date` (YYYY-MM-DD) names a day of the calendar. */
export function isCalendarDate(date: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
}
