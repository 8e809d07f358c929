/**
 * Whether the dialogue holds together off the expert path: a breadth-first search over real play
 * (the engine, from the expert lead plan, for each seed searched) that looks at every customer line said
 * and reports
 * - a line said while what it `assumes` (the step's, or the variant's said) does not hold: a reply
 *   that takes for granted a proposal never made, a price never quoted (SC042);
 * - a step whose variants all have a `when`, said when none holds: the player falls back to the
 *   last variant, whose condition is false (SC043).
 * Each finding comes with a shortest sequence of moves that reaches it (breadth first). States that
 * agree on everything a condition of the scenario can test (options, rules, surprises and the lines
 * themselves; meters by region, cut at every threshold) are visited once, so a finding is always
 * real, and when the search ends before its budget every class of state it can reach was seen;
 * at the budget it says so (`bounded`).
 */
import { graphOf, METERS, type Condition, type Meter, type ScenarioModel, type StepModel } from '../scenario/model';
import type { DrillContext, DrillState, Move } from '../runtime/context';
import { holds } from '../runtime/conditions';
import { initial, isRefusal, step } from '../runtime/engine';
import { expertLeadPlan } from '../runtime/lead-plan';
import { saidBefore } from '../runtime/moves';
import { candidateMoves } from './candidates';
import type { Locator } from './deal-diagnostics';
import type { Diagnostic } from '../diagnostics/diagnostic';
import { bitsOf, relevanceOf, type Relevance } from './relevance';
import { stepIndex } from '../runtime/credit';

/** The first test of a condition that does not hold: its name and what it tests. */
export interface FailedTest {
  /** A condition key: `trust`, `revealed`, `not-promised`, `reached`, `stage`… */
  test: string;
  /** The id it names, the meter test (`>= 40`), or the stages listed. */
  value: string;
}

export interface CoherenceFinding {
  kind: 'assumes' | 'silent';
  /** `stages` or `objections`, and the stage or objection id. */
  section: 'stages' | 'objections';
  container: string;
  step: string;
  /** The variant whose `assumes` failed (absent: the step's own `assumes`; for `silent`, none). */
  variant?: number;
  /** What failed (for `silent`: the last variant's first failing test). */
  failed: FailedTest;
  /** What the line assumes, as written (`assumes` findings). */
  assumed?: string;
  /** The seed and the moves after the lead plan that reach it. */
  seed: number;
  moves: Move[];
}

export interface CoherenceReport {
  findings: CoherenceFinding[];
  /** How many lines the search checks: steps and variants with `assumes`, steps whose variants all have `when`. */
  checked: number;
  states: number;
  /** True when a search stopped at its budget: lines were then checked only on the paths it found. */
  bounded: boolean;
  maxStates: number;
}

export interface CoherenceOptions {
  seeds?: number[];
  /** State budget of the search, per seed. */
  maxStates?: number;
  maxWaitsInARow?: number;
}

/** The search's defaults: one seed, at most one wait in a row (a wait lets surprises happen), and its state budget. */
export const COHERENCE_DEFAULTS = { seeds: [1], maxStates: 200_000, maxWaitsInARow: 1 } as const;

const meterOp = (m: NonNullable<Condition['meters']>[number]) => `${m.op} ${m.value}`;

/**
 * The first test of `c` that fails in `ctx`, or null when it holds. `reached` is read from the
 * steps said (`said`), so that it needs no tracking in play; `self` is the step being said, which
 * counts as reached only when it is said again.
 */
