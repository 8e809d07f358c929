import { describe, expect, it } from 'vitest';
import { attemptFixture } from '../../../test/support/attempt-files';
import { loadModel } from '../../../test/support/load';
import { attemptFromFile } from '../attempts/attempt-file';
import { replay } from '../runtime/drill';
import { exemplarChoices } from '../replay/exemplar';
import { graphOf } from '../scenario/model';
import { analyzeAttempt, variantSaid, withExemplar } from './analyze-attempt';

const erp = loadModel('scenarios/precision-erp.yaml');
const losing = attemptFromFile(attemptFixture('precision-erp.losing.json'), null);
const expert = attemptFromFile(attemptFixture('precision-erp.expert.json'), null);
const exemplar = { seed: expert.seed, moves: expert.moves };

describe('one attempt, as the cohort dashboard sees it', () => {
  const a = analyzeAttempt(erp, losing, exemplar);

  it('says who, which scenario, when and how it ended', () => {
    expect(a).toMatchObject({
      attemptId: losing.id,
      trainee: 'Sam Carter',
      scenario: losing.scenario,
      createdAt: losing.createdAt,
      lastMoveAt: losing.times[losing.times.length - 1],
      status: 'finished',
      outcome: 'stalled',
      endedIn: 'first-contact',
      stagesReached: ['leads', 'first-contact'],
      overall: losing.score!.overall,
      rejectedAt: null,
    });
    expect(a.stages.map((s) => [s.stage, s.score, s.band, s.enteredAt])).toEqual([
      ['leads', 100, 'excellent', 0],
      ['first-contact', 0, 'fail', 1],
      ['discovery', 0, 'not-reached', null],
      ['presentation', 0, 'not-reached', null],
      ['negotiation', 0, 'not-reached', null],
      ['signing', 0, 'not-reached', null],
      ['collection', 0, 'not-reached', null],
    ]);
  });

  it('lists the key actions missed in the stages reached, and each pitfall with its turns', () => {
    expect(a.missedKeyActions).toEqual([
      { stage: 'first-contact', id: 'prepare-opening' },
      { stage: 'first-contact', id: 'set-conversation-goal' },
    ]);
    expect(a.pitfalls).toEqual([
      { stage: 'first-contact', id: 'read-from-script', turns: [4] },
      { stage: 'first-contact', id: 'no-tailoring', turns: [2] },
    ]);
  });

  it('reports the process indicators', () => {
    const ctx = replay(erp, losing.seed, losing.moves).drill.context();
    expect(a.indicators).toEqual({
      daysPerStage: { leads: 0, 'first-contact': ctx.day },
      totalDays: ctx.day,
      touches: { total: ctx.touches.length, ok: ctx.touches.filter((t) => t.verdict === 'ok' || t.verdict === 'first').length, tooSoon: 1, tooLong: 0 },
      signingToCash: null,
      moves: 8,
      objections: 0,
      surprises: 0,
    });
    const won = analyzeAttempt(erp, expert, exemplar);
    expect(won.outcome).toBe('won');
    expect(won.indicators.signingToCash).toBe(won.indicators.daysPerStage.collection);
  });

  it('puts each decision beside the exemplar’s choice at the same point', () => {
    expect(a.decisions.slice(0, 2)).toMatchObject([
      { point: 'first-contact/opening', stage: 'first-contact', turn: 2, chosen: 'first-contact/opening/3', exemplar: exemplarChoices(exemplar).get('first-contact/opening') },
      { point: 'first-contact/background', stage: 'first-contact', turn: 3, chosen: 'first-contact/background/2', exemplar: exemplarChoices(exemplar).get('first-contact/background') },
    ]);
    expect(a.decisions.map((d) => d.turn)).toEqual([2, 3, 4, 7, 8]); // waits are not decisions
    expect(analyzeAttempt(erp, expert, exemplar).decisions.every((d) => d.chosen === d.exemplar)).toBe(true);
    const alone = analyzeAttempt(erp, losing, null);
    expect(alone.hasExemplar).toBe(false);
    expect(alone.decisions.every((d) => d.exemplar === null)).toBe(true);
  });

  it('keeps, at each decision, the customer’s line the trainee was answering, as it was said', () => {
    for (const record of [losing, expert]) {
      const ctx = replay(erp, record.seed, record.moves).drill.context();
      const decisions = analyzeAttempt(erp, record, exemplar).decisions;
      expect(decisions.length).toBeGreaterThan(0);
      for (const d of decisions) {
        const rep = ctx.transcript.findIndex((e) => e.kind === 'rep' && e.turn === d.turn);
        const said = ctx.transcript.slice(0, rep).findLast((e) => e.kind === 'customer' && `${e.container}/${e.step}` === d.point);
        expect(said, d.point).toBeDefined();
        expect(d.line!.text).toEqual(said!.kind === 'customer' && said!.text);
        const [container, step] = d.point.split('/');
        const lines = graphOf(erp, container!)!.steps[step!]!.lines;
        expect(d.line!.variant, d.point).not.toBeNull();
        expect(lines[d.line!.variant!]!.text.en!.replace(/\{(date|weekday|due-date)\}/g, '')).toBeTruthy();
      }
    }
  });

  it('tells which variant of a line was said, its dates filled', () => {
    const lines = [
      { text: { en: 'See you {weekday}, {date}? (Due {due-date}.)', 'zh-CN': '{date}（{weekday}）见？' } },
      { text: { en: 'Hello (again).', 'zh-CN': '你好。' } },
    ] as Parameters<typeof variantSaid>[0];
    expect(variantSaid(lines, { en: 'See you Tuesday, March 4? (Due April 3.)', 'zh-CN': '3月4日（周二）见？' })).toBe(0);
    expect(variantSaid(lines, { en: 'Hello (again).', 'zh-CN': '你好。' })).toBe(1);
    expect(variantSaid(lines, lines[1]!.text)).toBe(1);
    expect(variantSaid(lines, { en: 'Something else.' })).toBeNull();
    expect(variantSaid(lines, { en: 'See you Tuesday, March 4? (Due April 3.)' })).toBeNull(); // the Chinese is missing
  });

  it('gives the lead plan lead by lead beside the expected grade', () => {
    const plan = losing.moves.find((m) => m.type === 'leads.submit')!.plan;
    expect(a.leadPlan).toEqual(
      erp.leads.pool.map((l) => ({ lead: l.id, given: plan.grades[l.id] ?? null, expected: l.grade, pursued: plan.pursue.includes(l.id), shouldPursue: l.id === erp.leads.customerLead })),
    );
    expect(analyzeAttempt(erp, { ...losing, moves: [], times: [] }, null).leadPlan).toBeNull();
  });

  it('gives the same answer from a context just replayed, without replaying again', () => {
    const ctx = replay(erp, losing.seed, losing.moves).drill.context();
    expect(analyzeAttempt(erp, losing, exemplar, ctx)).toEqual(a);
  });

  it('counts the stage an objection was raised in, for the decisions inside it', () => {
    const retail = loadModel('scenarios/retail-saas-rollout.yaml');
    const record = attemptFromFile(attemptFixture('retail-saas-rollout.losing.json'), null);
    const inObjections = analyzeAttempt(retail, record, null).decisions.filter((d) => !d.point.startsWith(d.stage + '/'));
    expect(inObjections.length).toBeGreaterThan(0);
    for (const d of inObjections) expect(Object.keys(retail.objections)).toContain(d.point.split('/')[0]);
  });

  it('covers the moves that replay, and says where a damaged log stops', () => {
    const damaged = { ...losing, moves: [...losing.moves.slice(0, 3), { type: 'wait' as const, days: 99 }], times: [1, 2, 3, 4] };
    const d = analyzeAttempt(erp, damaged, exemplar);
    expect(d.rejectedAt).toBe(3);
    expect(d.indicators.moves).toBe(3);
    expect(d.outcome).toBeNull();
  });
});

describe('an analysis made without the expert path', () => {
  it('gets the exemplar’s choices afterwards exactly as if it had had them', () => {
    for (const record of [losing, expert]) {
      expect(withExemplar(analyzeAttempt(erp, record, null), exemplar)).toEqual(analyzeAttempt(erp, record, exemplar));
    }
    const bare = analyzeAttempt(erp, losing, null);
    expect(withExemplar(bare, null)).toBe(bare);
  });
});
