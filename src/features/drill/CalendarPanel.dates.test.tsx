// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startActor } from '../../domain/runtime/actor';
import { initTestI18n } from '../../../test/support/i18n';
import { expertPlan, tour } from '../../../test/support/load';
import { CalendarPanel } from './CalendarPanel';
import { Transcript } from './Transcript';

beforeAll(() => initTestI18n('en'));
afterEach(cleanup);

describe('simulated dates', () => {
  it('show the date and weekday beside the day when the scenario has a calendar, and the channel of each contact', () => {
    const model = { ...tour(), calendar: { start: '2025-09-15' } };
    const actor = startActor(model, 7);
    actor.send({ type: 'leads.submit', plan: expertPlan(model) });
    actor.send({ type: 'choose', option: 'first-contact/intro/1' });
    render(
      <>
        <CalendarPanel model={model} actor={actor} />
        <Transcript model={model} actor={actor} locale="en" />
      </>,
    );
    const day = actor.getSnapshot().context.day;
    const weekday = new Intl.DateTimeFormat('en', { weekday: 'short', timeZone: 'UTC' }).format(new Date(Date.UTC(2025, 8, 15 + day)));
    expect(screen.getByText(new RegExp(`^Today: day ${day} \\(${weekday}, `))).toBeTruthy();
    expect(document.querySelector('.line-day')!.textContent).toBe('Day 0 (Mon, Sep 15)');
    expect(document.querySelector('.line-rep .line-channel')!.textContent).toBe('Contact by phone');
  });

  it('show the day alone without a calendar', () => {
    const model = { ...tour(), calendar: { start: null } };
    const actor = startActor(model, 7);
    actor.send({ type: 'leads.submit', plan: expertPlan(model) });
    render(<CalendarPanel model={model} actor={actor} />);
    expect(screen.getByText('Today: day 0')).toBeTruthy();
  });
});
