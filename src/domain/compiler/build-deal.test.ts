/**
 * The contract's terms and the payment tracker in the scenario language: what the model holds for a
 * file that writes them, the defaults for one that does not, and the problems the checker names.
 */
import { describe, expect, it } from 'vitest';
// A test may use the CLI's template: it is the known-valid scenario a trainer starts from.
import { scenarioTemplate } from '../scenario/template';
import { compileScenario } from './compile';

/** The template without its contract and payment sections. */
const template = scenarioTemplate('deal', 'en').replace(/\ncontract:[\s\S]*?\n(?=leads:)/, '\n');
/** The template with `yaml` added before `leads:` (top-level sections). */
const withSections = (yaml: string, base = template) => {
  expect(base).toContain('\nleads:');
  return base.replace('\nleads:', `\n${yaml.trim()}\nleads:`);
};
const compile = (text: string) => {
  const r = compileScenario(text, 'deal.yaml');
  expect(r.diagnostics.map((d) => d.code)).not.toContain('SC000');
  return r;
};
const codes = (text: string) => compile(text).diagnostics.map((d) => `${d.code} ${d.path}`);

const CONTRACT = `
contract:
  terms:
    seats:
      kind: scope
      label: { en: Seats, zh-CN: 账号 }
      says:
        - { when: { promised: [] }, text: { en: "Ten seats", zh-CN: 十个账号 } }
        - { text: { en: "Five seats", zh-CN: 五个账号 } }
    dates:
      kind: payment-dates
      agreed: [{ shown: [agree-payment-dates] }, { reached: [collection/start] }]
payment:
  amount: { en: "¥9,600", zh-CN: 9600 元 }
  due: 25
  invoice: { sent: { shown: [follow-payment-progress] } }
  approvals:
    finance:
      label: { en: Finance checks the invoice, zh-CN: 财务审核发票 }
      done: { shown: [solve-blockers] }
`;

