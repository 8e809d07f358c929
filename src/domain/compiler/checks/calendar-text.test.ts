/// <reference types="vite/client" />
import { describe, expect, it } from 'vitest';
import { compileScenario } from '../compile';
import { lineNamesDay, narrationNamesDay, statedDays } from './calendar-text';
import FIXTURE from '../../../../test/fixtures/diagnostics/SC046-two-days-later-same-day.yaml?raw';

describe('words against the calendar', () => {
  it('finds a narration that opens by naming the day, in English and Chinese', () => {
    for (const t of ['Thursday, 10:00. Zhou calls back.', '(Monday) The plant is quiet.', "It's the 24th: the invoice is due.", '周四上午十点，周敏回电。', '星期一，工厂很安静。', '今天是 24 号，发票到期。'])
      expect(narrationNamesDay(t), t).toBe(true);
    for (const t of ['{weekday}, 10:00. Zhou calls back.', 'A meeting room on the 28th floor.', 'The bookkeeper pays on the 25th.', 'Dana starts at a rival chain on Monday.', '手机弹出通知：达娜下周一上任。', '{weekday}上午，弗洛里安发来短信。'])
      expect(narrationNamesDay(t), t).toBe(false);
  });

  it('takes a customer line to name the day only when it says so outright', () => {
    for (const t of ['Today is Thursday, and nothing has arrived.', '(Thursday) Paid!', '今天是周四，钱还没到。', '（周五）款已付。']) expect(lineNamesDay(t), t).toBe(true);
    for (const t of ['Tuesday works. See you then.', 'Thursday at ten works.', '周二还是周四更方便？', 'Call me on Thursday if you like.']) expect(lineNamesDay(t), t).toBe(false);
  });

  it('reads how many days a line says have passed', () => {
    expect(statedDays('Two days later, 10:00: a video call with Lin.')).toBe(2);
    expect(statedDays('(The next day) Paid!')).toBe(1);
    expect(statedDays('A week later, the small meeting room.')).toBe(7);
    expect(statedDays('(Three days later) "Received."')).toBe(3);
    expect(statedDays('两天后上午十点，和林晓视频通话。')).toBe(2);
    expect(statedDays('（第二天）款到了。')).toBe(1);
    expect(statedDays('一周后，德锐财务部的小会议室。')).toBe(7);
    expect(statedDays('10 days later the PO arrives.')).toBe(10);
    expect(statedDays('Later that week, a call.')).toBeNull();
    expect(statedDays('We met two days later than planned.')).toBeNull();
  });

  it('accepts the days on the moves into the step or on its own moves, and nothing else', () => {
    const codes = (text: string) => compileScenario(text, 'office-printers.yaml').diagnostics.filter((d) => d.code === 'SC046').map((d) => d.args.passed);
    expect(codes(FIXTURE)).toEqual([0]);
    // Every way in passes the two days: the follow-up call comes two days after the first.
    const into = FIXTURE.replace('effects: { reveals: [pains] }', 'effects: { days: 2, reveals: [pains] }').replace('effects: { interest: -10 }\n            next: follow-up', 'effects: { days: 2, interest: -10 }\n            next: follow-up');
    expect(codes(into)).toEqual([]);
    // Or the moves made on that call pass them (days pass before a move).
    expect(codes(FIXTURE.replace('effects: { reveals: [payment-process] }', 'effects: { days: 2, reveals: [payment-process] }'))).toEqual([]);
    // One way in that passes one day is still wrong.
    expect(codes(FIXTURE.replace('effects: { reveals: [pains] }', 'effects: { days: 1, reveals: [pains] }'))).toEqual([1]);
  });
});
