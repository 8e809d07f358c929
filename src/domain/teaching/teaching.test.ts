import { describe, expect, it } from 'vitest';
import { expertPlan, tour } from '../../../test/support/load';
import { replay } from '../runtime/drill';
import { decisionsOf } from './decisions';
import { reviewLeadPlan } from './lead-plan-review';

const model = tour();
const exemplar = { seed: 7, moves: [{ type: 'leads.submit' as const, plan: expertPlan(model) }, { type: 'choose' as const, option: 'first-contact/intro/1' }] };

describe('decisions', () => {
  it('pairs each choice with the expert\'s at the same step, its credit and the words written first', () => {
    const { drill } = replay(model, 7, [{ type: 'leads.submit', plan: expertPlan(model) }, { type: 'choose', option: 'first-contact/intro/2' }]);
    const [d] = decisionsOf(model, drill.context(), exemplar, [{ turn: 2, text: 'my words' }, { turn: 3, text: '  ' }]);
    expect(d!.turn).toBe(2);
    expect(d!.chosen.id).toBe('first-contact/intro/2');
    expect(d!.expert?.id).toBe('first-contact/intro/1');
    expect(d!.same).toBe(false);
    expect(d!.credit.committed).toContain('read-from-script');
    expect(d!.words).toBe('my words');
  });

  it('has no expert move without an exemplar', () => {
    const { drill } = replay(model, 7, exemplar.moves);
    const [d] = decisionsOf(model, drill.context(), null);
    expect(d!.expert).toBeNull();
    expect(d!.words).toBeNull();
  });
});

describe('the lead plan review', () => {
  it('finds nothing wrong with the expert plan', () => {
    expect(reviewLeadPlan(model.leads, expertPlan(model)).wrong).toBe(0);
  });

  it('names each wrong grade, criterion, field and pursuit', () => {
    const plan = expertPlan(model);
    const review = reviewLeadPlan(model.leads, { ...plan, grades: { ...plan.grades, contoso: 'A' }, pursue: ['fabrikam'], profile: [], record: [...plan.record, 'extra-field'] });
    const lead = (id: string) => review.leads.find((l) => l.lead.id === id)!;
    expect(lead('contoso')).toMatchObject({ given: 'A', expected: 'B', gradeRight: false });
    expect(lead('fabrikam')).toMatchObject({ pursued: true, pursueRight: false });
    expect(lead('northwind')).toMatchObject({ shouldPursue: true, pursued: false, pursueRight: false });
    expect(review.criteria.filter((c) => !c.right).length).toBe(model.leads.idealProfile.length);
    expect(review.wrong).toBe(1 + 2 + model.leads.idealProfile.length);
  });
});
