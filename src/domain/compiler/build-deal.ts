/**
 * The contract's terms checklist and the payment tracker of the model, with their defaults: a file
 * without `contract` gets scope, price, payment dates and documents, each confirmed by its signing
 * key action; a file without `payment` gets an invoice sent when collection begins, no approvals,
 * and payment due when the customer's "too long" silence would begin.
 */
import type { ChecklistItem } from '../ltc/default-checklist';
import type { Cadence, Condition, ContractTerm, LineVariant, PaymentPlan, TermKind } from '../scenario/model';
import type { ConditionSource, MilestoneSource, ScenarioSource, TextSource, VariantsSource } from '../scenario/schema';
import type { LocalizedText } from '../text/localized-text';

/** Names of the kinds of term, for terms without a label and the default checklist. */
export const TERM_LABELS: Record<TermKind, LocalizedText> = {
  scope: { en: 'Scope', 'zh-CN': '范围' },
  price: { en: 'Price', 'zh-CN': '价格' },
  'payment-dates': { en: 'Payment dates', 'zh-CN': '回款时间' },
  documents: { en: 'Documents', 'zh-CN': '资料' },
  other: { en: 'Other terms', 'zh-CN': '其他条款' },
};

/** The signing key action that confirms a term of each kind when the term does not say. */
export const AGREED_BY: Record<TermKind, string> = {
  scope: 'confirm-terms',
  price: 'confirm-terms',
  'payment-dates': 'agree-payment-dates',
  documents: 'prepare-documents',
  other: 'confirm-terms',
};

/** The terms of a file without `contract`, in this order. */
export const DEFAULT_TERM_KINDS: readonly TermKind[] = ['scope', 'price', 'payment-dates', 'documents'];

/** How build-model turns source conditions, texts and variant lists into the model's. */
export interface Builders {
  condition: (c: ConditionSource) => Condition;
  text: (t: TextSource) => LocalizedText;
  lines: (v: VariantsSource | undefined) => LineVariant[];
}

/** A milestone as written (a condition or a list of them) → the list of alternatives. */
function alternatives(m: MilestoneSource, condition: Builders['condition']): Condition[] {
  return (Array.isArray(m) ? m : [m]).map(condition);
}

/** The default `agreed` of a term of `kind`: its key action shown, or never when the checklist lacks it. */
export function defaultAgreed(kind: TermKind, checklist: readonly ChecklistItem[]): Condition[] {
  const id = AGREED_BY[kind];
  return checklist.some((i) => i.id === id) ? [{ shown: [id] }] : [];
}

/** The terms checklist of the model. */
export function buildContract(source: ScenarioSource, checklist: readonly ChecklistItem[], h: Builders): { terms: ContractTerm[] } {
  if (!source.contract) {
    return {
      terms: DEFAULT_TERM_KINDS.filter((kind) => defaultAgreed(kind, checklist).length).map((kind) => ({
        id: kind,
        kind,
        label: { ...TERM_LABELS[kind] },
        says: [],
        agreed: defaultAgreed(kind, checklist),
      })),
    };
  }
  return {
    terms: Object.entries(source.contract.terms).map(([id, t]) => ({
      id,
      kind: t.kind,
      label: t.label === undefined ? { ...TERM_LABELS[t.kind] } : h.text(t.label),
      says: h.lines(t.says),
      agreed: t.agreed === undefined ? defaultAgreed(t.kind, checklist) : alternatives(t.agreed, h.condition),
    })),
  };
}

/** The payment tracker of the model. */
export function buildPayment(source: ScenarioSource, cadence: Cadence, h: Builders): PaymentPlan {
  const p = source.payment;
  return {
    amount: h.lines(p?.amount),
    due: p?.due ?? cadence.tooLong.days,
    invoiceSent: p?.invoice?.sent === undefined ? [{}] : alternatives(p.invoice.sent, h.condition),
    approvals: Object.entries(p?.approvals ?? {}).map(([id, a]) => ({ id, label: h.text(a.label), done: alternatives(a.done, h.condition) })),
  };
}
