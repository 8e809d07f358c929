/**
 * What the debrief and the replay teach at each decision: the option the trainee chose and why it
 * was right or a mistake, the expert's option at the same step and why, what each earned, and the
 * trainee's own words said first. Pure lookups over the finished context and the exemplar.
 */
import type { Exemplar } from '../explorer/exemplar';
import type { StageId } from '../ltc/stages';
import { exemplarChoices, pointOfOption } from '../replay/exemplar';
import type { Credit, TranscriptEntry } from '../runtime/context';
import { findOption, type OptionModel, type ScenarioModel } from '../scenario/model';

export interface Decision {
  /** The number of the move that made the choice (from 1). */
  turn: number;
  stage: StageId;
  chosen: OptionModel;
  /** What the choice earned for its stage (key actions shown, pitfalls committed). */
  credit: Credit;
  /** The exemplar's option at the same step; null when the exemplar does not decide there (or there is none). */
  expert: OptionModel | null;
  /** Whether the trainee chose what the expert chooses. */
  same: boolean;
  /** What the trainee wrote first ("say it your way first"), if anything. */
  words: string | null;
}

type RepEntry = Extract<TranscriptEntry, { kind: 'rep' }>;

/** The expert's option at the step of `optionId`, or null. */
export function expertOptionAt(model: ScenarioModel, exemplar: Exemplar | null, optionId: string): OptionModel | null {
  if (!exemplar) return null;
  const id = exemplarChoices(exemplar).get(pointOfOption(optionId));
  return (id && findOption(model, id)) || null;
}

/** Every choice of the drill, in order. `freeText`: the trainee's words by move number. */
export function decisionsOf(model: ScenarioModel, context: { transcript: readonly TranscriptEntry[] }, exemplar: Exemplar | null, freeText: readonly { turn: number; text: string }[] = []): Decision[] {
  const words = new Map(freeText.filter((f) => f.text.trim()).map((f) => [f.turn, f.text]));
  const out: Decision[] = [];
  for (const e of context.transcript) {
    if (e.kind !== 'rep') continue;
    const chosen = findOption(model, (e as RepEntry).option);
    if (!chosen) continue;
    const expert = expertOptionAt(model, exemplar, chosen.id);
    out.push({ turn: e.turn, stage: e.stage, chosen, credit: e.credit, expert, same: expert?.id === chosen.id, words: words.get(e.turn) ?? null });
  }
  return out;
}
