// @vitest-environment jsdom
import { cleanup, render } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { TranscriptEntry } from '../domain/runtime/context';
import type { LocalizedText } from '../domain/text/localized-text';
import { initTestI18n } from '../../test/support/i18n';
import { tour } from '../../test/support/load';
import { TranscriptLine } from './TranscriptLine';

const model = tour();
beforeAll(() => initTestI18n('en'));
afterEach(cleanup);

const line = (text: LocalizedText): TranscriptEntry => ({ kind: 'customer', turn: 1, day: 0, stage: 'discovery', text, step: 'ask', container: 'discovery' });
const shown = (entry: TranscriptEntry, locale: 'en' | 'zh-CN' = 'en') => render(<ul><TranscriptLine entry={entry} model={model} locale={locale} /></ul>).container.textContent;

describe('a customer line', () => {
  it('is said by the customer, or by the person it names', () => {
    expect(shown(line({ en: 'How do you route trucks?' }))).toBe('Dana Li: How do you route trucks?');
    expect(shown(line({ en: 'Shen Li: Good, then we stamp today.', 'zh-CN': '沈丽：好，那今天就盖章。' }))).toBe('Shen Li: Good, then we stamp today.');
  });

  it('is said by the person it names in Chinese too', async () => {
    await initTestI18n().changeLanguage('zh-CN');
    expect(shown(line({ en: 'Shen Li: Good, then we stamp today.', 'zh-CN': '沈丽：好，那今天就盖章。' }), 'zh-CN')).toBe('沈丽：好，那今天就盖章。');
    await initTestI18n().changeLanguage('en');
  });
});
