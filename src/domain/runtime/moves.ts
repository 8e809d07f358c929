/**
 * What each move does to the drill's context, and when it is allowed, as pure functions. The engine
 * (`engine.ts`) and the XState machine's guards and actions (`machine.ts`) both call these, so the
 * two cannot drift apart. Every function returns a new context and never mutates its input, so
 * states can be branched (the explorer) and kept (replay frames).
 */
import { graphOf, METERS, TOUCH_CHANNELS, type Effects, type Meters, type OptionModel, type Rule, type ScenarioModel } from '../scenario/model';
import type { ConversationStageId, StageId } from '../ltc/stages';
import type { DrillContext, DrillEnding, LeadPlan, Move, TranscriptEntry } from './context';
import { holds } from './conditions';
import { leadPlanCredit, optionCredit, recordCredit, stepIndex, stepsTested } from './credit';
import { nextRandom } from './rng';
import { fillPlaceholders, hasPlaceholders } from '../text/placeholders';
import type { LocalizedText } from '../text/localized-text';

type Entry = TranscriptEntry;
type NewEntry = Entry extends infer E ? (E extends Entry ? Omit<E, 'turn' | 'day' | 'stage'> : never) : never;

const clamp = (v: number) => Math.max(0, Math.min(100, v));

/** `list` with the ids of `add` it lacks appended; `list` itself when there are none. */
function union(list: string[], add: readonly string[]): string[] {
  const fresh = add.filter((id, i) => !list.includes(id) && add.indexOf(id) === i);
  return fresh.length ? [...list, ...fresh] : list;
}

// --- when a move is allowed ---------------------------------------------------------------------

/** Whether an option of the current step is offered now: its condition holds and the drill goes on. */
export function optionOffered(ctx: DrillContext, option: OptionModel): boolean {
  return !ctx.ending && holds(option.when, ctx);
}

/** Whether the trainee may wait `days` now (in a stage, not inside an objection: the engine checks where). */
export function waitAllowed(model: ScenarioModel, ctx: DrillContext, days: number): boolean {
  return model.cadence.waits.includes(days) && !ctx.ending && !ctx.pending;
}

/** Whether `fact` can be written into the customer record now. */
export function recordAllowed(ctx: DrillContext, fact: string): boolean {
  return ctx.revealed.includes(fact) && !ctx.recorded.includes(fact) && !ctx.ending;
}

/** Whether the trainee can give up now. */
export function abandonAllowed(ctx: DrillContext): boolean {
  return !ctx.ending;
}

/** Whether a lead plan names only known leads, criteria and fields, and grades every lead. */
export function isValidLeadPlan(model: ScenarioModel, plan: LeadPlan): boolean {
  const leads = new Set(model.leads.pool.map((l) => l.id));
  const criteria = new Set(model.leads.criteria.map((c) => c.id));
  const fields = new Set(model.leads.fields.map((f) => f.id));
  return (
    Array.isArray(plan?.profile) && plan.profile.every((p) => criteria.has(p)) &&
    Array.isArray(plan.pursue) && plan.pursue.length > 0 && plan.pursue.every((p) => leads.has(p)) &&
    Array.isArray(plan.record) && plan.record.every((f) => fields.has(f)) &&
    typeof plan.grades === 'object' && plan.grades !== null &&
    [...leads].every((l) => ['A', 'B', 'C'].includes(plan.grades[l] as string))
  );
}

/** Whether `rule` raises its objection now (it is `stage`'s, has not fired, and its condition holds). */
export function ruleFires(ctx: DrillContext, rule: Rule): boolean {
  return !ctx.ending && !ctx.pending && ctx.stage === rule.at && !ctx.firedRules.includes(rule.index) && holds(rule.when, ctx);
}

/** The first rule of `stage` that fires now, in file order; undefined when none does. */
export function firingRule(model: ScenarioModel, ctx: DrillContext, stage: StageId): Rule | undefined {
  for (const r of model.rules) if (r.at === stage && ruleFires(ctx, r)) return r;
  return undefined;
}

// --- what a move does ---------------------------------------------------------------------------

