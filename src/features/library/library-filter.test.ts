import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { type AttemptRecord } from '../../domain/attempts/attempt-record';
import { newAttemptRecord } from '../../domain/attempts/new-attempt';
import { compileScenario } from '../../domain/compiler/compile';
import { scenarioMeta } from '../../domain/scenario/model';
import { matchesFilters, NO_FILTERS, progressByScenario, type LibraryFilters } from './library-filter';

const meta = (file: string) => scenarioMeta(compileScenario(readFileSync(file, 'utf8'), file).model!);
const tutorial = meta('scenarios/first-deal-tutorial.yaml');
const retail = meta('scenarios/retail-saas-rollout.yaml');

const attempt = (id: string, scenario: typeof tutorial, status: AttemptRecord['status'], score?: number, passed = false): AttemptRecord => ({
  ...newAttemptRecord({ id, scenario, seed: 1, now: 1 }),
  status,
  ...(score === undefined ? {} : { score: { overall: { score, band: 'pass', passed }, stages: [], outcome: 'won' } }),
});

describe('progress per scenario', () => {
  it('keeps the best finished score, whether any attempt passed, and whether one is in progress', () => {
    const p = progressByScenario([
      attempt('a', tutorial, 'finished', 55),
      attempt('b', tutorial, 'finished', 91, true),
      attempt('c', tutorial, 'in-progress'),
      attempt('d', retail, 'abandoned', 12),
    ]);
    expect(p[tutorial.id]).toEqual({ attempts: 3, best: 91, passed: true, inProgress: true });
    expect(p[retail.id]).toEqual({ attempts: 1, best: 12, passed: false, inProgress: false });
  });
});

describe('the library filters', () => {
  const progress = progressByScenario([attempt('a', tutorial, 'finished', 91, true), attempt('b', retail, 'in-progress')]);
  const keep = (f: Partial<LibraryFilters>) =>
    [tutorial, retail].filter((m) => matchesFilters(`scenarios/${m.id}.yaml`, m, { ...NO_FILTERS, ...f }, progress)).map((m) => m.id);

  it('search every word in either language of the title, summary and industry', () => {
    expect(keep({ text: 'grocery' })).toEqual([retail.id]);
    expect(keep({ text: '设计 工作室' })).toEqual([tutorial.id]);
    expect(keep({ text: 'grocery studio' })).toEqual([]);
    expect(keep({ text: '  ' })).toEqual([tutorial.id, retail.id]);
  });

  it('filter by difficulty, language and progress', () => {
    expect(keep({ difficulty: 'advanced' })).toEqual([retail.id]);
    expect(keep({ language: 'zh-CN' })).toEqual([tutorial.id, retail.id]);
    expect(keep({ progress: 'passed' })).toEqual([tutorial.id]);
    expect(keep({ progress: 'in-progress' })).toEqual([retail.id]);
    expect(keep({ progress: 'new' })).toEqual([]);
    expect(keep({ progress: 'not-passed' })).toEqual([retail.id]);
  });

  it('keep a scenario that does not compile visible unless the search excludes its file name', () => {
    expect(matchesFilters('scenarios/broken.yaml', null, { ...NO_FILTERS, difficulty: 'intro' }, progress)).toBe(true);
    expect(matchesFilters('scenarios/broken.yaml', null, { ...NO_FILTERS, text: 'broken' }, progress)).toBe(true);
    expect(matchesFilters('scenarios/broken.yaml', null, { ...NO_FILTERS, text: 'grocery' }, progress)).toBe(false);
  });
});
