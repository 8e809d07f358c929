import { describe, expect, it } from 'vitest';
import { addComment, commentsInOrder, deleteComment, editComment, emptyCoaching, MAX_COACH_NAME, rateExplainBack, ratingOf, setFeedback } from './coaching-edits';

const start = emptyCoaching('Chen Jie', 1);

describe('coaching edits', () => {
  it('add, edit and delete comments, each stamped with the time it was written', () => {
    const one = addComment(start, 3, 'Too early for price.', 10);
    const two = addComment(one, 1, 'Good plan.', 20);
    expect(two.comments).toEqual([{ turn: 3, text: 'Too early for price.', at: 10 }, { turn: 1, text: 'Good plan.', at: 20 }]);
    expect(two.updatedAt).toBe(20);
    const edited = editComment(two, 0, 'Far too early for price.', 30);
    expect(edited.comments[0]).toEqual({ turn: 3, text: 'Far too early for price.', at: 30 });
    expect(edited.comments[1]).toBe(two.comments[1]);
    const deleted = deleteComment(edited, 1, 40);
    expect(deleted.comments).toEqual([{ turn: 3, text: 'Far too early for price.', at: 30 }]);
    expect(deleted.updatedAt).toBe(40);
  });

  it('list comments in move order, keeping where each is saved', () => {
    const c = addComment(addComment(addComment(start, 5, 'b', 2), 2, 'a', 3), 5, 'c', 1);
    expect(commentsInOrder(c).map((m) => [m.turn, m.text, m.index])).toEqual([[2, 'a', 1], [5, 'c', 2], [5, 'b', 0]]);
    expect(commentsInOrder(null)).toEqual([]);
  });

  it('rate each explain-back once, and clear a rating', () => {
    const rated = rateExplainBack(rateExplainBack(start, 'leads', 2, 5), 'leads', 4, 6);
    expect(rated.ratings).toEqual([{ stage: 'leads', rating: 4 }]);
    expect(ratingOf(rated, 'leads')).toBe(4);
    expect(ratingOf(rated, 'discovery')).toBeNull();
    expect(rateExplainBack(rated, 'leads', null, 7).ratings).toEqual([]);
  });

  it('sign the feedback, keeping names within what a file may hold', () => {
    const c = setFeedback(start, `  ${'x'.repeat(300)} `, 'Slow down in discovery.', 9);
    expect(c.coach).toHaveLength(MAX_COACH_NAME);
    expect(c.feedback).toBe('Slow down in discovery.');
    expect(c.updatedAt).toBe(9);
  });
});
