/**
 * The pure lookups behind the debrief: what the rep did at a turn, and what the expert path does at
 * the same step. No React here, so they are easy to test and reuse.
 */
import type { Exemplar } from '../../domain/explorer/exemplar';
import type { DrillContext, TranscriptEntry } from '../../domain/runtime/context';
import { findOption, type OptionModel, type ScenarioModel } from '../../domain/scenario/model';
import type { Locale } from '../../domain/text/localized-text';

/** Everything a debrief part needs to look things up. */
export interface DebriefData {
  model: ScenarioModel;
  context: DrillContext;
  exemplar: Exemplar | null;
  locale: Locale;
}

type Entry<K extends TranscriptEntry['kind']> = Extract<TranscriptEntry, { kind: K }>;

/** The transcript line that earned (`shows`) or committed (`commits`) `item` at `turn`. */
export function entryFor(context: DrillContext, turn: number, item: string, field: 'shows' | 'commits'): TranscriptEntry | undefined {
  const at = context.transcript.filter((e) => e.turn === turn);
  return (
    at.find((e): e is Entry<'rep'> => e.kind === 'rep' && e[field].includes(item)) ??
    at.find((e) => e.kind === 'rep' || e.kind === 'record' || e.kind === 'lead-plan')
  );
}

export type BetterMove =
  | { kind: 'option'; option: OptionModel }
  | { kind: 'lead-plan'; pursue: string[] }
  | { kind: 'not-on-path' }
  | { kind: 'no-exemplar' };

/**
 * What the expert path does where the rep committed a pitfall: the option it chooses at the same
 * step (option ids are `<container>/<step>/<n>`), or its lead plan for a stage-1 pitfall.
 */
export function betterMove(model: ScenarioModel, exemplar: Exemplar | null, entry: TranscriptEntry | undefined): BetterMove {
  if (!exemplar) return { kind: 'no-exemplar' };
  if (entry?.kind === 'lead-plan') {
    const submit = exemplar.moves.find((m) => m.type === 'leads.submit');
    return submit ? { kind: 'lead-plan', pursue: submit.plan.pursue } : { kind: 'not-on-path' };
  }
  if (entry?.kind !== 'rep') return { kind: 'not-on-path' };
  const prefix = entry.option.split('/').slice(0, 2).join('/') + '/';
  for (const m of exemplar.moves) {
    if (m.type !== 'choose' || !m.option.startsWith(prefix)) continue;
    const option = findOption(model, m.option);
    if (option) return { kind: 'option', option };
  }
  return { kind: 'not-on-path' };
}
