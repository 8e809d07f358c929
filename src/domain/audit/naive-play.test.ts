import { describe, expect, it } from 'vitest';
// A test may use the CLI's template: it is the known-valid scenario a trainer starts from.
import { scenarioTemplate } from '../scenario/template';
import { compileScenario } from '../compiler/compile';
import type { OptionModel } from '../scenario/model';
import { auditScenario, naivePick, playNaive } from './naive-play';

const option = (id: string, en: string): OptionModel => ({ id, rep: { en }, shows: [], commits: [], effects: {}, target: {} });
const offered = [option('a', 'Fine.'), option('b', 'Could you tell me how orders reach the floor today?'), option('c', 'Please, thank you, I would be so grateful if you could sign.')];

describe('naive strategies', () => {
  it('pick by looks: the first, the longest, the first question, the politest', () => {
    expect(naivePick('first', offered, 'en', 1).option.id).toBe('a');
    expect(naivePick('longest', offered, 'en', 1).option.id).toBe('c');
    expect(naivePick('question', offered, 'en', 1).option.id).toBe('b');
    expect(naivePick('politest', offered, 'en', 1).option.id).toBe('c');
  });

  it('draw random picks from their own generator, the same for the same state', () => {
    const a = naivePick('random', offered, 'en', 7);
    expect(naivePick('random', offered, 'en', 7)).toEqual(a);
    expect(a.rng).not.toBe(7);
  });

  it('find that the template gives its answers away to "first", and only matter for intermediate and advanced levels', () => {
    const intro = compileScenario(scenarioTemplate('tpl', 'en'), 'tpl.yaml').model!;
    const game = playNaive(intro, 'first', 1);
    expect(game.outcome).toBe('won');
    expect(game.passed).toBe(true);
    const report = auditScenario(intro, 3);
    expect(report.strategies.find((s) => s.strategy === 'first')!.passRate).toBe(1);
    expect(report.givesAnswersAway).toBe(false);
    const harder = compileScenario(scenarioTemplate('tpl', 'en').replace('difficulty: intro', 'difficulty: advanced'), 'tpl.yaml').model!;
    expect(auditScenario(harder, 3).givesAnswersAway).toBe(true);
  });
});
