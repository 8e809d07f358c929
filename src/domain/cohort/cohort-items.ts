/**
 * Where a cohort breaks: the pitfalls committed and key actions missed most often, each with the
 * moments (attempt and move) the dashboard links to; and, at each decision point, how the cohort's
 * choices split against the exemplar's.
 */
import { stageIndex, type StageId } from '../ltc/stages';
import type { Grade } from '../scenario/model';
import type { LocalizedText } from '../text/localized-text';
import type { AttemptAnalysis } from './analyze-attempt';

/** A moment in an attempt's replay: the frame of move `turn`. */
export interface Moment {
  attemptId: string;
  trainee: string;
  turn: number;
}

export interface ItemFrequency {
  stage: StageId;
  /** The checklist item. */
  id: string;
  /** Attempts that committed (or missed) it … */
  attempts: number;
  /** … out of this many (for a missed key action: the attempts that reached its stage). */
  of: number;
  share: number;
  /** Times committed in all (a pitfall can be committed more than once per attempt). */
  occurrences: number;
  /** Each commit; for a missed key action, the move that entered the stage. */
  moments: Moment[];
}

const byFrequency = (a: ItemFrequency, b: ItemFrequency) =>
  b.attempts - a.attempts || b.occurrences - a.occurrences || stageIndex(a.stage) - stageIndex(b.stage) || a.id.localeCompare(b.id);

function tally(
  attempts: readonly AttemptAnalysis[],
  itemsOf: (a: AttemptAnalysis) => { stage: StageId; id: string; turns: number[] }[],
  ofFor: (stage: StageId) => number,
): ItemFrequency[] {
  const items = new Map<string, ItemFrequency>();
  for (const a of attempts) {
    for (const { stage, id, turns } of itemsOf(a)) {
      const key = `${stage}\u0000${id}`;
      let item = items.get(key);
      if (!item) items.set(key, (item = { stage, id, attempts: 0, of: ofFor(stage), share: 0, occurrences: 0, moments: [] }));
      item.attempts++;
      item.occurrences += turns.length;
      for (const turn of turns) item.moments.push({ attemptId: a.attemptId, trainee: a.trainee, turn });
    }
  }
  for (const item of items.values()) item.share = item.of ? item.attempts / item.of : 0;
  return [...items.values()].sort(byFrequency);
}

/** Pitfalls by the number of attempts that committed them, most frequent first. */
export function pitfallFrequencies(attempts: readonly AttemptAnalysis[]): ItemFrequency[] {
  return tally(attempts, (a) => a.pitfalls, () => attempts.length);
}

/** Key actions by the number of attempts that reached their stage and missed them, most frequent first. */
export function missedKeyActionFrequencies(attempts: readonly AttemptAnalysis[]): ItemFrequency[] {
  const reached = (stage: StageId) => attempts.filter((a) => a.stagesReached.includes(stage)).length;
  return tally(
    attempts,
    (a) =>
      a.missedKeyActions.map(({ stage, id }) => {
        const entered = a.stages.find((s) => s.stage === stage)?.enteredAt ?? 0;
        return { stage, id, turns: [Math.max(entered, 1)] }; // stage 1 is judged at move 1, the lead plan
      }),
    reached,
  ).map((i) => ({ ...i, occurrences: i.attempts }));
}

export interface DecisionSplit {
  scenario: { id: string; version: string; hash: string };
  /** `<stage or objection>/<step>`. */
  point: string;
  stage: StageId;
  /** The exemplar's option here, or null when it never decides here (or no exemplar was given). */
  exemplar: string | null;
  /** Attempts that decided here (each counted once, by its first choice here). */
  total: number;
  /** Of those, the attempts that chose the exemplar's option. */
  matching: number;
  /** Every option chosen here, most chosen first. */
  choices: { option: string; count: number }[];
  /**
   * The customer's lines the trainees were answering here, most seen first: one per variant of the
   * step's line (`text` as the first attempt to see it had it, dates filled). `count` attempts saw it;
   * the attempts whose line is unknown are not counted.
   */
  lines: { variant: number | null; text: LocalizedText; count: number }[];
}

