/**
 * Stage 1 explained: for each profile criterion, lead and record field, what the trainee answered,
 * what the scenario's expert answer is, and whether they match — with the lead's own authored data
 * (signals, notes) as the reason for its grade.
 */
import type { LeadPlan } from '../runtime/context';
import type { Grade, Lead, LeadStageModel } from '../scenario/model';
import type { LocalizedText } from '../text/localized-text';

export interface ChoiceReview {
  id: string;
  label: LocalizedText;
  /** In the expert answer. */
  ideal: boolean;
  /** In the trainee's answer. */
  chosen: boolean;
  right: boolean;
}

export interface LeadReview {
  lead: Lead;
  /** The grade the trainee gave (null: none). */
  given: Grade | null;
  expected: Grade;
  gradeRight: boolean;
  pursued: boolean;
  /** The one lead the scenario is about (the expert pursues it). */
  shouldPursue: boolean;
  pursueRight: boolean;
}

export interface LeadPlanReview {
  criteria: ChoiceReview[];
  leads: LeadReview[];
  fields: ChoiceReview[];
  /** How many answers were wrong, in all. */
  wrong: number;
}

const choices = (items: { id: string; label: LocalizedText }[], ideal: readonly string[], chosen: readonly string[]): ChoiceReview[] =>
  items.map((c) => {
    const i = ideal.includes(c.id);
    const ch = chosen.includes(c.id);
    return { id: c.id, label: c.label, ideal: i, chosen: ch, right: i === ch };
  });

/** Reviews a submitted lead plan against the scenario's expert answers. */
export function reviewLeadPlan(leads: LeadStageModel, plan: LeadPlan): LeadPlanReview {
  const criteria = choices(leads.criteria, leads.idealProfile, plan.profile);
  const fields = choices(leads.fields, leads.idealRecord, plan.record);
  const reviews = leads.pool.map((lead): LeadReview => {
    const given = plan.grades[lead.id] ?? null;
    const pursued = plan.pursue.includes(lead.id);
    const shouldPursue = lead.id === leads.customerLead;
    // Pursuing a lead other than the scenario's is wrong only when it is graded C (a waste of effort).
    const pursueRight = shouldPursue ? pursued : !(pursued && lead.grade === 'C');
    return { lead, given, expected: lead.grade, gradeRight: given === lead.grade, pursued, shouldPursue, pursueRight };
  });
  const wrong = [...criteria, ...fields].filter((c) => !c.right).length + reviews.filter((l) => !l.gradeRight).length + reviews.filter((l) => !l.pursueRight).length;
  return { criteria, leads: reviews, fields, wrong };
}
