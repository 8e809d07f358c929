/**
 * What a move earns towards the checklist, computed once, when the move is applied, and kept on the
 * transcript entry it said (see `Credit`). Nothing else computes it: the scorer, the debrief, replay
 * frames, the deal status, the explorer and the cohort read the entries.
 */
import type { ChecklistItem } from '../ltc/default-checklist';
import type { StageId } from '../ltc/stages';
import type { Condition, ScenarioModel } from '../scenario/model';
import type { Credit, LeadPlan } from './context';
import { judgeLeadPlan } from './lead-plan';

export const NO_CREDIT: Credit = Object.freeze({ shown: Object.freeze([]) as unknown as string[], committed: Object.freeze([]) as unknown as string[] });

interface ItemIndex {
  byId: Map<string, ChecklistItem>;
  /** Per stage, what recording a fact there earns. */
  record: Map<StageId, Credit>;
}
const indexes = new WeakMap<ScenarioModel, ItemIndex>();
function indexOf(model: ScenarioModel): ItemIndex {
  let index = indexes.get(model);
  if (index) return index;
  const record = new Map<StageId, Credit>();
  for (const i of model.checklist) {
    if (i.auto !== 'record') continue;
    let c = record.get(i.stage);
    if (!c) record.set(i.stage, (c = { shown: [], committed: [] }));
    (i.kind === 'key-action' ? c.shown : c.committed).push(i.id);
  }
  indexes.set(model, (index = { byId: new Map(model.checklist.map((i) => [i.id, i])), record }));
  return index;
}

/**
 * An option's key actions and pitfalls that count in `stage`: items of that stage that an option
 * can earn (not the lead plan's automatic ones).
 */
export function optionCredit(model: ScenarioModel, stage: StageId, shows: readonly string[], commits: readonly string[]): Credit {
  if (!shows.length && !commits.length) return NO_CREDIT;
  // The same option lists are credited again and again: once per list and stage is enough.
  let byStage = credits.get(shows);
  if (!byStage) credits.set(shows, (byStage = new Map()));
  const key = commits.length ? `${stage} ${commits.join(' ')}` : stage;
  let credit = byStage.get(key);
  if (!credit) byStage.set(key, (credit = computeOptionCredit(model, stage, shows, commits)));
  return credit;
}
const credits = new WeakMap<readonly string[], Map<string, Credit>>();

function computeOptionCredit(model: ScenarioModel, stage: StageId, shows: readonly string[], commits: readonly string[]): Credit {
  const { byId } = indexOf(model);
  const counts = (kind: ChecklistItem['kind']) => (id: string) => {
    const item = byId.get(id);
    return !!item && item.kind === kind && item.stage === stage && (item.auto === undefined || item.auto === 'record');
  };
  return { shown: shows.filter(counts('key-action')), committed: commits.filter(counts('pitfall')) };
}

/** What recording a fact earns in `stage` (the checklist's `record` items of that stage). */
export function recordCredit(model: ScenarioModel, stage: StageId): Credit {
  return indexOf(model).record.get(stage) ?? NO_CREDIT;
}

/** The stage-1 items a lead plan earns. */
export function leadPlanCredit(model: ScenarioModel, plan: LeadPlan): Credit {
  const earned = judgeLeadPlan(model.leads, plan).earned;
  const items = model.checklist.filter((i) => i.auto && i.auto !== 'record' && earned[i.auto]);
  return { shown: items.filter((i) => i.kind === 'key-action').map((i) => i.id), committed: items.filter((i) => i.kind === 'pitfall').map((i) => i.id) };
}

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

const stepIndexes = new WeakMap<ScenarioModel, Map<string, number>>();
/** Every step of the model (stages, then objections) numbered, as `<container>/<step>` → index. */
export function stepIndex(model: ScenarioModel): Map<string, number> {
  let index = stepIndexes.get(model);
  if (index) return index;
  index = new Map();
  for (const g of [...Object.values(model.stages), ...Object.values(model.objections)]) for (const id of Object.keys(g.steps)) index.set(`${g.id}/${id}`, index.size);
  stepIndexes.set(model, index);
  return index;
}
