/**
 * Replay frames: an attempt's event log re-run into one frame per move (and frame 0 before any move),
 * each holding what the replay viewer shows at that step: the move, the transcript lines it added, the
 * customer's state, the calendar, the facts and promises, the key actions and pitfalls it earned and
 * the score so far. Frames share the drill's immutable contexts, so they cost little beyond the replay.
 */
import type { StageId } from '../ltc/stages';
import type { Meters, ScenarioModel } from '../scenario/model';
import type { DrillContext, DrillState, Move, Position, TranscriptEntry } from '../runtime/context';
import { run } from '../runtime/engine';
import { scoreContext, type AttemptScore, type Band } from '../scoring/score';

/** What a frame can be jumped to for. */
export type FrameMark = 'key-action' | 'pitfall' | 'objection' | 'stage' | 'surprise' | 'cadence' | 'end';

export interface FrameScore {
  overall: number;
  band: Band;
  stages: { stage: StageId; score: number; band: Band; reached: boolean }[];
}

/** Key actions first shown and pitfalls committed by one move, by the stage they count for. */
export interface Earned {
  stage: StageId;
  keyActions: string[];
  pitfalls: string[];
}

export interface ReplayFrame {
  /** 0 before any move; i after move i (the transcript's `turn`). */
  index: number;
  move: Move | null;
  /** When the move was made (ms since the epoch), if known. */
  time: number | null;
  /** Where the move was made; null for frame 0. */
  at: Position | null;
  /** Where the drill stands after it. */
  position: Position;
  /** The transcript lines this move added: `transcript.slice(from, to)` of the final transcript. */
  entries: { from: number; to: number };
  stage: StageId;
  day: number;
  meters: Meters;
  lastTouch: DrillContext['lastTouch'];
  revealed: readonly string[];
  recorded: readonly string[];
  promised: readonly string[];
  earned: Earned[];
  /** The score of the attempt as it stood after this move. */
  score: FrameScore;
  marks: FrameMark[];
  /** The whole drill state after this move (shared, never copied). */
  context: DrillContext;
}

export interface AttemptReplay {
  frames: ReplayFrame[];
  /** The transcript after the last replayed move; frames index into it. */
  transcript: readonly TranscriptEntry[];
  /** Index of the first move that was not legal (frames stop before it), or null. */
  rejectedAt: number | null;
  /** The full score after the last replayed move. */
  score: AttemptScore;
  /** The drill's state at each frame, for playing alternatives from any frame. */
  states: readonly DrillState[];
}

/** What move `index` earned, read from a score of a context at or after that move. */
export function earnedAt(score: AttemptScore, index: number): Earned[] {
  const out: Earned[] = [];
  for (const s of score.stages) {
    const keyActions = s.keyActions.filter((k) => k.turn === index).map((k) => k.id);
    const pitfalls = s.pitfalls.filter((p) => p.turns.includes(index)).map((p) => p.id);
    if (keyActions.length || pitfalls.length) out.push({ stage: s.stage, keyActions, pitfalls });
  }
  return out;
}

const frameScore = (s: AttemptScore): FrameScore => ({
  overall: s.overall.score,
  band: s.overall.band,
  stages: s.stages.map(({ stage, score, band, reached }) => ({ stage, score, band, reached })),
});

const ENTRY_MARKS: Partial<Record<TranscriptEntry['kind'], FrameMark>> = { objection: 'objection', stage: 'stage', surprise: 'surprise', cadence: 'cadence', end: 'end' };

/** Re-runs an event log into frames. `times` are the moves' timestamps (parallel to `moves`). */
export function replayFrames(model: ScenarioModel, seed: number, moves: readonly Move[], times: readonly (number | null)[] = []): AttemptReplay {
  const { states, rejectedAt } = run(model, { seed, moves });
  let finalScore: AttemptScore | undefined;
  const frames = states.map((state, index): ReplayFrame => {
    const c = state.context;
    const score = scoreContext(model, c);
    finalScore = score;
    const from = index === 0 ? 0 : states[index - 1]!.context.transcript.length;
    const earned = index === 0 ? [] : earnedAt(score, index);
    const marks = new Set<FrameMark>();
    if (earned.some((e) => e.keyActions.length)) marks.add('key-action');
    if (earned.some((e) => e.pitfalls.length)) marks.add('pitfall');
    if (index > 0) for (let i = from; i < c.transcript.length; i++) {
      const mark = ENTRY_MARKS[c.transcript[i]!.kind];
      if (mark) marks.add(mark);
    }
    return {
      index,
      move: index === 0 ? null : moves[index - 1]!,
      time: index === 0 ? null : (times[index - 1] ?? null),
      at: index === 0 ? null : states[index - 1]!.position,
      position: state.position,
      entries: { from, to: c.transcript.length },
      stage: c.stage,
      day: c.day,
      meters: c.meters,
      lastTouch: c.lastTouch,
      revealed: c.revealed,
      recorded: c.recorded,
      promised: c.promised,
      earned,
      score: frameScore(score),
      marks: [...marks],
      context: c,
    };
  });
  return { frames, transcript: frames[frames.length - 1]!.context.transcript, rejectedAt, score: finalScore!, states };
}

/** The next frame after `from` (or the previous one, `direction` -1) with `mark`, or null. */
export function findMark(frames: readonly ReplayFrame[], from: number, mark: FrameMark, direction: 1 | -1 = 1): number | null {
  for (let i = from + direction; i >= 0 && i < frames.length; i += direction) if (frames[i]!.marks.includes(mark)) return i;
  return null;
}
