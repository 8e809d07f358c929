/**
 * The checked, compiled scenario: what the runtime, the scorer and the explorer consume. It is plain
 * JSON (a precompiled model can be stored and loaded without the compiler) and versioned.
 */
import type { ChecklistItem } from '../ltc/default-checklist';
import type { ConversationStageId, StageId } from '../ltc/stages';
import type { Locale, LocalizedText } from '../text/localized-text';

export const MODEL_FORMAT = 1;

export type Meter = 'trust' | 'interest' | 'patience';
export const METERS: readonly Meter[] = ['trust', 'interest', 'patience'];
export type Meters = Record<Meter, number>;

export type Comparison = '<' | '<=' | '>' | '>=' | '==' | '!=';
export interface Condition {
  meters?: { meter: Meter; op: Comparison; value: number }[];
  revealed?: string[];
  notRevealed?: string[];
  promised?: string[];
  notPromised?: string[];
  recorded?: string[];
  /** Key actions shown so far in the attempt (as the scorer credits them). */
  shown?: string[];
  /** Pitfalls committed so far in the attempt (as the scorer counts them). */
  committed?: string[];
  /** Steps whose line has been said so far, as `<stage or objection>/<step>`. */
  reached?: string[];
  stage?: StageId[];
}

export type Channel = 'call' | 'video' | 'email' | 'visit' | 'materials' | 'wait';
export const TOUCH_CHANNELS: readonly Channel[] = ['call', 'video', 'email', 'visit', 'materials'];

export interface Effects {
  trust?: number;
  interest?: number;
  patience?: number;
  days?: number;
  channel?: Channel;
  reveals?: string[];
  promises?: string[];
}

export type Outcome = 'won' | 'lost' | 'stalled';
export interface Ending {
  outcome: Outcome;
  reason?: LocalizedText;
}

/** Where an option leads. `raises` can combine with `step`/`stage`; then the objection opens first. */
export interface OptionTarget {
  step?: string;
  stage?: ConversationStageId;
  ends?: Ending;
  raises?: string;
  resolves?: boolean;
}

export interface OptionModel {
  /** Globally unique: `<container>/<step>/<id>`. */
  id: string;
  rep: LocalizedText;
  reply?: LocalizedText;
  shows: string[];
  commits: string[];
  when?: Condition;
  effects: Effects;
  target: OptionTarget;
  /** Why the option is right, or what makes it a mistake. */
  why?: LocalizedText;
}

export interface LineVariant {
  when?: Condition;
  /** A step's line only: what the line takes for granted, whenever it is said (checked, never played). */
  assumes?: Condition;
  text: LocalizedText;
}

export interface StepModel {
  id: string;
  narration?: LocalizedText;
  lines: LineVariant[];
  /** What the step's line (whichever variant) takes for granted, whenever it is said (checked, never played). */
  assumes?: Condition;
  options: OptionModel[];
}

/** A stage's graph or an objection's tree. */
export interface StepGraph {
  id: string;
  start: string;
  narration?: LocalizedText;
  steps: Record<string, StepModel>;
}

export interface ObjectionModel extends StepGraph {
  label: LocalizedText;
}

export interface Fact {
  id: string;
  kind: 'pains' | 'scenario' | 'decision-chain' | 'budget-cycle' | 'payment-process' | 'competitors' | 'other';
  label: LocalizedText;
  text: LocalizedText;
}

/** Someone other than the customer contact who speaks, or a document quoted. */
export interface Person {
  id: string;
  name: LocalizedText;
  role?: LocalizedText;
  side: 'customer' | 'ours' | 'document';
}

export type Grade = 'A' | 'B' | 'C';
export interface Lead {
  id: string;
  company: LocalizedText;
  size: number;
  industry: LocalizedText;
  source: LocalizedText;
  signals: LocalizedText[];
  notes?: LocalizedText;
  grade: Grade;
}

export interface LeadStageModel {
  brief: LocalizedText;
  customerLead: string;
  maxPursue: number;
  criteria: { id: string; label: LocalizedText }[];
  idealProfile: string[];
  fields: { id: string; label: LocalizedText }[];
  idealRecord: string[];
  pool: Lead[];
}