// --- growing the histories -------------------------------------------------------------------------
//
// The transcript, the log, the meter series and the touches only grow. Copying them on every move
// makes a long game quadratic, so a caller that will not look at the state it steps from again
// (playing a log straight through: the scorer, the cohort, a drill on the engine) may let the move
// push onto the same arrays (`reuse`). Everyone else gets new arrays and untouched inputs.

type History = 'transcript' | 'log' | 'series' | 'touches';

/** Appends `items` to `ctx[key]`: in place when reusing, else on a copy. */
function grow<K extends History>(ctx: DrillContext, key: K, items: DrillContext[K], reuse: boolean) {
  if (reuse) for (const item of items as unknown[]) (ctx[key] as unknown[]).push(item);
  else ctx[key] = [...(ctx[key] as unknown[]), ...(items as unknown[])] as DrillContext[K];
}

/** A working copy for one move: collects transcript entries and applies them at the end. */
class Turn {
  ctx: DrillContext;
  private entries: Entry[] = [];
  constructor(
    ctx: DrillContext,
    move: Move | null,
    private model: ScenarioModel,
    private reuse: boolean,
  ) {
    this.ctx = move ? { ...ctx, turn: ctx.turn + 1 } : { ...ctx };
    if (move) grow(this.ctx, 'log', [move], reuse);
  }
  /** Adds a touch to the context's touches. */
  addTouch(touch: DrillContext['touches'][number]) {
    grow(this.ctx, 'touches', [touch], this.reuse);
  }
  say(entry: NewEntry) {
    const e = { turn: this.ctx.turn, day: this.ctx.day, stage: this.ctx.stage, ...entry } as Entry;
    // Dates in a scenario with a calendar are filled in as the line is said.
    const start = this.model.calendar.start;
    if (start && 'text' in e && hasPlaceholders(e.text)) {
      const signed = this.ctx.stageLog.find((s) => s.stage === 'collection');
      (e as { text: LocalizedText }).text = fillPlaceholders(e.text, { start, day: e.day, dueDay: (signed ? signed.day : e.day) + this.model.payment.due });
    }
    this.entries.push(e);
    // Credited as it is said, so that later tests in the same move (surprises, rules) see it.
    if (e.kind === 'rep' || e.kind === 'record' || e.kind === 'lead-plan') {
      const c = this.ctx;
      if (e.credit.shown.length) c.shown = union(c.shown, e.credit.shown);
      if (e.credit.committed.length) c.committed = union(c.committed, e.credit.committed);
    }
  }
  /** Notes that the line of `container/step` is said now. */
  said(ref: string, bit: number | undefined, resumed: boolean) {
    const c = this.ctx;
    if (resumed) return;
    const tested = stepsTested(this.model);
    if (tested.size && tested.has(ref)) c.reached = [...c.reached, ref];
    if (bit === undefined) return;
    const said = this.reuse ? c.said : c.said.slice();
    while (said.length <= bit / 31) said.push(0);
    said[Math.floor(bit / 31)]! |= 1 << bit % 31;
    c.said = said;
  }
  done(recordMeters: boolean): DrillContext {
    const c = this.ctx;
    if (this.entries.length) grow(c, 'transcript', this.entries, this.reuse);
    if (recordMeters) grow(c, 'series', [{ turn: c.turn, day: c.day, ...c.meters }], this.reuse);
    return c;
  }
}

/** Whether the line of `container/step` has been said before in this drill. */
export function saidBefore(model: ScenarioModel, ctx: DrillContext, container: string, stepId: string): boolean {
  return hasSaid(ctx, stepIndex(model).get(`${container}/${stepId}`));
}
const hasSaid = (ctx: DrillContext, bit: number | undefined) => bit !== undefined && ((ctx.said[Math.floor(bit / 31)] ?? 0) & (1 << bit % 31)) !== 0;

function applyMeters(t: Turn, delta: Partial<Meters>) {
  if (!METERS.some((m) => delta[m])) return;
  const meters = { ...t.ctx.meters };
  for (const m of METERS) if (delta[m]) meters[m] = clamp(meters[m] + delta[m]!);
  t.ctx.meters = meters;
}

