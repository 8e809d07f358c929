/**
 * The generated branching story, described once and rendered twice: as a scenario (generate.ts)
 * and as ink (ink.ts), so that both engines compile and play exactly the same graph.
 *
 * N steps are spread over the six conversation stages (the first stages get the remainder). Within
 * a stage the steps form a forward graph; every step has three options:
 *   A: trust +5, interest +3                      → the next step           (shows a key action)
 *   B: trust -3, interest -4                      → the step after next     (commits a pitfall)
 *   C: only when trust >= 40; trust +2, interest +6 → the next step         (shows a key action)
 * Leaving the end of a stage moves on to the next stage; leaving the end of collection wins,
 * except B at collection's last step, which stalls. Meters stay within 0…100 (as the runtime
 * clamps them) and interest 0 loses the deal. A's "next step" chain makes every step reachable.
 */
import { CONVERSATION_STAGES, type ConversationStageId } from '../src/domain/ltc/stages';

export const START = { trust: 30, interest: 50, patience: 60 } as const;
export const GUARD_TRUST = 40;

export type StoryTarget =
  | { kind: 'step'; index: number }
  | { kind: 'stage'; stage: ConversationStageId }
  | { kind: 'end'; outcome: 'won' | 'stalled' };

export interface StoryOption {
  label: 'A' | 'B' | 'C';
  rep: string;
  trust: number;
  interest: number;
  /** Offered only when trust >= GUARD_TRUST. */
  guarded: boolean;
  target: StoryTarget;
}

export interface StoryStep {
  /** Global index, 0…N-1; ids are `s-<index>` (scenario) and `s_<index>` (ink). */
  index: number;
  stage: ConversationStageId;
  /** Position within its stage. */
  k: number;
  line: string;
  options: StoryOption[];
}

export interface Story {
  size: number;
  steps: StoryStep[];
  /** First step index and number of steps of each stage. */
  stages: { stage: ConversationStageId; first: number; count: number }[];
}

/** Builds the story graph of `n` steps (n >= 6, at least one step per stage). */
export function buildStory(n: number): Story {
  if (n < CONVERSATION_STAGES.length) throw new Error(`a story needs at least ${CONVERSATION_STAGES.length} steps`);
  const per = Math.floor(n / CONVERSATION_STAGES.length);
  const extra = n % CONVERSATION_STAGES.length;
  const stages: Story['stages'] = [];
  let first = 0;
  CONVERSATION_STAGES.forEach((stage, si) => {
    const count = per + (si < extra ? 1 : 0);
    stages.push({ stage, first, count });
    first += count;
  });

  const steps: StoryStep[] = [];
  stages.forEach(({ stage, first, count }, si) => {
    const next = CONVERSATION_STAGES[si + 1];
    const exit = (outcome: 'won' | 'stalled' = 'won'): StoryTarget => (next ? { kind: 'stage', stage: next } : { kind: 'end', outcome });
    const to = (k: number, onLast: StoryTarget = exit()): StoryTarget => (k < count ? { kind: 'step', index: first + k } : onLast);
    for (let k = 0; k < count; k++) {
      const index = first + k;
      steps.push({
        index,
        stage,
        k,
        line: `Customer line ${index}: where do we go from here?`,
        options: [
          { label: 'A', rep: `A ${index}: a careful, tailored answer`, trust: 5, interest: 3, guarded: false, target: to(k + 1) },
          {
            label: 'B',
            rep: `B ${index}: a pushy shortcut`,
            trust: -3,
            interest: -4,
            guarded: false,
            // B from the last step of collection stalls; from anywhere else it skips one step.
            target: k === count - 1 ? exit('stalled') : to(k + 2),
          },
          { label: 'C', rep: `C ${index}: the trusted-advisor move`, trust: 2, interest: 6, guarded: true, target: to(k + 1) },
        ],
      });
    }
  });
  return { size: n, steps, stages };
}