export function failedTest(model: ScenarioModel, c: Condition | undefined, ctx: DrillContext, self?: { ref: string; resumed: boolean }): FailedTest | null {
  if (!c) return null;
  for (const m of c.meters ?? []) if (!holds({ meters: [m] }, ctx)) return { test: m.meter, value: meterOp(m) };
  const lists: [keyof Condition, string, readonly string[], boolean][] = [
    ['revealed', 'revealed', ctx.revealed, true],
    ['notRevealed', 'not-revealed', ctx.revealed, false],
    ['promised', 'promised', ctx.promised, true],
    ['notPromised', 'not-promised', ctx.promised, false],
    ['recorded', 'recorded', ctx.recorded, true],
    ['shown', 'shown', ctx.shown, true],
    ['committed', 'committed', ctx.committed, true],
  ];
  for (const [field, test, list, want] of lists) {
    for (const id of (c[field] as string[] | undefined) ?? []) if (list.includes(id) !== want) return { test, value: id };
  }
  for (const ref of c.reached ?? []) {
    const [container = '', stepId = ''] = ref.split('/');
    const said = self && ref === self.ref ? self.resumed : saidBefore(model, ctx, container, stepId);
    if (!said) return { test: 'reached', value: ref };
  }
  if (c.stage && !c.stage.includes(ctx.stage)) return { test: 'stage', value: c.stage.join(', ') };
  return null;
}

/** The steps said `reached` tests in what lines assume (not tracked in play): part of the state's key. */
function assumedSteps(model: ScenarioModel): string[] {
  const refs = new Set<string>();
  for (const g of [...Object.values(model.stages), ...Object.values(model.objections)]) {
    for (const s of Object.values(g.steps)) for (const c of [s.assumes, ...s.lines.map((l) => l.assumes)]) c?.reached?.forEach((r) => refs.add(r));
  }
  return [...refs];
}

/** Per meter, the values at which some condition of the model (lines included) changes its answer, and 1 (0 ends the deal). */
function thresholds(model: ScenarioModel): Record<Meter, number[]> {
  const cuts: Record<Meter, Set<number>> = { trust: new Set(), interest: new Set([1]), patience: new Set([1]) };
  const cut = (c: Condition | undefined) => c?.meters?.forEach((m) => cuts[m.meter].add(m.value).add(m.value + 1));
  for (const g of [...Object.values(model.stages), ...Object.values(model.objections)]) {
    for (const s of Object.values(g.steps)) [s.assumes, ...s.lines.flatMap((l) => [l.when, l.assumes]), ...s.options.map((o) => o.when)].forEach(cut);
  }
  model.rules.forEach((r) => cut(r.when));
  model.surprises.forEach((x) => cut(x.when));
  return Object.fromEntries(METERS.map((m) => [m, [...cuts[m]].sort((a, b) => a - b)])) as Record<Meter, number[]>;
}

/**
 * The class of a state for this search: where the conversation is (and returns to), the stage, each
 * meter's region between the thresholds conditions test, the ids conditions (lines included) can
 * still test, the rules and surprises fired, the steps said that lines assume, and the waits in a
 * row. What only changes the future by amounts (exact meters, the calendar, the generator) is left
 * out: two states of one class say the same lines now, and the search goes on from the first found.
 */
function coherenceKey(model: ScenarioModel, rel: Relevance, cuts: Record<Meter, number[]>, assumed: string[], st: DrillState, waits: number): string {
  const c = st.context;
  const r = rel.byStage.get(c.stage)!;
  const steps = stepIndex(model);
  const p = st.position;
  const at = p.phase === 'stage' ? steps.get(`${p.stage}/${p.step}`) : p.phase === 'objection' ? steps.get(`${p.objection}/${p.step}`) : p.phase;
  const back = p.phase === 'objection' && st.resume ? steps.get(`${st.resume.stage}/${st.resume.step}`) : '';
  const region = (m: Meter) => {
    const v = c.meters[m];
    let i = 0;
    while (i < cuts[m].length && v >= cuts[m][i]!) i++;
    return i;
  };
  const said = assumed.map((ref) => (saidBefore(model, c, ...(ref.split('/') as [string, string])) ? 1 : 0)).join('');
  return [
    at,
    back,
    c.stage,
    region('trust'),
    region('interest'),
    region('patience'),
    bitsOf(c.revealed, r.revealed),
    bitsOf(c.promised, r.promised),
    bitsOf(c.recorded, r.recorded),
    bitsOf(c.shown, r.shown),
    bitsOf(c.committed, r.committed),
    bitsOf(c.reached, r.reached),
    bitsOf(c.firedRules, r.rules),
    bitsOf(c.firedSurprises, r.surprises),
    said,
    waits,
  ].join(',');
}

