import { describe, expect, it } from 'vitest';
import { asksSayFirst, browserLocale, DEFAULT_PREFERENCES, readSavedApp } from './app-store';

describe('the saved app state', () => {
  it('reads a v1 state (locale only) with default preferences', () => {
    expect(readSavedApp({ locale: 'zh-CN' })).toEqual({ locale: 'zh-CN', preferences: DEFAULT_PREFERENCES });
  });

  it('keeps valid preferences and replaces each damaged field by its default, alone', () => {
    expect(readSavedApp({ locale: 'en', preferences: { sayFirst: 'always', explainBack: false, trainee: 'Wang Fang', coachMe: true } })).toEqual({
      locale: 'en',
      preferences: { sayFirst: 'always', explainBack: false, trainee: 'Wang Fang', coachMe: true },
    });
    expect(readSavedApp({ locale: 'fr', preferences: { sayFirst: 'sometimes', explainBack: 'yes', trainee: 'Li', coachMe: 'on' } })).toEqual({
      locale: browserLocale(),
      preferences: { ...DEFAULT_PREFERENCES, trainee: 'Li' },
    });
    expect(readSavedApp({ preferences: { trainee: 'x'.repeat(500) } }).preferences.trainee).toBe('');
  });

  it('never throws on junk', () => {
    for (const junk of [null, 42, 'x', [], { preferences: null }, { preferences: [] }]) {
      expect(readSavedApp(junk).preferences).toEqual(DEFAULT_PREFERENCES);
    }
  });
});

describe('say it your way first', () => {
  it('is asked on advanced scenarios by default, always or never when the trainee says so', () => {
    expect(['intro', 'intermediate', 'advanced'].map((d) => asksSayFirst('auto', d as never))).toEqual([false, false, true]);
    expect(asksSayFirst('always', 'intro')).toBe(true);
    expect(asksSayFirst('never', 'advanced')).toBe(false);
  });
});

describe('the browser language', () => {
  it('maps any Chinese to zh-CN and anything unknown to English', () => {
    expect(browserLocale(['zh-TW', 'en'])).toBe('zh-CN');
    expect(browserLocale(['fr-FR', 'en-GB'])).toBe('en');
    expect(browserLocale(['de'])).toBe('en');
  });
});
