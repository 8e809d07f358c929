/**
 * When a file has shape errors, the semantic checks still run on the parts that are valid, so a
 * trainer sees every problem at once. Broken pieces become placeholders that keep their ids (so
 * references to them do not cascade into more errors) and are marked so that checks skip them.
 */
import { CONVERSATION_STAGES } from '../ltc/stages';
import type { ScenarioSource } from '../scenario/schema';
import type { DocPath } from './source-document';

export interface Salvaged {
  source: ScenarioSource;
  /** Dotted paths of placeholders: `stages.discovery`, `stages.discovery.steps.x`, `surprises.y`, `leads`, … */
  broken: Set<string>;
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);
const placeholderStep = { customer: '', options: [] };

/** Returns the document as a scenario source with its broken parts replaced by marked placeholders. */
export function salvage(value: unknown, brokenPaths: readonly DocPath[]): Salvaged {
  const broken = new Set<string>();
  const root: Obj = isObj(value) ? { ...value } : {};
  const hits = (prefix: DocPath) => brokenPaths.some((p) => prefix.every((seg, i) => p[i] === seg));
  const hitsExactly = (prefix: DocPath, depth: number) =>
    brokenPaths.some((p) => prefix.every((seg, i) => p[i] === seg) && p.length <= depth);

  const graph = (section: 'stages' | 'objections', id: string, raw: unknown): Obj => {
    const g: Obj = isObj(raw) ? { ...raw } : {};
    const steps: Obj = isObj(g.steps) ? { ...g.steps } : {};
    for (const stepId of Object.keys(steps)) {
      if (hits([section, id, 'steps', stepId])) {
        steps[stepId] = placeholderStep;
        broken.add(`${section}.${id}.steps.${stepId}`);
      }
    }
    if (hitsExactly([section, id], 3) || typeof g.start !== 'string') broken.add(`${section}.${id}`);
    return { label: '', ...g, start: typeof g.start === 'string' ? g.start : (Object.keys(steps)[0] ?? ''), steps };
  };

  if (hits([]) && brokenPaths.some((p) => p.length === 0)) broken.add('root');

  const stages: Obj = isObj(root.stages) ? { ...root.stages } : {};
  for (const s of CONVERSATION_STAGES) stages[s] = graph('stages', s, stages[s]);
  root.stages = stages;

  const objections: Obj = isObj(root.objections) ? { ...root.objections } : {};
  for (const id of Object.keys(objections)) objections[id] = graph('objections', id, objections[id]);
  root.objections = objections;

  const customer: Obj = isObj(root.customer) ? { ...root.customer } : {};
  const facts: Obj = isObj(customer.facts) ? { ...customer.facts } : {};
  for (const id of Object.keys(facts)) {
    if (hits(['customer', 'facts', id])) {
      facts[id] = { kind: 'other', label: '', text: '' };
      broken.add(`customer.facts.${id}`);
    }
  }
  customer.facts = facts;
  if (hits(['customer', 'start']) || !isObj(customer.start)) customer.start = { trust: 50, interest: 50, patience: 50 };
  root.customer = customer;

  if (hits(['leads']) || !isObj(root.leads)) broken.add('leads');

  if (Array.isArray(root.rules)) root.rules = root.rules.filter((_, i) => !hits(['rules', i]));
  else if (root.rules !== undefined) root.rules = [];

  const surprises: Obj = isObj(root.surprises) ? { ...root.surprises } : {};
  for (const id of Object.keys(surprises)) {
    if (hits(['surprises', id])) {
      surprises[id] = { label: '', chance: 0, narration: '' };
      broken.add(`surprises.${id}`);
    }
  }
  root.surprises = surprises;

  // The deal sections: a broken term or approval is left out; a broken section, entirely.
  if (root.contract !== undefined) {
    const terms = isObj(root.contract) && isObj(root.contract.terms) ? { ...root.contract.terms } : null;
    if (!terms || hitsExactly(['contract'], 2)) delete root.contract;
    else {
      for (const id of Object.keys(terms)) if (hits(['contract', 'terms', id])) delete terms[id];
      root.contract = { ...(root.contract as Obj), terms };
    }
  }
  if (root.payment !== undefined) {
    if (!isObj(root.payment) || hitsExactly(['payment'], 1)) delete root.payment;
    else {
      const payment: Obj = { ...root.payment };
      for (const key of ['amount', 'due', 'invoice']) if (hits(['payment', key])) delete payment[key];
      if (payment.approvals !== undefined) {
        const approvals = isObj(payment.approvals) && !hitsExactly(['payment', 'approvals'], 2) ? { ...payment.approvals } : null;
        if (approvals) for (const id of Object.keys(approvals)) if (hits(['payment', 'approvals', id])) delete approvals[id];
        if (approvals) payment.approvals = approvals;
        else delete payment.approvals;
      }
      root.payment = payment;
    }
  }

  if (root.promises !== undefined && !isObj(root.promises)) root.promises = {};
  if (hits(['checklist'])) root.checklist = {};
  if (hits(['cadence'])) root.cadence = {};
  if (hits(['pass-mark'])) root['pass-mark'] = {};
  if (!Array.isArray(root.languages) || hits(['languages'])) root.languages = ['en', 'zh-CN'].filter((l) => Array.isArray(root.languages) && root.languages.includes(l));
  return { source: root as unknown as ScenarioSource, broken };
}
