/// <reference types="vite/client" />
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { libraryFiles, loadModel } from '../../../test/support/load';
import { legalMoves } from '../../../test/support/random-play';
import type { Move } from '../runtime/context';
import { startDrill } from '../runtime/drill';
import { contractStatus, type ContractStatus } from './contract-status';
import { paymentStatus, type PaymentStatus } from './payment-status';

// Each scenario with its stored expert play-through: a play follows it for a while, then wanders off,
// so that random plays reach signing and collection as often as the early stages.
const experts = import.meta.glob<{ seed: number; moves: Move[] }>('../../../test/fixtures/playthroughs/*.expert.json', { eager: true, import: 'default' });
const scenarios = ['test/fixtures/scenarios/feature-tour.yaml', ...libraryFiles()].map((file) => {
  const model = loadModel(file);
  const expert = experts[`../../../test/fixtures/playthroughs/${model.id}.expert.json`]!;
  return { model, expert };
});

describe('along any play', () => {
  it('the terms and the payment only move forward, and the figures stay sensible', () => {
    let sawAgreed = 0;
    let sawPaid = 0;
    fc.assert(
      fc.property(
        fc.nat({ max: scenarios.length - 1 }),
        fc.oneof(fc.constant(null), fc.integer()),
        fc.oneof(fc.constant(Infinity), fc.nat()),
        fc.array(fc.nat(), { maxLength: 60 }),
        (which, seed, follow, picks) => {
          const { model, expert } = scenarios[which]!;
          const d = startDrill(model, seed ?? expert.seed);
          // The expert's moves (the lead plan at least, all of them when `follow` is Infinity), then the picks.
          const prefix = follow === Infinity ? expert.moves : expert.moves.slice(0, 1 + (follow % expert.moves.length));
          let moves: (Move | number)[] = [...prefix, ...picks];
          let before: { terms: ContractStatus; payment: PaymentStatus } | null = null;
          for (let i = 0; i <= moves.length; i++) {
            const c = d.context();
            const terms = contractStatus(model, c);
            const payment = paymentStatus(model, c);
            expect(terms.terms.map((t) => t.id)).toEqual(model.contract.terms.map((t) => t.id));
            for (const t of terms.terms) {
              expect(t.status === 'agreed').toBe(t.agreedAt !== null);
              if (t.agreedAt) expect(t.agreedAt.turn).toBeLessThanOrEqual(c.turn);
            }
            expect(payment.overdueDays).toBeGreaterThanOrEqual(0);
            expect(payment.paid !== null).toBe(c.ending?.outcome === 'won');
            if (payment.paid) expect(payment.phase).toBe('paid');
            if (payment.invoice.sentAt) expect(payment.invoice.sentAt.turn).toBeGreaterThanOrEqual(payment.signedAt!.turn);
            if (before) {
              // Once agreed, done, sent or signed: for good, and since the same moment.
              before.terms.terms.forEach((t, k) => t.agreedAt && expect(terms.terms[k]!.agreedAt).toEqual(t.agreedAt));
              before.payment.approvals.forEach((a, k) => a.doneAt && expect(payment.approvals[k]!.doneAt).toEqual(a.doneAt));
              if (before.payment.invoice.sentAt) expect(payment.invoice.sentAt).toEqual(before.payment.invoice.sentAt);
              if (before.payment.signedAt) expect(payment.signedAt).toEqual(before.payment.signedAt);
            }
            before = { terms, payment };
            if (i === moves.length || d.ended()) break;
            const m = moves[i]!;
            if (typeof m === 'number') {
              const legal = legalMoves(d);
              if (legal.length) d.send(legal[m % legal.length]!);
            } else if (!d.send(m)) moves = moves.filter((x, k) => k <= i || typeof x === 'number'); // off the expert path: wander from here
          }
          sawAgreed += before!.terms.agreed;
          if (before!.payment.paid) sawPaid++;
        },
      ),
      { numRuns: 150 },
    );
    // The plays did reach the parts this is about.
    expect(sawAgreed).toBeGreaterThan(50);
    expect(sawPaid).toBeGreaterThan(10);
  });
});
