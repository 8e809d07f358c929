import { describe, expect, it } from 'vitest';
import { spokenLine } from './speaker';

describe('who says a customer line', () => {
  it('is the person a line starts with, in either language', () => {
    const line = { en: 'Shen Li: Good, then we stamp today.', 'zh-CN': '沈丽：好，那今天就盖章。' };
    expect(spokenLine(line, 'en')).toEqual({ speaker: 'Shen Li', text: 'Good, then we stamp today.', locale: 'en', fallback: false });
    expect(spokenLine(line, 'zh-CN')).toEqual({ speaker: '沈丽', text: '好，那今天就盖章。', locale: 'zh-CN', fallback: false });
    expect(spokenLine({ en: "Lin: Chen Yu's ready to sign." }, 'zh-CN')).toEqual({ speaker: 'Lin', text: "Chen Yu's ready to sign.", locale: 'en', fallback: true });
  });

  it('is the customer otherwise, even when a sentence has a colon', () => {
    for (const en of ['Bad news: the invoice came back.', 'Honestly? Through spreadsheets: all of it.', '(Lin, on chat) The team loves it!', 'We have three options: a, b or c.']) {
      expect(spokenLine({ en, 'zh-CN': '坏消息：发票被退回来了。' }, 'zh-CN').speaker).toBeNull();
      expect(spokenLine({ en }, 'en')).toMatchObject({ speaker: null, text: en });
    }
    // A Chinese-only line is never split: only the English text can say that it names a person.
    expect(spokenLine({ 'zh-CN': '沈丽：好。' }, 'zh-CN').speaker).toBeNull();
    expect(spokenLine(undefined, 'en')).toEqual({ speaker: null, text: '', locale: 'en', fallback: true });
  });
});
