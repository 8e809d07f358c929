import { describe, expect, it } from 'vitest';
import { tour } from '../../../test/support/load';
import { playOptions } from '../../../test/support/random-play';
import type { ScenarioModel } from '../scenario/model';
import type { Drill } from '../runtime/drill';
import { contractStatus } from './contract-status';

const base = tour();
const play = playOptions;
const TO_SIGNING = ['first-contact/intro/1', 'discovery/ask/1', 'discovery/deeper/1', 'presentation/demo/1'];
const status = (model: ScenarioModel, d: Drill) => contractStatus(model, d.context());

describe('the terms checklist', () => {
  it('lists the default terms, open, with nothing quoted, before the contract is discussed', () => {
    const s = status(base, play(base, TO_SIGNING));
    expect(s.terms.map((t) => [t.id, t.kind, t.label.en, t.says, t.status, t.agreedAt])).toEqual([
      ['scope', 'scope', 'Scope', null, 'open', null],
      ['price', 'price', 'Price', null, 'open', null],
      ['payment-dates', 'payment-dates', 'Payment dates', null, 'open', null],
      ['documents', 'documents', 'Documents', null, 'open', null],
    ]);
    expect([s.agreed, s.total]).toEqual([0, 4]);
  });

  it('agrees each term from the move that showed its key action, and keeps it agreed', () => {
    const d = play(base, [...TO_SIGNING, 'negotiation/price/1', 'signing/terms/1']);
    const at = d.context().transcript.find((e) => e.kind === 'rep' && e.option === 'signing/terms/1')!;
    const s = status(base, d);
    expect(s.terms.every((t) => t.status === 'agreed' && t.agreedAt?.turn === at.turn && t.agreedAt.day === at.day)).toBe(true);
    d.send({ type: 'choose', option: 'collection/invoice/1' });
    expect(status(base, d).agreed).toBe(4);
  });

  it('leaves every term open after a hasty signing', () => {
    const s = status(base, play(base, [...TO_SIGNING, 'negotiation/price/1', 'signing/terms/2']));
    expect(s.terms.map((t) => t.status)).toEqual(['open', 'open', 'open', 'open']);
  });

  it('quotes what the contract says now, and takes the first alternative that held', () => {
    const model = structuredClone(base);
    const price = model.contract.terms.find((t) => t.id === 'price')!;
    price.says = [{ when: { promised: ['discount-10'] }, text: { en: '90,000 a year' } }, { text: { en: '100,000 a year' } }];
    price.agreed = [{ shown: ['confirm-terms'] }, { committed: ['concede-too-fast'] }];
    const before = play(model, TO_SIGNING);
    expect(status(model, before).terms[1]).toMatchObject({ says: { en: '100,000 a year' }, status: 'open' });
    const d = play(model, [...TO_SIGNING, 'negotiation/price/2']);
    const conceded = d.context().turn;
    expect(status(model, d).terms[1]).toMatchObject({ says: { en: '90,000 a year' }, status: 'agreed', agreedAt: { turn: conceded } });
    d.send({ type: 'choose', option: 'signing/terms/1' });
    expect(status(model, d).terms[1]!.agreedAt!.turn).toBe(conceded);
  });
});
