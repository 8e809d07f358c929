import { describe, expect, it } from 'vitest';
import { expertPlan, tour } from '../../../test/support/load';
import type { Move } from '../runtime/context';
import { ReplayError, score } from './score';
import { judgeLeadPlan } from '../runtime/lead-plan';

const model = tour();
const plan = expertPlan(model);
const moves = (...options: string[]): Move[] => [{ type: 'leads.submit', plan }, ...options.map((option) => ({ type: 'choose' as const, option }))];
const stage = (s: ReturnType<typeof score>, id: string) => s.stages.find((x) => x.stage === id)!;

const expert = [
  'first-contact/intro/1', 'discovery/ask/1', 'discovery/deeper/1', 'presentation/demo/1', 'negotiation/price/1',
  'signing/terms/1', 'collection/invoice/1', 'collection/blocker/1',
];

describe('the scorer', () => {
  it('gives full marks to a stage whose key actions were all shown with no pitfall, naming each turn', () => {
    const s = score(model, { seed: 1, moves: moves(...expert) });
    const fc = stage(s, 'first-contact');
    expect(fc).toMatchObject({ reached: true, score: 100, band: 'excellent', passed: true });
    expect(fc.keyActions.map((k) => k.turn)).toEqual([2, 2, 2]);
    expect(fc.pitfalls.every((p) => p.turns.length === 0)).toBe(true);
    expect(s.outcome).toMatchObject({ outcome: 'won', stage: 'collection' });
  });

  it('counts recording a fact during discovery as "record key information"', () => {
    const without = score(model, { seed: 1, moves: moves(...expert) });
    expect(stage(without, 'discovery').keyActions.find((k) => k.id === 'record-key-info')!.turn).toBeNull();
    const log = moves(...expert);
    log.splice(3, 0, { type: 'record', fact: 'pains' });
    const withRecord = score(model, { seed: 1, moves: log });
    expect(stage(withRecord, 'discovery').keyActions.find((k) => k.id === 'record-key-info')!.turn).toBe(4);
    expect(stage(withRecord, 'discovery').score).toBe(100);
  });

  it('takes a pitfall off once per stage however often it is committed, with every turn listed', () => {
    const s = score(model, { seed: 1, moves: moves('first-contact/intro/2', 'first-contact/intro/2', 'first-contact/intro/1') });
    const fc = stage(s, 'first-contact');
    expect(fc.pitfalls.find((p) => p.id === 'read-from-script')!.turns).toEqual([2, 3]);
    // 3 key actions earned, 2 distinct pitfalls (each weight 1) lost: (3 - 2) / 3.
    expect(fc.score).toBe(33);
    expect(fc.band).toBe('fail');
  });

  it('scores stages never reached as 0, and the overall as the mean of all seven', () => {
    const s = score(model, { seed: 1, moves: moves('first-contact/intro/3') });
    expect(s.outcome).toMatchObject({ outcome: 'lost', stage: 'first-contact' });
    expect(stage(s, 'discovery')).toMatchObject({ reached: false, score: 0, band: 'not-reached', passed: false });
    const mean = Math.round(s.stages.reduce((a, b) => a + b.score, 0) / 7);
    expect(s.overall.score).toBe(mean);
    expect(s.overall.passed).toBe(false);
  });

  it('applies the per-stage pass mark from the file', () => {
    const s = score(model, { seed: 1, moves: moves(...expert) });
    expect(stage(s, 'negotiation').passMark).toBe(70);
    expect(stage(s, 'signing').passMark).toBe(60);
  });

  it('reports the process indicators: days per stage, touches against the rhythm, signing to cash', () => {
    const log = moves('first-contact/intro/2', 'first-contact/intro/1', ...expert.slice(1));
    const s = score(model, { seed: 1, moves: log });
    expect(s.indicators.touchCounts).toMatchObject({ total: 3, tooSoon: 1 });
    expect(s.indicators.touches[1]).toMatchObject({ verdict: 'too-soon', gap: 0, channel: 'call' });
    expect(s.indicators.signingToCash).toBe(30);
    expect(s.indicators.daysPerStage.collection).toBe(30);
    expect(s.indicators.series.length).toBe(s.indicators.moves);
    expect(s.indicators.totalDays).toBe(30);
  });

  it('judges the lead plan against the expert answers', () => {
    expect(stage(score(model, { seed: 1, moves: moves() }), 'leads').score).toBe(100);
    const sloppy = { ...plan, profile: ['any'], pursue: ['northwind', 'contoso', 'fabrikam'], record: ['hobby'] };
    const j = judgeLeadPlan(model.leads, sloppy);
    expect(j.earned).toEqual({ 'lead-profile': false, 'lead-grades': true, 'lead-record': false, 'lead-quantity': true });
    const s = score(model, { seed: 1, moves: [{ type: 'leads.submit', plan: sloppy }] });
    expect(stage(s, 'leads').pitfalls[0]).toMatchObject({ id: 'quantity-over-quality', turns: [1] });
    expect(stage(s, 'leads').score).toBe(0);
  });

  it('does not depend on the language of the scenario texts', () => {
    const a = score(model, { seed: 3, moves: moves(...expert) });
    const renamed = JSON.parse(JSON.stringify(model).replaceAll('"en":', '"zh-CN":'));
    expect(score(renamed, { seed: 3, moves: moves(...expert) }).stages).toEqual(a.stages);
  });

  it('refuses a log that does not fit the scenario, naming the move', () => {
    expect(() => score(model, { seed: 1, moves: moves('signing/terms/1') })).toThrow(ReplayError);
  });
});