const allConditioned = (s: StepModel) => s.lines.length > 0 && s.lines.every((l) => l.when);
const needsCheck = (s: StepModel) => !!s.assumes || s.lines.some((l) => l.assumes) || allConditioned(s);

/** How many lines of the model the check looks at. */
function countChecked(model: ScenarioModel): number {
  let n = 0;
  for (const g of [...Object.values(model.stages), ...Object.values(model.objections)]) {
    for (const s of Object.values(g.steps)) n += (s.assumes ? 1 : 0) + s.lines.filter((l) => l.assumes).length + (allConditioned(s) ? 1 : 0);
  }
  return n;
}

/** Runs the search; a model with nothing to check is not searched. */
export function coherence(model: ScenarioModel, options: CoherenceOptions = {}): CoherenceReport {
  const seeds = options.seeds ?? [...COHERENCE_DEFAULTS.seeds];
  const maxStates = options.maxStates ?? COHERENCE_DEFAULTS.maxStates;
  const maxWaitsInARow = options.maxWaitsInARow ?? COHERENCE_DEFAULTS.maxWaitsInARow;
  const checked = countChecked(model);
  const report: CoherenceReport = { findings: [], checked, states: 0, bounded: false, maxStates };
  if (!checked) return report;
  const rel = relevanceOf(model, { lines: true });
  const assumed = assumedSteps(model);
  const cuts = thresholds(model);
  const found = new Map<string, CoherenceFinding>();
  const plan = expertLeadPlan(model.leads);

  for (const seed of seeds) {
    const zero = initial(model, seed);
    const start = step(model, zero, { type: 'leads.submit', plan });
    if (isRefusal(start)) continue;
    // Breadth first: a node's moves are its parent's and one more.
    const parents: number[] = [-1];
    const movesOf: (Move | null)[] = [null];
    const pathTo = (i: number) => {
      const out: Move[] = [];
      for (let n = i; n > 0; n = parents[n]!) out.push(movesOf[n]!);
      return out.reverse();
    };
    const look = (before: DrillState, after: DrillState, node: number) => {
      const t = after.context.transcript;
      for (let i = before.context.transcript.length; i < t.length; i++) {
        const e = t[i]!;
        if (e.kind !== 'customer') continue;
        const g = graphOf(model, e.container);
        const s = g?.steps[e.step];
        if (!g || !s || !needsCheck(s)) continue;
        const ref = `${e.container}/${e.step}`;
        const resumed = !!e.resumed;
        // The context as the line was chosen: the step itself not yet among those reached.
        const ctx = resumed ? after.context : { ...after.context, reached: after.context.reached.filter((r) => r !== ref) };
        const self = { ref, resumed };
        const section = e.container in model.objections && !(e.container in model.stages) ? 'objections' : 'stages';
        const note = (k: string, f: Omit<CoherenceFinding, 'seed' | 'moves' | 'section' | 'container' | 'step'>) => {
          if (!found.has(k)) found.set(k, { ...f, section, container: e.container, step: e.step, seed, moves: pathTo(node) });
        };
        const chosen = s.lines.findIndex((l) => holds(l.when, ctx));
        const own = failedTest(model, s.assumes, ctx, self);
        if (own) note(`${ref}:assumes`, { kind: 'assumes', failed: own, assumed: conditionText(s.assumes!) });
        if (chosen < 0 && allConditioned(s)) {
          const last = s.lines[s.lines.length - 1]!;
          note(`${ref}:silent`, { kind: 'silent', failed: failedTest(model, last.when, ctx, self) ?? { test: '', value: '' } });
        }
        const v = chosen < 0 ? s.lines.length - 1 : chosen;
        const fv = failedTest(model, s.lines[v]!.assumes, ctx, self);
        if (fv) note(`${ref}:${v}`, { kind: 'assumes', variant: v, failed: fv, assumed: conditionText(s.lines[v]!.assumes!) });
      }
    };
    const keyOf = (st: DrillState, waits: number) => coherenceKey(model, rel, cuts, assumed, st, waits);
    look(zero, start, 0);
    if (start.position.phase === 'ended') continue;
    const seen = new Set<string>([keyOf(start, 0)]);
    let queue: { state: DrillState; waits: number; node: number }[] = [{ state: start, waits: 0, node: 0 }];
    let states = 0;
    search: while (queue.length) {
      const next: typeof queue = [];
      for (const n of queue) {
        if (states >= maxStates) {
          report.bounded = true;
          break search;
        }
        states++;
        for (const move of candidateMoves(model, n.state, n.waits, maxWaitsInARow)) {
          const after = step(model, n.state, move);
          if (isRefusal(after)) continue;
          const waits = move.type === 'wait' ? n.waits + 1 : 0;
          const key = after.position.phase === 'ended' ? null : keyOf(after, waits);
          if (key !== null && seen.has(key)) continue;
          parents.push(n.node);
          movesOf.push(move);
          const node = parents.length - 1;
          look(n.state, after, node);
          if (key === null) continue;
          seen.add(key);
          next.push({ state: after, waits, node });
        }
      }
      queue = next;
    }
    report.states += states;
  }
  report.findings = [...found.values()];
  return report;
}