describe('contract and payment sections', () => {
  it('are in the template a new scenario starts from', () => {
    const { model, diagnostics } = compile(scenarioTemplate('deal', 'zh-CN'));
    expect(diagnostics).toEqual([]);
    expect(model!.contract.terms.map((t) => [t.id, t.says[0]!.text['zh-CN']])).toEqual([
      ['scope', '交付的内容。'],
      ['price', '价格。'],
      ['payment-dates', '客户何时、如何付款。'],
      ['documents', '附带的资料。'],
    ]);
    expect(model!.payment).toMatchObject({ due: 30, approvals: [{ id: 'finance', done: [{ shown: ['solve-blockers'] }] }] });
    expect(template).not.toContain('contract:');
  });

  it('compile into the model: terms in file order, labels, variants, alternatives, approvals', () => {
    const { model, diagnostics } = compile(withSections(CONTRACT));
    expect(diagnostics).toEqual([]);
    expect(model!.contract.terms).toEqual([
      {
        id: 'seats',
        kind: 'scope',
        label: { en: 'Seats', 'zh-CN': '账号' },
        says: [
          { when: { promised: [] }, text: { en: 'Ten seats', 'zh-CN': '十个账号' } },
          { text: { en: 'Five seats', 'zh-CN': '五个账号' } },
        ],
        agreed: [{ shown: ['confirm-terms'] }],
      },
      {
        id: 'dates',
        kind: 'payment-dates',
        label: { en: 'Payment dates', 'zh-CN': '回款时间' },
        says: [],
        agreed: [{ shown: ['agree-payment-dates'] }, { reached: ['collection/start'] }],
      },
    ]);
    expect(model!.payment).toEqual({
      amount: [{ text: { en: '¥9,600', 'zh-CN': '9600 元' } }],
      due: 25,
      invoiceSent: [{ shown: ['follow-payment-progress'] }],
      approvals: [{ id: 'finance', label: { en: 'Finance checks the invoice', 'zh-CN': '财务审核发票' }, done: [{ shown: ['solve-blockers'] }] }],
    });
  });

  it('default to the signing checklist and the cadence when the file has neither', () => {
    const { model } = compile(template);
    expect(model!.contract.terms.map((t) => [t.id, t.kind, t.label.en, t.label['zh-CN'], t.says, t.agreed])).toEqual([
      ['scope', 'scope', 'Scope', '范围', [], [{ shown: ['confirm-terms'] }]],
      ['price', 'price', 'Price', '价格', [], [{ shown: ['confirm-terms'] }]],
      ['payment-dates', 'payment-dates', 'Payment dates', '回款时间', [], [{ shown: ['agree-payment-dates'] }]],
      ['documents', 'documents', 'Documents', '资料', [], [{ shown: ['prepare-documents'] }]],
    ]);
    expect(model!.payment).toEqual({ amount: [], due: model!.cadence.tooLong.days, invoiceSent: [{}], approvals: [] });
  });

  it('leave out a default term whose key action the checklist removed', () => {
    const text = withSections('checklist: { remove: [prepare-documents] }', template.replace(', prepare-documents', ''));
    const { model, diagnostics } = compile(text);
    expect(diagnostics).toEqual([]);
    expect(model!.contract.terms.map((t) => t.id)).toEqual(['scope', 'price', 'payment-dates']);
  });

  it('SC035 for a term left to a default the checklist cannot give', () => {
    const text = withSections('checklist: { remove: [prepare-documents] }\ncontract: { terms: { pack: { kind: documents } } }', template.replace(', prepare-documents', ''));
    const d = compile(text).diagnostics;
    expect(d.map((x) => [x.code, x.path, x.args.implicit])).toEqual([['SC035', 'contract.terms.pack', 1]]);
    expect(d[0]!.message).toContain('"agreed"');
  });

  it('SC035 only when no alternative can ever hold', () => {
    const text = (done: string) =>
      withSections(`promises: { discount: { label: { en: Discount, zh-CN: 折扣 } } }\npayment: { approvals: { board: { label: { en: Board, zh-CN: 董事会 }, done: ${done} } } }`);
    expect(codes(text('[{ promised: [discount] }, { shown: [solve-blockers] }]'))).toEqual([]);
    expect(codes(text('{ committed: [too-shy-to-chase], recorded: [pains] }'))).toEqual([]);
    const never = withSections(
      'promises: { discount: { label: { en: Discount, zh-CN: 折扣 } } }\n' +
        'payment: { approvals: { board: { label: { en: Board, zh-CN: 董事会 }, done: [{ promised: [discount] }, { recorded: [pains], promised: [discount] }] } } }',
    );
    expect(codes(never)).toEqual(['SC035 payment.approvals.board.done[0].promised[0]']);
  });

  it('refuse tests that can turn false again in "agreed", "done" and "sent", and allow them in variants', () => {
    const text = withSections(`
contract:
  terms:
    price:
      kind: price
      says: [{ when: { trust: ">= 50", not-promised: [] }, text: { en: A, zh-CN: 甲 } }, { text: { en: B, zh-CN: 乙 } }]
      agreed: { shown: [confirm-terms], stage: [signing] }
payment:
  invoice: { sent: [{ interest: "> 10" }, { not-revealed: [pains] }] }
`);
    expect(codes(text)).toEqual([
      'SC036 contract.terms.price.agreed.stage',
      'SC036 payment.invoice.sent[0].interest',
      'SC036 payment.invoice.sent[1].not-revealed',
    ]);
  });

  it('name unknown ids with a suggestion, and an out-of-range due day', () => {
    const text = withSections(`
contract: { terms: { price: { kind: price, agreed: { shown: [confirm-term] } } } }
payment:
  due: 400
  approvals: { ok: { label: { en: OK, zh-CN: 好 }, done: { revealed: [pain], reached: [collection/strat] } } }
`);
    const d = compile(text).diagnostics;
    expect(d.map((x) => [x.code, x.args.id ?? x.args.value, x.args.suggestion])).toEqual([
      ['SC016', 'confirm-term', 'confirm-terms'],
      ['SC024', 400, undefined],
      ['SC015', 'pain', 'pains'],
      ['SC012', 'collection/strat', 'collection/start'],
    ]);
  });

  it('report shape problems inside them precisely, and check the rest of the file', () => {
    const text = withSections(`
contract: { terms: { price: { kind: prise, agreed: { shwon: [confirm-terms] } }, scope: { kind: scope, agreed: { shown: [confirm-termz] } } } }
payment: { approvals: { ok: { label: { en: OK, zh-CN: 好 }, done: [{ revealed: [pains] }, { recroded: [pains] }] } } }
`).replace('minutes: 10', 'minutes: 0');
    const d = compile(text).diagnostics;
    expect(d.map((x) => `${x.code} ${x.path} ${x.args.suggestion ?? ''}`.trim())).toEqual([
      'SC024 minutes',
      'SC011 contract.terms.price.kind price',
      'SC009 contract.terms.price.agreed.shwon shown',
      'SC016 contract.terms.scope.agreed.shown[0] confirm-terms',
      'SC009 payment.approvals.ok.done[1].recroded recorded',
    ]);
    expect(d.find((x) => x.code === 'SC011')!.message).toContain('Did you mean "price"?');
  });

  it('ask for every declared language in their texts (SC023)', () => {
    const d = compile(withSections('payment: { amount: [{ text: { en: "¥9,600" } }], approvals: { ok: { label: OK, done: {} } } }')).diagnostics;
    expect(d.map((x) => `${x.code} ${x.path}`)).toEqual(['SC023 payment.amount[0].text', 'SC023 payment.approvals.ok.label']);
  });
});
