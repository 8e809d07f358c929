import { describe, expect, it } from 'vitest';
import { misplacedSpeakers, spokenLine, spokenLines, type Team } from './speaker';

const base = { person: null, side: 'customer' as const };

describe('who says a customer line', () => {
  it('is the person a line starts with, in either language', () => {
    const line = { en: 'Shen Li: Good, then we stamp today.', 'zh-CN': '沈丽：好，那今天就盖章。' };
    expect(spokenLine(line, 'en')).toEqual({ ...base, speaker: 'Shen Li', text: 'Good, then we stamp today.', locale: 'en', fallback: false });
    expect(spokenLine(line, 'zh-CN')).toEqual({ ...base, speaker: '沈丽', text: '好，那今天就盖章。', locale: 'zh-CN', fallback: false });
    expect(spokenLine({ en: "Lin: Chen Yu's ready to sign." }, 'zh-CN')).toEqual({ ...base, speaker: 'Lin', text: "Chen Yu's ready to sign.", locale: 'en', fallback: true });
  });

  it('is the customer otherwise, even when a sentence has a colon', () => {
    for (const en of ['Bad news: the invoice came back.', 'Honestly? Through spreadsheets: all of it.', '(Lin, on chat) The team loves it!', 'We have three options: a, b or c.']) {
      expect(spokenLine({ en, 'zh-CN': '坏消息：发票被退回来了。' }, 'zh-CN').speaker).toBeNull();
      expect(spokenLine({ en }, 'en')).toMatchObject({ speaker: null, text: en });
    }
    // Without a declared team, a Chinese-only line is never split: only the English text can say that it names a person.
    expect(spokenLine({ 'zh-CN': '沈丽：好。' }, 'zh-CN').speaker).toBeNull();
    expect(spokenLine(undefined, 'en')).toEqual({ ...base, speaker: null, text: '', locale: 'en', fallback: true });
  });
});

describe('several people in one moment', () => {
  const team: Team = {
    lu: { id: 'lu', name: { en: 'Lu Jianhua', 'zh-CN': '陆建华' }, side: 'customer' },
    gu: { id: 'gu', name: { en: 'Gu Zhigang', 'zh-CN': '顾志刚' }, side: 'customer' },
    zhang: { id: 'zhang', name: { en: 'Zhang Wei', 'zh-CN': '张伟' }, side: 'ours' },
    tender: { id: 'tender', name: { en: 'Tender notice', 'zh-CN': '招标公告' }, side: 'document' },
  };

  it('gives one part per speaker line, with who they are and which side', () => {
    const text = { en: 'Lu Jianhua: MES exports once a day.\nGu Zhigang: Five days late by then.\nand nobody checks.', 'zh-CN': '陆建华：MES 每天导一次。\n顾志刚：到我这儿晚了五天。\n也没人核对。' };
    expect(spokenLines(text, 'zh-CN', team).map((p) => [p.speaker, p.person, p.text])).toEqual([
      ['陆建华', 'lu', 'MES 每天导一次。'],
      ['顾志刚', 'gu', '到我这儿晚了五天。\n也没人核对。'],
    ]);
    expect(spokenLines({ 'zh-CN': '招标公告：投标截止 {date}。\n张伟：参数我核过了。' }, 'zh-CN', team).map((p) => p.side)).toEqual(['document', 'ours']);
  });

  it('starts with the customer when the text does not name anyone first', () => {
    expect(spokenLines({ en: 'Fine.\nZhang Wei: I will send the sizing.' }, 'en', team).map((p) => [p.speaker, p.side])).toEqual([
      [null, 'customer'],
      ['Zhang Wei', 'ours'],
    ]);
  });

  it('finds a declared name with a colon in the middle of a line', () => {
    expect(misplacedSpeakers('陆建华：计划科长小周：一遍是从 MES…顾志刚：晚了五天', team)).toEqual(['顾志刚']);
    expect(misplacedSpeakers('Lu Jianhua: fine.\nGu Zhigang: agreed.', team)).toEqual([]);
    expect(misplacedSpeakers('We asked Lu Jianhua about it.', team)).toEqual([]);
  });
});
