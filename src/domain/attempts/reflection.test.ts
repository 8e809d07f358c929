import { describe, expect, it } from 'vitest';
import type { DrillContext, Move } from '../runtime/context';
import { attachWordsToChoice, dueExplainBack, lastChoiceTurn, wordsForCurrentStep } from './reflection';

const choose = (option: string): Move => ({ type: 'choose', option });
const wait: Move = { type: 'wait', days: 3 };
const plan: Move = { type: 'leads.submit', plan: { profile: [], grades: {}, pursue: ['a'], record: [] } };
const log = (...moves: Move[]) => moves;
const stages = (...s: DrillContext['stage'][]) => s.map((stage, i) => ({ stage, day: i, turn: i }));

describe('say it your way first', () => {
  it('counts turns of chosen options only', () => {
    expect(lastChoiceTurn([])).toBe(0);
    expect(lastChoiceTurn(log(plan, choose('a/b/1'), wait))).toBe(2);
  });

  it('finds the words written for the step on screen, not for an earlier step', () => {
    const moves = log(plan, choose('a/b/1'));
    expect(wordsForCurrentStep(moves, [{ turn: 2, text: 'earlier' }])).toBeNull();
    expect(wordsForCurrentStep(moves, [{ turn: 2, text: 'earlier' }, { turn: 3, text: 'now' }])).toEqual({ turn: 3, text: 'now' });
    // Waiting after writing does not ask again: the words still answer this step.
    expect(wordsForCurrentStep([...moves, wait], [{ turn: 3, text: 'now' }])).toEqual({ turn: 3, text: 'now' });
  });

  it('moves the words to the option they led to, keeping the others', () => {
    const moves = log(plan, choose('a/b/1'), wait);
    const said = [{ turn: 2, text: 'first' }, { turn: 3, text: 'second' }];
    expect(attachWordsToChoice(moves, said, 4)).toEqual([{ turn: 2, text: 'first' }, { turn: 4, text: 'second' }]);
    expect(attachWordsToChoice(log(plan, choose('a/b/1')), said, 3)).toEqual(said);
    expect(attachWordsToChoice(moves, [{ turn: 2, text: 'first' }], 4)).toEqual([{ turn: 2, text: 'first' }]);
  });
});

describe('explain-backs', () => {
  it('are due for every stage the drill has left, first unanswered first', () => {
    expect(dueExplainBack({ stageLog: stages('leads'), ending: null }, [])).toBeNull();
    expect(dueExplainBack({ stageLog: stages('leads', 'first-contact', 'discovery'), ending: null }, [])).toBe('leads');
    expect(dueExplainBack({ stageLog: stages('leads', 'first-contact', 'discovery'), ending: null }, [{ stage: 'leads', text: 'x', skipped: false }])).toBe('first-contact');
    expect(
      dueExplainBack({ stageLog: stages('leads', 'first-contact'), ending: null }, [{ stage: 'leads', text: '', skipped: true }]),
    ).toBeNull();
  });

  it('are due for the stage a drill ended in, unless it was abandoned', () => {
    const lost = { outcome: 'lost' as const, stage: 'discovery' as const };
    const answered = [{ stage: 'leads' as const, text: 'a', skipped: false }, { stage: 'first-contact' as const, text: 'b', skipped: false }];
    expect(dueExplainBack({ stageLog: stages('leads', 'first-contact', 'discovery'), ending: lost }, answered)).toBe('discovery');
    const abandoned = { outcome: 'abandoned' as const, stage: 'discovery' as const };
    expect(dueExplainBack({ stageLog: stages('leads', 'first-contact', 'discovery'), ending: abandoned }, answered)).toBeNull();
  });
});
