import { describe, expect, it } from 'vitest';
import { tour } from '../../../test/support/load';
import { playOptions } from '../../../test/support/random-play';
import type { Drill } from '../runtime/drill';
import { paymentStatus } from './payment-status';

const base = tour();
const play = playOptions;
// Two ways to signing: one that learns the payment process in discovery, one that does not.
const INFORMED = ['first-contact/intro/1', 'discovery/ask/1', 'discovery/deeper/1', 'presentation/demo/1', 'negotiation/price/1', 'signing/terms/1'];
const UNINFORMED = [...INFORMED.slice(0, 2), 'discovery/deeper/2', ...INFORMED.slice(3)];
const signingDay = (d: Drill) => d.context().stageLog.find((s) => s.stage === 'collection')!.day;

describe('the payment tracker', () => {
  it('has nothing to track before the contract is signed', () => {
    const s = paymentStatus(base, play(base, INFORMED.slice(0, 4)).context());
    expect(s).toMatchObject({ phase: 'not-signed', signedAt: null, invoice: { sent: false, sentAt: null }, dueDay: null, overdueDays: 0, paid: null });
  });

  it('by default sends the invoice when collection begins, due when a silence would become too long', () => {
    const d = play(base, INFORMED);
    const s = paymentStatus(base, d.context());
    const signed = signingDay(d);
    expect(s).toMatchObject({ phase: 'awaiting-payment', amount: null, approvals: [], dueAfter: base.cadence.tooLong.days, dueDay: signed + base.cadence.tooLong.days });
    expect(s.invoice).toEqual({ sent: true, sentAt: s.signedAt });
  });

  it('counts the days overdue while unpaid, and the days late once paid', () => {
    const d = play(base, [...UNINFORMED, 'collection/invoice/1']);
    const due = signingDay(d) + base.cadence.tooLong.days;
    expect(paymentStatus(base, d.context())).toMatchObject({ phase: 'overdue', overdueDays: d.context().day - due, paid: null });
    d.send({ type: 'choose', option: 'collection/blocker/2' });
    const s = paymentStatus(base, d.context());
    expect(s).toMatchObject({ phase: 'paid', overdueDays: 0, paid: { day: d.context().day, turn: d.context().turn, daysLate: d.context().day - due } });
  });

  it('is unpaid, and stays overdue, when the attempt ends after signing without the cash', () => {
    const d = play(base, [...INFORMED, 'collection/invoice/2']);
    const s = paymentStatus(base, d.context());
    expect(s.phase).toBe('unpaid');
    expect(s.paid).toBeNull();
    expect(s.overdueDays).toBe(d.context().day - s.dueDay!);
    expect(s.overdueDays).toBeGreaterThan(0);
  });

  it('follows the invoice and the approvals the scenario names, from the move that completed them', () => {
    const model = structuredClone(base);
    model.payment = {
      amount: [{ when: { promised: ['discount-10'] }, text: { en: '90,000' } }, { text: { en: '100,000' } }],
      due: 40,
      invoiceSent: [{ shown: ['follow-payment-progress'] }],
      approvals: [
        { id: 'po', label: { en: 'Purchase order' }, done: [{ revealed: ['payment-process'] }] },
        { id: 'cfo', label: { en: 'The CFO signs' }, done: [{ shown: ['solve-blockers'] }] },
      ],
    };
    const d = play(model, UNINFORMED);
    let s = paymentStatus(model, d.context());
    expect(s).toMatchObject({ phase: 'invoice-pending', amount: { en: '100,000' }, invoice: { sent: false } });
    expect(s.approvals.map((a) => [a.id, a.status])).toEqual([['po', 'pending'], ['cfo', 'pending']]);
    d.send({ type: 'choose', option: 'collection/invoice/1' });
    s = paymentStatus(model, d.context());
    expect(s).toMatchObject({ phase: 'awaiting-payment', invoice: { sent: true, sentAt: { turn: d.context().turn } } });
    d.send({ type: 'choose', option: 'collection/blocker/2' });
    s = paymentStatus(model, d.context());
    expect(s.approvals.map((a) => [a.id, a.status, a.doneAt?.turn ?? null])).toEqual([['po', 'pending', null], ['cfo', 'done', d.context().turn]]);
    expect(s.paid).not.toBeNull();

    const informed = play(model, INFORMED);
    const revealedAt = informed.context().transcript.find((e) => e.kind === 'reveal' && e.fact === 'payment-process')!;
    expect(paymentStatus(model, informed.context()).approvals[0]).toMatchObject({ status: 'done', doneAt: { turn: revealedAt.turn, day: revealedAt.day } });
  });
});
