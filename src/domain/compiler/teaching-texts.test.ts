/**
 * The texts that teach and set the scene: an option's and a checklist item's `why`, the people who
 * speak besides the customer, and the simulated calendar with the placeholders the player fills in.
 */
import { describe, expect, it } from 'vitest';
// A test may use the CLI's template: it is the known-valid scenario a trainer starts from.
import { scenarioTemplate } from '../scenario/template';
import { compileScenario } from './compile';

const base = scenarioTemplate('teaching', 'en');
const codes = (text: string) => compileScenario(text, 'teaching.yaml').diagnostics.map((d) => `${d.code} ${d.path}`);

describe('why, team and calendar', () => {
  it('carries an option\'s why and a checklist item\'s why into the model, in both languages', () => {
    const text = base
      .replace("            shows: [prepare-opening, learn-background, set-conversation-goal]\n", '            shows: [prepare-opening, learn-background, set-conversation-goal]\n            why: { en: "It opens with their world.", zh-CN: "从客户的处境开场。" }\n')
      .replace('leads:\n', 'checklist:\n  why:\n    confirm-terms: { en: "Terms left open come back at collection.", zh-CN: "没谈清的条款会在回款时找回来。" }\nleads:\n');
    const { model, diagnostics } = compileScenario(text, 'teaching.yaml');
    expect(diagnostics).toEqual([]);
    const option = model!.stages['first-contact'].steps.start!.options.find((o) => o.shows.includes('prepare-opening'))!;
    expect(option.why).toEqual({ en: 'It opens with their world.', 'zh-CN': '从客户的处境开场。' });
    expect(model!.checklist.find((i) => i.id === 'confirm-terms')!.why).toEqual({ en: 'Terms left open come back at collection.', 'zh-CN': '没谈清的条款会在回款时找回来。' });
  });

  it('asks for the other language of a why, and names an unknown checklist id under checklist.why', () => {
    const text = base
      .replace("            shows: [prepare-opening, learn-background, set-conversation-goal]\n", '            shows: [prepare-opening, learn-background, set-conversation-goal]\n            why: { en: "It opens with their world." }\n')
      .replace('leads:\n', 'checklist:\n  why:\n    confirm-termz: { en: "x", zh-CN: "x" }\nleads:\n');
    const found = compileScenario(text, 'teaching.yaml').diagnostics;
    expect(found.map((d) => d.code).sort()).toEqual(['SC016', 'SC023']);
    expect(found.find((d) => d.code === 'SC016')!.args).toMatchObject({ id: 'confirm-termz', suggestion: 'confirm-terms' });
  });

  it('keeps the team with each person\'s side (the customer\'s by default) and the calendar\'s start', () => {
    const text = base
      .replace("  facts:\n", '  team:\n    shen: { name: { en: Shen Li, zh-CN: 沈丽 }, role: { en: CFO, zh-CN: 财务总监 } }\n    zhang: { name: { en: Zhang Wei, zh-CN: 张伟 }, side: ours }\n  facts:\n')
      .replace('leads:\n', 'calendar: { start: "2025-03-03" }\nleads:\n');
    const { model, diagnostics } = compileScenario(text, 'teaching.yaml');
    expect(diagnostics).toEqual([]);
    expect(model!.customer.team).toEqual({
      shen: { id: 'shen', name: { en: 'Shen Li', 'zh-CN': '沈丽' }, role: { en: 'CFO', 'zh-CN': '财务总监' }, side: 'customer' },
      zhang: { id: 'zhang', name: { en: 'Zhang Wei', 'zh-CN': '张伟' }, side: 'ours' },
    });
    expect(model!.calendar.start).toBe('2025-03-03');
    expect(compileScenario(base, 'teaching.yaml').model!.calendar.start).toBeNull();
  });

  it('knows {date}, {weekday} and {due-date} once there is a calendar, and warns otherwise', () => {
    const said = base.replace('customer: { en: "Hello?"', 'customer: { en: "{weekday}, {date}: hello?"');
    expect(said).not.toBe(base);
    expect(codes(said)).toEqual(['SC038 stages.first-contact.steps.start.customer', 'SC038 stages.first-contact.steps.start.customer']);
    const warned = compileScenario(said, 'teaching.yaml').diagnostics;
    expect(warned.map((d) => [d.args.name, d.args.problem])).toEqual([['weekday', 'no-calendar'], ['date', 'no-calendar']]);
    expect(codes(said.replace('leads:\n', 'calendar: { start: "2025-03-03" }\nleads:\n'))).toEqual([]);
  });

  it('refuses a start that is not a day of the calendar', () => {
    expect(codes(base.replace('leads:\n', 'calendar: { start: "2025-13-01" }\nleads:\n'))).toEqual(['SC037 calendar.start']);
    expect(codes(base.replace('leads:\n', 'calendar: { start: "2024-02-29" }\nleads:\n'))).toEqual([]);
  });
});