/** How the cohort planned one lead of stage 1. */
export interface LeadSplit {
  lead: string;
  expected: Grade;
  /** The lead the scenario is about (the expert pursues it). */
  shouldPursue: boolean;
  /** Plans that graded it A, B, C, or gave it no grade. */
  grades: Record<Grade | 'none', number>;
  /** Plans that gave the expected grade. */
  right: number;
  /** Plans that pursued it. */
  pursued: number;
}

/** The lead plans of one scenario version: each lead as the cohort graded and pursued it, in the scenario's order. */
export interface LeadPlanSplit {
  scenario: { id: string; version: string; hash: string };
  /** Attempts that submitted a plan. */
  plans: number;
  leads: LeadSplit[];
}

const sameText = (a: LocalizedText, b: LocalizedText) => JSON.stringify(a) === JSON.stringify(b);

/**
 * How the cohort's choices split at each decision point of each scenario version, ordered by stage
 * and then by when attempts typically reach the point.
 */
export function decisionSplits(attempts: readonly AttemptAnalysis[]): DecisionSplit[] {
  const splits = new Map<string, DecisionSplit & { turns: number }>();
  for (const a of attempts) {
    const seen = new Set<string>();
    for (const d of a.decisions) {
      if (seen.has(d.point)) continue;
      seen.add(d.point);
      const key = `${a.scenario.hash}\u0000${d.point}`;
      let s = splits.get(key);
      if (!s) splits.set(key, (s = { scenario: { ...a.scenario }, point: d.point, stage: d.stage, exemplar: null, total: 0, matching: 0, choices: [], lines: [], turns: 0 }));
      s.exemplar ??= d.exemplar;
      const said = d.line;
      if (said) {
        const same = s.lines.find((l) => (said.variant === null ? l.variant === null && sameText(l.text, said.text) : l.variant === said.variant));
        if (same) same.count++;
        else s.lines.push({ variant: said.variant, text: said.text, count: 1 });
      }
      s.total++;
      s.turns += d.turn;
      const choice = s.choices.find((c) => c.option === d.chosen);
      if (choice) choice.count++;
      else s.choices.push({ option: d.chosen, count: 1 });
    }
  }
  return [...splits.values()]
    .map(({ turns, ...s }) => ({
      ...s,
      matching: s.exemplar ? (s.choices.find((c) => c.option === s.exemplar)?.count ?? 0) : 0,
      choices: s.choices.sort((x, y) => y.count - x.count || x.option.localeCompare(y.option)),
      lines: s.lines.sort((x, y) => y.count - x.count || (x.variant ?? Infinity) - (y.variant ?? Infinity)),
      order: turns / s.total,
    }))
    .sort((x, y) => x.scenario.id.localeCompare(y.scenario.id) || x.scenario.hash.localeCompare(y.scenario.hash) || stageIndex(x.stage) - stageIndex(y.stage) || x.order - y.order || x.point.localeCompare(y.point))
    .map(({ order: _order, ...s }) => s);
}

/** How the cohort planned each lead, per scenario version (versions whose attempts submitted no plan are left out). */
export function leadPlanSplits(attempts: readonly AttemptAnalysis[]): LeadPlanSplit[] {
  const splits = new Map<string, LeadPlanSplit>();
  for (const a of attempts) {
    if (!a.leadPlan) continue;
    let s = splits.get(a.scenario.hash);
    if (!s) splits.set(a.scenario.hash, (s = { scenario: { ...a.scenario }, plans: 0, leads: [] }));
    s.plans++;
    for (const l of a.leadPlan) {
      let lead = s.leads.find((x) => x.lead === l.lead);
      if (!lead) s.leads.push((lead = { lead: l.lead, expected: l.expected, shouldPursue: l.shouldPursue, grades: { A: 0, B: 0, C: 0, none: 0 }, right: 0, pursued: 0 }));
      lead.grades[l.given ?? 'none']++;
      if (l.given === l.expected) lead.right++;
      if (l.pursued) lead.pursued++;
    }
  }
  return [...splits.values()].sort((x, y) => x.scenario.id.localeCompare(y.scenario.id) || x.scenario.hash.localeCompare(y.scenario.hash));
}
