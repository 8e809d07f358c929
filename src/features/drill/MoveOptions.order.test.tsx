// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { availableMoves, startActor } from '../../domain/runtime/actor';
import { shownOptions } from '../../domain/runtime/option-order';
import { initTestI18n } from '../../../test/support/i18n';
import { expertPlan, tour } from '../../../test/support/load';
import { DrillHarness } from './drill-harness.test-support';

const model = tour();
beforeAll(() => initTestI18n('en'));
afterEach(cleanup);

const shownLabels = () =>
  within(screen.getByRole('group', { name: 'Your options' }))
    .getAllByRole('button')
    .map((b) => b.textContent?.replace(/^\s*\d\s*/, '').trim());

describe('the options of a step', () => {
  it('are shown in the attempt\'s shuffled order, and key 1 chooses the first one shown', () => {
    for (const seed of [1, 2, 3]) {
      const actor = startActor(model, seed);
      actor.send({ type: 'leads.submit', plan: expertPlan(model) });
      render(<DrillHarness model={model} actor={actor} />);
      const m = availableMoves(model, actor.getSnapshot());
      const expected = shownOptions(seed, m.position, m.options);
      expect(shownLabels()).toEqual(expected.map((o) => o.rep.en));
      fireEvent.keyDown(document.body, { key: '1' });
      expect(actor.getSnapshot().context.log.at(-1)).toEqual({ type: 'choose', option: expected[0]!.id });
      cleanup();
    }
  });

  it('differ in order between seeds', () => {
    const orders = new Set(
      Array.from({ length: 12 }, (_, seed) => {
        const actor = startActor(model, seed);
        actor.send({ type: 'leads.submit', plan: expertPlan(model) });
        const m = availableMoves(model, actor.getSnapshot());
        return shownOptions(seed, m.position, m.options).map((o) => o.id).join();
      }),
    );
    expect(orders.size).toBeGreaterThan(1);
  });
});
