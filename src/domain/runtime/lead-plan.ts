/** How stage 1's automatic checklist items are judged from the trainee's lead plan. */
import type { LeadStageModel } from '../scenario/model';
import type { LeadPlan } from './context';
import type { AutoRule } from '../ltc/default-checklist';

export const PROFILE_OVERLAP_NEEDED = 0.6;
export const GRADES_MATCH_NEEDED = 0.75;
export const RECORD_COVERAGE_NEEDED = 0.75;
export const RECORD_EXTRA_ALLOWED = 1;

export interface LeadPlanJudgement {
  profileOverlap: number;
  gradesMatched: number;
  gradesTotal: number;
  recordCoverage: number;
  recordExtra: number;
  pursuedCustomer: boolean;
  pursuedTooMany: boolean;
  pursuedGradeC: string[];
  earned: Record<Exclude<AutoRule, 'record'>, boolean>;
}

/** Judges a lead plan against the scenario's expert answers. */
export function judgeLeadPlan(leads: LeadStageModel, plan: LeadPlan): LeadPlanJudgement {
  const chosen = new Set(plan.profile);
  const ideal = new Set(leads.idealProfile);
  const union = new Set([...chosen, ...ideal]);
  const shared = [...chosen].filter((c) => ideal.has(c)).length;
  const profileOverlap = union.size ? shared / union.size : 1;
  const gradesMatched = leads.pool.filter((l) => plan.grades[l.id] === l.grade).length;
  const gradesTotal = leads.pool.length;
  const idealRecord = new Set(leads.idealRecord);
  const recordCoverage = idealRecord.size ? plan.record.filter((f) => idealRecord.has(f)).length / idealRecord.size : 1;
  const recordExtra = plan.record.filter((f) => !idealRecord.has(f)).length;
  const pursuedCustomer = plan.pursue.includes(leads.customerLead);
  const pursuedTooMany = plan.pursue.length > leads.maxPursue;
  const pursuedGradeC = plan.pursue.filter((id) => leads.pool.find((l) => l.id === id)?.grade === 'C');
  return {
    profileOverlap,
    gradesMatched,
    gradesTotal,
    recordCoverage,
    recordExtra,
    pursuedCustomer,
    pursuedTooMany,
    pursuedGradeC,
    earned: {
      'lead-profile': profileOverlap >= PROFILE_OVERLAP_NEEDED,
      'lead-grades': pursuedCustomer && gradesTotal > 0 && gradesMatched / gradesTotal >= GRADES_MATCH_NEEDED,
      'lead-record': recordCoverage >= RECORD_COVERAGE_NEEDED && recordExtra <= RECORD_EXTRA_ALLOWED,
      'lead-quantity': pursuedTooMany || pursuedGradeC.length > 0,
    },
  };
}

/** The plan an expert would submit: the scenario's own answers. */
export function expertLeadPlan(leads: LeadStageModel): LeadPlan {
  return {
    profile: [...leads.idealProfile],
    grades: Object.fromEntries(leads.pool.map((l) => [l.id, l.grade])),
    pursue: [leads.customerLead],
    record: [...leads.idealRecord],
  };
}