function applyEffects(model: ScenarioModel, t: Turn, effects: Effects) {
  applyMeters(t, effects);
  for (const fact of effects.reveals ?? []) {
    if (t.ctx.revealed.includes(fact) || !model.customer.facts[fact]) continue;
    t.ctx.revealed = [...t.ctx.revealed, fact];
    t.say({ kind: 'reveal', fact });
  }
  for (const promise of effects.promises ?? []) {
    if (t.ctx.promised.includes(promise)) continue;
    t.ctx.promised = [...t.ctx.promised, promise];
    t.say({ kind: 'promise', promise });
  }
}

function touch(model: ScenarioModel, t: Turn, channel: NonNullable<Effects['channel']>) {
  const c = t.ctx;
  const gap = c.lastTouch ? c.day - c.lastTouch.day : null;
  const { tooSoon, tooLong } = model.cadence;
  const verdict = gap === null ? 'first' : gap < tooSoon.days ? 'too-soon' : gap > tooLong.days ? 'too-long' : 'ok';
  t.addTouch({ turn: c.turn, day: c.day, channel, gap, verdict });
  c.lastTouch = { day: c.day, channel };
  if (verdict === 'too-soon' || verdict === 'too-long') {
    t.say({ kind: 'cadence', verdict, gap: gap! });
    applyMeters(t, verdict === 'too-soon' ? tooSoon.effects : tooLong.effects);
  }
}

function end(t: Turn, ending: Omit<DrillEnding, 'stage'>) {
  if (!t.ctx.ending) t.ctx.ending = { ...ending, stage: t.ctx.stage };
}

function checkExhaustion(t: Turn) {
  if (t.ctx.meters.interest <= 0) end(t, { outcome: 'lost', reasonKey: 'interest-exhausted' });
  else if (t.ctx.meters.patience <= 0) end(t, { outcome: 'stalled', reasonKey: 'patience-exhausted' });
}

/** Draws each eligible surprise once, in file order, from the context's generator. */
function drawSurprises(model: ScenarioModel, t: Turn) {
  for (const s of model.surprises) {
    const c = t.ctx;
    if (c.ending || c.firedSurprises.includes(s.id) || (s.raises && c.pending) || !holds(s.when, c)) continue;
    const [roll, rng] = nextRandom(c.rng);
    c.rng = rng;
    if (roll >= s.chance) continue;
    c.firedSurprises = [...c.firedSurprises, s.id];
    t.say({ kind: 'surprise', surprise: s.id, label: s.label, text: s.narration });
    if (s.customer) t.say({ kind: 'reply', text: s.customer });
    applyEffects(model, t, s.effects);
    if (s.raises) c.pending = s.raises;
    if (s.ends) end(t, { outcome: s.ends.outcome, ...(s.ends.reason ? { reason: s.ends.reason } : {}) });
  }
}

/** The trainee chooses one of the options offered now. */
export function applyOption(model: ScenarioModel, ctx: DrillContext, option: OptionModel, reuse = false): DrillContext {
  const t = new Turn(ctx, { type: 'choose', option: option.id }, model, reuse);
  const e = option.effects;
  if (e.days) t.ctx.day += e.days;
  if (e.channel && TOUCH_CHANNELS.includes(e.channel)) touch(model, t, e.channel);
  const credit = optionCredit(model, t.ctx.stage, option.shows, option.commits);
  t.say({ kind: 'rep', text: option.rep, option: option.id, shows: option.shows, commits: option.commits, credit });
  applyEffects(model, t, e);
  if (option.reply) t.say({ kind: 'reply', text: option.reply });
  if (option.target.raises) t.ctx.pending = option.target.raises;
  if (option.target.ends) end(t, { outcome: option.target.ends.outcome, ...(option.target.ends.reason ? { reason: option.target.ends.reason } : {}) });
  if (e.days) drawSurprises(model, t);
  checkExhaustion(t);
  return t.done(true);
}

/** The trainee lets `days` pass without a touch. */
export function applyWait(model: ScenarioModel, ctx: DrillContext, days: number, reuse = false): DrillContext {
  const t = new Turn(ctx, { type: 'wait', days }, model, reuse);
  t.ctx.day += days;
  t.say({ kind: 'wait', days });
  drawSurprises(model, t);
  checkExhaustion(t);
  return t.done(true);
}

