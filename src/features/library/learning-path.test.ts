import { describe, expect, it } from 'vitest';
import type { ScenarioMeta } from '../../domain/scenario/model';
import { learningPath } from './learning-path';

const meta = (id: string, difficulty: ScenarioMeta['difficulty'], industry: string): ScenarioMeta => ({
  id,
  version: '1',
  hash: id,
  title: { en: id },
  summary: { en: '' },
  industry: { en: industry },
  difficulty,
  minutes: 10,
  languages: ['en'],
});
const entries = [
  { file: 'c', meta: meta('c', 'advanced', 'Retail') },
  { file: 'broken', meta: null },
  { file: 'b2', meta: meta('b2', 'intermediate', 'Software') },
  { file: 'b1', meta: meta('b1', 'intermediate', 'Manufacturing') },
  { file: 'a', meta: meta('a', 'intro', 'Software') },
];
const progress = (id: string, passed: boolean, inProgress = false) => ({ [id]: { attempts: 1, best: passed ? 80 : 30, passed, inProgress } });

describe('the learning path', () => {
  it('orders intro → intermediate → advanced, by industry within a level, drafts last', () => {
    const path = learningPath(entries, {}, 'en');
    expect(path.ordered.map((e) => e.file)).toEqual(['a', 'b1', 'b2', 'c', 'broken']);
    expect(path.levels).toEqual([
      { level: 'intro', total: 1, passed: 0 },
      { level: 'intermediate', total: 2, passed: 0 },
      { level: 'advanced', total: 1, passed: 0 },
    ]);
    expect(path.next).toBe('a');
  });

  it('takes next the first not passed, one in progress first, and none when all are passed', () => {
    expect(learningPath(entries, { ...progress('a', true) }, 'en').next).toBe('b1');
    expect(learningPath(entries, { ...progress('a', true), ...progress('b2', false, true) }, 'en').next).toBe('b2');
    const all = Object.assign({}, ...['a', 'b1', 'b2', 'c'].map((id) => progress(id, true)));
    const done = learningPath(entries, all, 'en');
    expect(done.next).toBeNull();
    expect(done.levels.map((l) => l.passed)).toEqual([1, 2, 1]);
  });
});
