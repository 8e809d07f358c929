/** The seven Lead-to-Cash stages, in order. Ids are stable: files, saved attempts and translations use them. */
export const STAGES = [
  'leads',
  'first-contact',
  'discovery',
  'presentation',
  'negotiation',
  'signing',
  'collection',
] as const;

export type StageId = (typeof STAGES)[number];

/** Stages 2–7: the ones played as a conversation (a graph of steps). */
export const CONVERSATION_STAGES = STAGES.slice(1) as readonly ConversationStageId[];
export type ConversationStageId = Exclude<StageId, 'leads'>;

/** True when `id` names one of the seven stages. */
export function isStageId(id: string): id is StageId {
  return (STAGES as readonly string[]).includes(id);
}

/** The stage that follows `stage`, or null after collection. */
export function nextStage(stage: StageId): StageId | null {
  const i = STAGES.indexOf(stage);
  return i >= 0 && i < STAGES.length - 1 ? STAGES[i + 1]! : null;
}

/** Zero-based position of a stage in the chain. */
export function stageIndex(stage: StageId): number {
  return STAGES.indexOf(stage);
}
