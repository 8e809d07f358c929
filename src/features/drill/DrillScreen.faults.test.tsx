// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { AttemptRecord } from '../../domain/attempts/attempt-record';
import { startActor } from '../../domain/runtime/actor';
import { initTestI18n } from '../../../test/support/i18n';
import { expertPlan, tour } from '../../../test/support/load';
import { ContractTerms } from '../../components/deal/ContractTerms';
import { DrillHarness } from './drill-harness.test-support';
import { StageTracker } from './StageTracker';

const model = tour();
beforeAll(() => initTestI18n('en'));
afterEach(cleanup);

function started(seed = 7) {
  const actor = startActor(model, seed);
  actor.send({ type: 'leads.submit', plan: expertPlan(model) });
  return actor;
}

describe('small faults, fixed', () => {
  it('a say-first draft is kept with the attempt and is back after a reload', () => {
    let saved: AttemptRecord | null = null;
    render(<DrillHarness model={model} actor={started()} sayFirst onRecord={(r) => (saved = r)} />);
    fireEvent.change(screen.getByRole('textbox'), { target: { value: 'Hi Dana, half a thought' } });
    expect(saved!.draft).toEqual({ kind: 'say-first', turn: 2, text: 'Hi Dana, half a thought' });
    cleanup();
    // Reloaded: the attempt replayed, its record (with the draft) read back.
    render(<DrillHarness model={model} actor={started()} sayFirst initialRecord={saved!} onRecord={(r) => (saved = r)} />);
    expect(screen.getByRole('textbox')).toHaveProperty('value', 'Hi Dana, half a thought');
    fireEvent.click(screen.getByRole('button', { name: 'Show my options' }));
    expect(saved!.draft).toBeNull();
    expect(saved!.freeText).toEqual([{ turn: 2, text: 'Hi Dana, half a thought' }]);
  });

  it('an explain-back draft is kept too', () => {
    let saved: AttemptRecord | null = null;
    render(<DrillHarness model={model} actor={started()} explainBack onRecord={(r) => (saved = r)} />);
    fireEvent.change(screen.getByRole('textbox'), { target: { value: 'Grade first' } });
    expect(saved!.draft).toEqual({ kind: 'explain-back', stage: 'leads', text: 'Grade first' });
  });

  it('after Record, keyboard focus goes to the fact just recorded, not to the page', () => {
    render(<DrillHarness model={model} actor={started()} />);
    const options = () => within(screen.getByRole('group', { name: 'Your options' }));
    fireEvent.click(options().getByRole('button', { name: /I saw your webinar/ }));
    fireEvent.click(options().getByRole('button', { name: /How does an order become/ }));
    const record = screen.getByRole('button', { name: 'Record “Pains”' });
    record.focus();
    fireEvent.click(record);
    expect(document.activeElement).not.toBe(document.body);
    expect(document.activeElement?.id).toBe('drill-fact-pains');
  });

  it('a won drill ticks its seventh stage', () => {
    render(<StageTracker stage="collection" ended won />);
    const items = screen.getAllByRole('listitem');
    expect(items[6]!.className).toBe('done');
    expect(items[6]!.textContent).toContain('✓');
    cleanup();
    render(<StageTracker stage="collection" ended />);
    expect(screen.getAllByRole('listitem')[6]!.className).toBe('');
  });

  it('the contract panel does not repeat a term\'s kind its label already says', () => {
    const term = (id: string, kind: 'scope' | 'price' | 'other', label: string) => ({ id, kind, label: { en: label }, says: null, status: 'open' as const, agreedAt: null });
    render(
      <ContractTerms
        status={{ agreed: 0, total: 3, terms: [term('a', 'scope', 'Scope'), term('b', 'price', 'Annual fee'), term('c', 'other', 'Export licence')] } as never}
        locale="en"
      />,
    );
    expect(document.querySelector('[data-term="a"] .deal-kind')).toBeNull();
    expect(document.querySelector('[data-term="b"] .deal-kind')?.textContent).toBe('(price)');
    expect(document.querySelector('[data-term="c"] .deal-kind')).toBeNull();
  });

  it('marks the "press 1–9" hint, which touch screens hide', () => {
    render(<DrillHarness model={model} actor={started()} />);
    expect(document.querySelector('.keys-hint')?.textContent).toMatch(/1–9/);
  });
});