export interface CadenceRule {
  days: number;
  effects: Partial<Meters>;
}

export interface Cadence {
  tooSoon: CadenceRule;
  tooLong: CadenceRule;
  waits: number[];
}

export interface Rule {
  index: number;
  at: ConversationStageId;
  when: Condition;
  raises: string;
}

export interface Surprise {
  id: string;
  label: LocalizedText;
  chance: number;
  when?: Condition;
  narration: LocalizedText;
  customer?: LocalizedText;
  effects: Effects;
  raises?: string;
  ends?: Ending;
}

export type TermKind = 'scope' | 'price' | 'payment-dates' | 'documents' | 'other';

/** One line of the terms checklist shown during contract signing. */
export interface ContractTerm {
  id: string;
  kind: TermKind;
  label: LocalizedText;
  /** What the contract says: the first variant whose condition holds (none: nothing to quote). */
  says: LineVariant[];
  /** Agreed once any of these holds (each only tests what stays true once it holds). */
  agreed: Condition[];
}

export interface PaymentApproval {
  id: string;
  label: LocalizedText;
  /** Done once any of these holds. */
  done: Condition[];
}

/** The payment tracker shown during payment collection. */
export interface PaymentPlan {
  /** The amount: the first variant whose condition holds (none: not stated). */
  amount: LineVariant[];
  /** Days after collection begins (the contract is signed) that payment is due. */
  due: number;
  /** Once collection has begun, the invoice counts as sent when any of these holds. */
  invoiceSent: Condition[];
  approvals: PaymentApproval[];
}

export interface ScenarioModel {
  format: typeof MODEL_FORMAT;
  id: string;
  version: string;
  /** Content hash of the source text: saved attempts record it. */
  hash: string;
  title: LocalizedText;
  summary: LocalizedText;
  industry: LocalizedText;
  difficulty: 'intro' | 'intermediate' | 'advanced';
  minutes: number;
  languages: Locale[];
  author: string;
  passMark: { overall: number; stages: Record<StageId, number> };
  customer: {
    name: LocalizedText;
    role: LocalizedText;
    company: { name: LocalizedText; size: number; industry: LocalizedText };
    rhythm: 'fast' | 'deliberate' | 'consensus';
    start: Meters;
    facts: Record<string, Fact>;
    /** Everyone else who speaks, by id. */
    team: Record<string, Person>;
  };
  /** The simulated date of day 0 (YYYY-MM-DD), when the scenario gives one. */
  calendar: { start: string | null };
  cadence: Cadence;
  promises: Record<string, { id: string; label: LocalizedText }>;
  checklist: ChecklistItem[];
  contract: { terms: ContractTerm[] };
  payment: PaymentPlan;
  leads: LeadStageModel;
  stages: Record<ConversationStageId, StepGraph>;
  objections: Record<string, ObjectionModel>;
  rules: Rule[];
  surprises: Surprise[];
}

/** The step graph a container id names: a stage or an objection. */
export function graphOf(model: ScenarioModel, container: string): StepGraph | undefined {
  return (model.stages as Record<string, StepGraph>)[container] ?? model.objections[container];
}

/** Looks an option up by its global id. */
export function findOption(model: ScenarioModel, optionId: string): OptionModel | undefined {
  const [container, step] = optionId.split('/');
  return graphOf(model, container ?? '')?.steps[step ?? '']?.options.find((o) => o.id === optionId);
}

/** What the library shows about a scenario, without the scenario itself. */
export type ScenarioMeta = Pick<ScenarioModel, 'id' | 'version' | 'hash' | 'title' | 'summary' | 'industry' | 'difficulty' | 'minutes' | 'languages'>;

/** The library's view of a model. */
export function scenarioMeta(m: ScenarioModel): ScenarioMeta {
  const { id, version, hash, title, summary, industry, difficulty, minutes, languages } = m;
  return { id, version, hash, title, summary, industry, difficulty, minutes, languages };
}