/** The trainee writes a revealed fact into the customer record. */
export function applyRecord(model: ScenarioModel, ctx: DrillContext, fact: string, reuse = false): DrillContext {
  const t = new Turn(ctx, { type: 'record', fact }, model, reuse);
  t.ctx.recorded = [...t.ctx.recorded, fact];
  t.say({ kind: 'record', fact, credit: recordCredit(model, t.ctx.stage) });
  return t.done(true);
}

/** Stage 1: the trainee submits the lead plan. Not pursuing the customer's lead loses the deal. */
export function applyLeadPlan(model: ScenarioModel, ctx: DrillContext, plan: LeadPlan, reuse = false): DrillContext {
  const t = new Turn(ctx, { type: 'leads.submit', plan }, model, reuse);
  t.ctx.leadPlan = plan;
  t.say({ kind: 'lead-plan', plan, credit: leadPlanCredit(model, plan) });
  if (!plan.pursue.includes(model.leads.customerLead)) end(t, { outcome: 'lost', reasonKey: 'lead-not-pursued' });
  return t.done(false);
}

/** The trainee gives up. */
export function applyAbandon(model: ScenarioModel, ctx: DrillContext, reuse = false): DrillContext {
  const t = new Turn(ctx, { type: 'abandon' }, model, reuse);
  end(t, { outcome: 'abandoned', reasonKey: 'abandoned' });
  return t.done(false);
}

/** Entering a stage (not re-entering it after an objection). */
export function enterStage(model: ScenarioModel, ctx: DrillContext, stage: ConversationStageId, reuse = false): DrillContext {
  if (ctx.stage === stage) return ctx;
  const t = new Turn(ctx, null, model, reuse);
  t.ctx.stage = stage;
  t.ctx.stageLog = [...ctx.stageLog, { stage, day: ctx.day, turn: ctx.turn }];
  t.say({ kind: 'stage' });
  const narration = model.stages[stage].narration;
  if (narration) t.say({ kind: 'narration', text: narration });
  return t.done(false);
}

/** The customer says a step's line (the first variant whose condition holds). */
export function sayStep(model: ScenarioModel, ctx: DrillContext, container: string, stepId: string, reuse = false): DrillContext {
  if (ctx.ending || ctx.pending) return ctx;
  // A rule about to raise its objection speaks first; the line is said when the conversation resumes.
  if (firingRule(model, ctx, ctx.stage)) return ctx;
  const step = graphOf(model, container)?.steps[stepId];
  if (!step) return ctx;
  const t = new Turn(ctx, null, model, reuse);
  const ref = `${container}/${stepId}`;
  const bit = stepIndex(model).get(ref);
  const resumed = hasSaid(ctx, bit);
  if (step.narration && !resumed) t.say({ kind: 'narration', text: step.narration });
  const line = step.lines.find((l) => holds(l.when, ctx)) ?? step.lines[step.lines.length - 1]!;
  t.say({ kind: 'customer', text: line.text, step: stepId, container, ...(resumed ? { resumed: true } : {}) });
  t.said(ref, bit, resumed);
  return t.done(false);
}

/** An objection opens (raised by an option, a rule or a surprise). */
export function openObjection(model: ScenarioModel, ctx: DrillContext, objection: string, rule?: number, reuse = false): DrillContext {
  const t = new Turn(ctx, null, model, reuse);
  t.ctx.pending = null;
  t.ctx.raised = [...ctx.raised, objection];
  if (rule !== undefined) t.ctx.firedRules = [...ctx.firedRules, rule];
  t.say({ kind: 'objection', objection, label: model.objections[objection]?.label ?? {} });
  return t.done(false);
}

/** The attempt is over; the ending is already in the context. */
export function closeDrill(model: ScenarioModel, ctx: DrillContext, reuse = false): DrillContext {
  if (!ctx.ending) return ctx;
  const t = new Turn(ctx, null, model, reuse);
  t.say({ kind: 'end', ending: ctx.ending });
  return t.done(false);
}
