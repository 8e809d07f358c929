// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { initTestI18n } from '../../../test/support/i18n';
import { tour } from '../../../test/support/load';
import expertLog from '../../../test/fixtures/playthroughs/feature-tour.expert.json';
import { newAttemptRecord, withMoves } from '../../domain/attempts/new-attempt';
import type { Move } from '../../domain/runtime/context';
import { legalMoves, run } from '../../domain/runtime/engine';
import { PlayTest } from './PlayTest';

const model = tour();
const moves = expertLog.moves as Move[];
const attempt = withMoves(
  newAttemptRecord({ id: 'a1', scenario: { id: model.id, version: model.version, hash: model.hash }, seed: expertLog.seed, now: Date.UTC(2026, 10, 2, 9), trainee: 'Mei' }),
  moves,
  Date.UTC(2026, 10, 2, 10),
);

beforeAll(() => initTestI18n('en'));
afterEach(cleanup);

const optionIds = () => [...within(screen.getByRole('group', { name: 'Your options' })).getAllByRole('button')].map((b) => b.getAttribute('data-option')).filter(Boolean);

describe('play-testing', () => {
  it('starts at a move of a real attempt, replaying the moves before it, and plays on', () => {
    render(<PlayTest model={model} outline={undefined} locale="en" onGo={() => {}} attempts={[attempt]} />);
    expect((screen.getByTestId('play-attempt') as HTMLSelectElement).selectedOptions[0]!.textContent).toContain('Mei');
    const move = screen.getByTestId('play-attempt-move') as HTMLSelectElement;
    // Each move is named by what was done: the lead plan, then the options' words.
    expect(move.options[0]!.textContent).toBe('1. The lead plan');
    expect(move.options[1]!.textContent).toMatch(/^2\. /);
    fireEvent.change(move, { target: { value: '6' } });
    fireEvent.click(screen.getByTestId('play-attempt-start'));
    expect(screen.getByTestId('play-origin').textContent).toBe("The attempt's first 5 moves were replayed: the drill goes on live from move 6.");
    const expected = run(model, { seed: expertLog.seed, moves: moves.slice(0, 5) }).states.at(-1)!;
    expect(optionIds()).toEqual(legalMoves(model, expected).options.map((o) => o.id));
    // The attempt's own next move is one of them.
    expect(optionIds()).toContain((moves[5] as Extract<Move, { type: 'choose' }>).option);
  });

  it('says where an edited scenario no longer allows the attempt, and starts before it', () => {
    const edited = withMoves(attempt, [...moves.slice(0, 2), { type: 'choose', option: 'discovery/ask/gone' }, ...moves.slice(2)], attempt.updatedAt);
    render(<PlayTest model={model} outline={undefined} locale="en" onGo={() => {}} attempts={[edited]} />);
    const move = screen.getByTestId('play-attempt-move') as HTMLSelectElement;
    expect(move.options[2]!.textContent).toBe('3. an option not in this version (discovery/ask/gone)');
    fireEvent.change(move, { target: { value: '8' } });
    fireEvent.click(screen.getByTestId('play-attempt-start'));
    expect(screen.getByTestId('play-origin').textContent).toBe('The scenario as it is now does not allow move 3 of the attempt: the drill starts just before it, after 2 moves replayed.');
  });

  it('says how to get an attempt when there is none', () => {
    render(<PlayTest model={model} outline={undefined} locale="en" onGo={() => {}} />);
    expect(screen.getByText(/No attempt on this scenario \(or the one it was copied from\) in this browser yet/)).toBeTruthy();
  });

  it('starts with the promises chosen, which the customer line takes into account', () => {
    render(<PlayTest model={model} outline={undefined} locale="en" onGo={() => {}} />);
    fireEvent.change(screen.getByTestId('play-stage'), { target: { value: 'signing' } });
    fireEvent.click(screen.getByRole('checkbox', { name: '10% discount' }));
    fireEvent.click(screen.getByTestId('play-start'));
    expect(within(screen.getByTestId('play-drill')).getByText('The contract shows the 10% discount. Shall I sign?')).toBeTruthy();
  });
});
