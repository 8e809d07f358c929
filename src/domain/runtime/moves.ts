/**
 * What each move does to the drill's context, as pure functions. The machine's actions call these;
 * nothing here knows about XState. Every function returns a new context and never mutates its input,
 * so snapshots can be branched (the explorer) and replayed (the scorer).
 */
import { graphOf, METERS, TOUCH_CHANNELS, type Condition, type Effects, type Meters, type OptionModel, type ScenarioModel } from '../scenario/model';
import type { ChecklistItem } from '../ltc/default-checklist';
import type { ConversationStageId } from '../ltc/stages';
import { judgeLeadPlan } from '../scoring/lead-plan';
import type { DrillContext, DrillEnding, LeadPlan, Move, TranscriptEntry } from './context';
import { holds } from './conditions';
import { nextRandom } from './rng';

type Entry = TranscriptEntry;
type NewEntry = Entry extends infer E ? (E extends Entry ? Omit<E, 'turn' | 'day' | 'stage'> : never) : never;

const clamp = (v: number) => Math.max(0, Math.min(100, v));

export interface Credit {
  shown: string[];
  committed: string[];
  /** The step whose line the entry says, as `<stage or objection>/<step>`. */
  reached?: string;
}
const NO_CREDIT: Credit = { shown: [], committed: [] };

const trackedSteps = new WeakMap<ScenarioModel, ReadonlySet<string>>();
/**
 * The steps some condition of the model tests with `reached` (in the conversation, the contract or
 * the payment): the drill keeps only those in `reached`, so that a long conversation does not make
 * every move copy a long list.
 */
export function stepsTested(model: ScenarioModel): ReadonlySet<string> {
  let set = trackedSteps.get(model);
  if (set) return set;
  const refs = new Set<string>();
  const visit = (c: Condition | undefined) => c?.reached?.forEach((r) => refs.add(r));
  for (const g of [...Object.values(model.stages), ...Object.values(model.objections)]) {
    for (const step of Object.values(g.steps)) {
      step.lines.forEach((l) => visit(l.when));
      step.options.forEach((o) => visit(o.when));
    }
  }
  model.rules.forEach((r) => visit(r.when));
  model.surprises.forEach((s) => visit(s.when));
  for (const t of model.contract.terms) {
    t.says.forEach((v) => visit(v.when));
    t.agreed.forEach(visit);
  }
  model.payment.amount.forEach((v) => visit(v.when));
  model.payment.invoiceSent.forEach(visit);
  model.payment.approvals.forEach((a) => a.done.forEach(visit));
  trackedSteps.set(model, (set = refs));
  return set;
}

const itemIndex = new WeakMap<ScenarioModel, Map<string, ChecklistItem>>();
function itemsById(model: ScenarioModel): Map<string, ChecklistItem> {
  let index = itemIndex.get(model);
  if (!index) itemIndex.set(model, (index = new Map(model.checklist.map((i) => [i.id, i]))));
  return index;
}

/**
 * What a transcript entry earns towards the `shown`, `committed` and `reached` tests, exactly as the
 * scorer credits it: an option's key actions and pitfalls of the stage it counts for, the items a
 * record earns in its stage, the stage-1 items the lead plan earns, and the step a customer line says.
 * The drill applies it as entries are said; the deal status reads the transcript with it.
 */
