/**
 * The naive-strategy audit: does a scenario give its answers away? Plays it with strategies that
 * pick an option by how it looks, not by what it does — the first one, the longest, the one that
 * asks a question, the politest, a random one — over many seeds, and reports their scores beside
 * the expert path's. A scenario of intermediate or advanced level must not be passable this way.
 *
 * The naive player is given every advantage that does not need judgement: the expert's lead plan
 * (stage 1 is not what is audited), every revealed fact recorded at once, and a wait only when no
 * option is offered. So a strategy that still fails, fails on its choices.
 */
import type { Locale } from '../text/localized-text';
import type { OptionModel, ScenarioModel } from '../scenario/model';
import type { Move } from '../runtime/context';
import { startDrill } from '../runtime/drill';
import { shownOptions } from '../runtime/option-order';
import { nextRandom, seedState } from '../runtime/rng';
import { expertLeadPlan } from '../runtime/lead-plan';
import { score } from '../scoring/score';

export const NAIVE_STRATEGIES = ['first', 'longest', 'question', 'politest', 'random'] as const;
export type NaiveStrategy = (typeof NAIVE_STRATEGIES)[number];

const POLITE = /\b(please|thank|thanks|sorry|appreciate|kindly|happy to|would you|could you|may i)\b|请|谢谢|感谢|抱歉|不好意思|麻烦|您/gi;

/** The option's words in the scenario's original language (what an author reads). */
const words = (o: OptionModel, locale: Locale) => o.rep[locale] ?? o.rep.en ?? o.rep['zh-CN'] ?? '';
const politeness = (text: string) => text.match(POLITE)?.length ?? 0;
const asks = (text: string) => /[?？]/.test(text);

/** Picks an option as `strategy` would; `random` draws from `rng` and returns the next state. */
export function naivePick(strategy: NaiveStrategy, options: readonly OptionModel[], locale: Locale, rng: number): { option: OptionModel; rng: number } {
  const by = (rank: (o: OptionModel) => number) => options.reduce((best, o) => (rank(o) > rank(best) ? o : best), options[0]!);
  switch (strategy) {
    case 'first':
      return { option: options[0]!, rng };
    case 'longest':
      return { option: by((o) => words(o, locale).length), rng };
    case 'question':
      return { option: options.find((o) => asks(words(o, locale))) ?? options[0]!, rng };
    case 'politest':
      return { option: by((o) => politeness(words(o, locale)) * 10_000 + words(o, locale).length), rng };
    case 'random': {
      const [roll, next] = nextRandom(rng);
      return { option: options[Math.floor(roll * options.length)]!, rng: next };
    }
  }
}

export interface NaiveGame {
  seed: number;
  score: number;
  passed: boolean;
  outcome: string;
  moves: Move[];
}

/** One game of `strategy` on `model` with the drill's `seed` (and, for `random`, its own draws). */
export function playNaive(model: ScenarioModel, strategy: NaiveStrategy, seed: number, maxMoves = 2_000): NaiveGame {
  const drill = startDrill(model, seed);
  const locale = model.languages[0] ?? 'en';
  let rng = seedState(seed ^ 0x5f3759df);
  drill.send({ type: 'leads.submit', plan: expertLeadPlan(model.leads) });
  for (let n = 0; n < maxMoves; n++) {
    const m = drill.moves();
    if (m.position.phase === 'ended') break;
    const fact = m.recordable[0];
    if (fact !== undefined) {
      drill.send({ type: 'record', fact });
      continue;
    }
    if (m.options.length) {
      // In the order the trainee sees them: "first" is the first option shown.
      const pick = naivePick(strategy, shownOptions(seed, m.position, m.options), locale, rng);
      rng = pick.rng;
      drill.send({ type: 'choose', option: pick.option.id });
    } else if (m.waits.length) drill.send({ type: 'wait', days: Math.min(...m.waits) });
    else break;
  }
  const moves = [...drill.context().log];
  const s = score(model, { seed, moves });
  return { seed, score: s.overall.score, passed: s.overall.passed, outcome: s.outcome?.outcome ?? 'unfinished', moves };
}

export interface StrategyResult {
  strategy: NaiveStrategy;
  games: number;
  meanScore: number;
  maxScore: number;
  passRate: number;
  wonRate: number;
  /** A game that passed, if any (to show the author how). */
  passing: NaiveGame | null;
}

export interface AuditReport {
  scenario: string;
  difficulty: ScenarioModel['difficulty'];
  passMark: number;
  strategies: StrategyResult[];
  /** True when the level demands it (intermediate, advanced) and some naive strategy passed. */
  givesAnswersAway: boolean;
}

/** Plays every naive strategy over `seeds` seeds (1…seeds). */
export function auditScenario(model: ScenarioModel, seeds = 100): AuditReport {
  const strategies = NAIVE_STRATEGIES.map((strategy): StrategyResult => {
    const games = Array.from({ length: seeds }, (_, i) => playNaive(model, strategy, i + 1));
    const passed = games.filter((g) => g.passed);
    return {
      strategy,
      games: games.length,
      meanScore: games.reduce((s, g) => s + g.score, 0) / games.length,
      maxScore: Math.max(...games.map((g) => g.score)),
      passRate: passed.length / games.length,
      wonRate: games.filter((g) => g.outcome === 'won').length / games.length,
      passing: passed[0] ?? null,
    };
  });
  const strict = model.difficulty !== 'intro';
  return { scenario: model.id, difficulty: model.difficulty, passMark: model.passMark.overall, strategies, givesAnswersAway: strict && strategies.some((s) => s.passRate > 0) };
}