/** A sequence of moves as the ids a trainer finds in the file: `discovery/ask/2 → wait 3 → record pains`. */
export function describeMoves(moves: readonly Move[]): string {
  return moves
    .map((m) => (m.type === 'choose' ? m.option : m.type === 'wait' ? `wait ${m.days}` : m.type === 'record' ? `record ${m.fact}` : m.type))
    .join(' → ');
}

type DocPath = readonly (string | number)[];

/** A condition as it is written in the file: `{ promised: [meeting], trust: ">= 40" }`. */
export function conditionText(c: Condition): string {
  const list = (ids: readonly string[]) => `[${ids.join(', ')}]`;
  const parts = [
    ...(c.meters ?? []).map((m) => `${m.meter}: "${meterOp(m)}"`),
    ...(
      [
        ['revealed', c.revealed],
        ['not-revealed', c.notRevealed],
        ['promised', c.promised],
        ['not-promised', c.notPromised],
        ['recorded', c.recorded],
        ['shown', c.shown],
        ['committed', c.committed],
        ['reached', c.reached],
        ['stage', c.stage],
      ] as const
    ).flatMap(([key, ids]) => (ids ? [`${key}: ${list(ids)}`] : [])),
  ];
  return `{ ${parts.join(', ')} }`;
}
/** `stages.discovery.steps.ask.customer[1].assumes`: a place in the document, as messages name it. */
const formatPath = (path: DocPath) => path.reduce<string>((out, seg) => (typeof seg === 'number' ? `${out}[${seg}]` : out ? `${out}.${seg}` : seg), '');

/**
 * The findings as diagnostics at the `assumes` key (SC042) or the step's `customer` key (SC043), and
 * SC044 at the top when the search stopped at its budget before it had seen every class of state.
 */
export function coherenceDiagnostics(report: CoherenceReport, src: Locator): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const f of report.findings) {
    const place: DocPath = [f.section, f.container, 'steps', f.step];
    const path = describeMoves(f.moves);
    if (f.kind === 'silent') {
      const at = [...place, 'customer'];
      out.push(src.at('SC043', at, { where: formatPath(at), path, kind: f.failed.test, value: f.failed.value }, true));
    } else {
      const at = f.variant === undefined ? [...place, 'assumes'] : [...place, 'customer', f.variant, 'assumes'];
      out.push(src.at('SC042', at, { where: formatPath(at), assumed: f.assumed ?? '', kind: f.failed.test, value: f.failed.value, path }, true));
    }
  }
  if (report.bounded) out.push(src.at('SC044', [], { states: report.maxStates, checked: report.checked }));
  return out;
}