export function creditOf(model: ScenarioModel, entry: TranscriptEntry): Credit {
  switch (entry.kind) {
    case 'rep': {
      const byId = itemsById(model);
      const counts = (kind: ChecklistItem['kind']) => (id: string) => {
        const item = byId.get(id);
        return !!item && item.kind === kind && item.stage === entry.stage && (item.auto === undefined || item.auto === 'record');
      };
      if (!entry.shows.length && !entry.commits.length) return NO_CREDIT;
      return { shown: entry.shows.filter(counts('key-action')), committed: entry.commits.filter(counts('pitfall')) };
    }
    case 'record': {
      const items = model.checklist.filter((i) => i.auto === 'record' && i.stage === entry.stage);
      return { shown: items.filter((i) => i.kind === 'key-action').map((i) => i.id), committed: items.filter((i) => i.kind === 'pitfall').map((i) => i.id) };
    }
    case 'lead-plan': {
      const earned = judgeLeadPlan(model.leads, entry.plan).earned;
      const items = model.checklist.filter((i) => i.auto && i.auto !== 'record' && earned[i.auto]);
      return { shown: items.filter((i) => i.kind === 'key-action').map((i) => i.id), committed: items.filter((i) => i.kind === 'pitfall').map((i) => i.id) };
    }
    case 'customer':
      return { ...NO_CREDIT, reached: `${entry.container}/${entry.step}` };
    default:
      return NO_CREDIT;
  }
}

/** `list` with the ids of `add` it lacks appended; `list` itself when there are none. */
function union(list: string[], add: readonly string[]): string[] {
  const fresh = add.filter((id, i) => !list.includes(id) && add.indexOf(id) === i);
  return fresh.length ? [...list, ...fresh] : list;
}

/** A working copy for one move: collects transcript entries and applies them at the end. */
class Turn {
  ctx: DrillContext;
  private entries: Entry[] = [];
  constructor(
    ctx: DrillContext,
    move: Move | null,
    private model?: ScenarioModel,
  ) {
    this.ctx = move ? { ...ctx, turn: ctx.turn + 1, log: [...ctx.log, move] } : { ...ctx };
  }
  say(entry: NewEntry) {
    const e = { turn: this.ctx.turn, day: this.ctx.day, stage: this.ctx.stage, ...entry } as Entry;
    this.entries.push(e);
    if (!this.model) return;
    const c = this.ctx;
    if (e.kind === 'customer') {
      // A line said again on resuming a step was reached before; only tested steps are kept.
      const tested = stepsTested(this.model);
      const ref = !e.resumed && tested.size ? `${e.container}/${e.step}` : undefined;
      if (ref && tested.has(ref)) c.reached = [...c.reached, ref];
      return;
    }
    if (e.kind !== 'rep' && e.kind !== 'record' && e.kind !== 'lead-plan') return;
    // Credited as it is said, so that later tests in the same move (surprises, rules) see it.
    const credit = creditOf(this.model, e);
    if (credit.shown.length) c.shown = union(c.shown, credit.shown);
    if (credit.committed.length) c.committed = union(c.committed, credit.committed);
  }
  done(recordMeters: boolean): DrillContext {
    const c = this.ctx;
    if (this.entries.length) c.transcript = [...c.transcript, ...this.entries];
    if (recordMeters) c.series = [...c.series, { turn: c.turn, day: c.day, ...c.meters }];
    return c;
  }
}

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
  c.touches = [...c.touches, { turn: c.turn, day: c.day, channel, gap, verdict }];
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
export function applyOption(model: ScenarioModel, ctx: DrillContext, option: OptionModel): DrillContext {
  const t = new Turn(ctx, { type: 'choose', option: option.id }, model);
  const e = option.effects;
  if (e.days) t.ctx.day += e.days;
  if (e.channel && TOUCH_CHANNELS.includes(e.channel)) touch(model, t, e.channel);
  t.say({ kind: 'rep', text: option.rep, option: option.id, shows: option.shows, commits: option.commits });
  applyEffects(model, t, e);
  if (option.reply) t.say({ kind: 'reply', text: option.reply });
  if (option.target.raises) t.ctx.pending = option.target.raises;
  if (option.target.ends) end(t, { outcome: option.target.ends.outcome, ...(option.target.ends.reason ? { reason: option.target.ends.reason } : {}) });
  if (e.days) drawSurprises(model, t);
  checkExhaustion(t);
  return t.done(true);
}

/** The trainee lets `days` pass without a touch. */
export function applyWait(model: ScenarioModel, ctx: DrillContext, days: number): DrillContext {
  const t = new Turn(ctx, { type: 'wait', days });
  t.ctx.day += days;
  t.say({ kind: 'wait', days });
  drawSurprises(model, t);
  checkExhaustion(t);
  return t.done(true);
}

/** The trainee writes a revealed fact into the customer record. */
export function applyRecord(model: ScenarioModel, ctx: DrillContext, fact: string): DrillContext {
  const t = new Turn(ctx, { type: 'record', fact }, model);
  t.ctx.recorded = [...t.ctx.recorded, fact];
  t.say({ kind: 'record', fact });
  return t.done(true);
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

/** Stage 1: the trainee submits the lead plan. Not pursuing the customer's lead loses the deal. */
export function applyLeadPlan(model: ScenarioModel, ctx: DrillContext, plan: LeadPlan): DrillContext {
  const t = new Turn(ctx, { type: 'leads.submit', plan }, model);
  t.ctx.leadPlan = plan;
  t.say({ kind: 'lead-plan', plan });
  if (!plan.pursue.includes(model.leads.customerLead)) end(t, { outcome: 'lost', reasonKey: 'lead-not-pursued' });
  return t.done(false);
}

/** The trainee gives up. */
export function applyAbandon(ctx: DrillContext): DrillContext {
  const t = new Turn(ctx, { type: 'abandon' });
  end(t, { outcome: 'abandoned', reasonKey: 'abandoned' });
  return t.done(false);
}

/** Entering a stage (not re-entering it after an objection). */
export function enterStage(model: ScenarioModel, ctx: DrillContext, stage: ConversationStageId): DrillContext {
  if (ctx.stage === stage) return ctx;
  const t = new Turn(ctx, null);
  t.ctx.stage = stage;
  t.ctx.stageLog = [...ctx.stageLog, { stage, day: ctx.day, turn: ctx.turn }];
  t.say({ kind: 'stage' });
  const narration = model.stages[stage].narration;
  if (narration) t.say({ kind: 'narration', text: narration });
  return t.done(false);
}

/** The customer says a step's line (the first variant whose condition holds). */
export function sayStep(model: ScenarioModel, ctx: DrillContext, container: string, stepId: string): DrillContext {
  if (ctx.ending || ctx.pending) return ctx;
  // A rule about to raise its objection speaks first; the line is said when the conversation resumes.
  if (model.rules.some((r) => r.at === ctx.stage && !ctx.firedRules.includes(r.index) && holds(r.when, ctx))) return ctx;
  const step = graphOf(model, container)?.steps[stepId];
  if (!step) return ctx;
  const t = new Turn(ctx, null, model);
  const resumed = ctx.transcript.some((e) => e.kind === 'customer' && e.container === container && e.step === stepId);
  if (step.narration && !resumed) t.say({ kind: 'narration', text: step.narration });
  const line = step.lines.find((l) => holds(l.when, ctx)) ?? step.lines[step.lines.length - 1]!;
  t.say({ kind: 'customer', text: line.text, step: stepId, container, ...(resumed ? { resumed: true } : {}) });
  return t.done(false);
}

/** An objection opens (raised by an option, a rule or a surprise). */
export function openObjection(model: ScenarioModel, ctx: DrillContext, objection: string, rule?: number): DrillContext {
  const t = new Turn(ctx, null);
  t.ctx.pending = null;
  t.ctx.raised = [...ctx.raised, objection];
  if (rule !== undefined) t.ctx.firedRules = [...ctx.firedRules, rule];
  t.say({ kind: 'objection', objection, label: model.objections[objection]?.label ?? {} });
  return t.done(false);
}

/** The attempt is over; the ending is already in the context. */
export function closeDrill(ctx: DrillContext): DrillContext {
  if (!ctx.ending) return ctx;
  const t = new Turn(ctx, null);
  t.say({ kind: 'end', ending: ctx.ending });
  return t.done(false);
}
