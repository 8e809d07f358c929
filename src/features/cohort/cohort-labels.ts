/**
 * Names for what the cohort report gives as ids: checklist items, options, decision points and
 * scenarios, taken from the scenario models (by content hash) the attempts ran. The UI renders the
 * texts in the reader's language (with a fallback marker); CSV export takes them as plain text.
 */
import type { StageId } from '../../domain/ltc/stages';
import type { TableLabels } from '../../domain/cohort/cohort-tables';
import { findOption, type ScenarioModel } from '../../domain/scenario/model';
import { pickText, type Locale, type LocalizedText } from '../../domain/text/localized-text';

export interface PointText {
  /** The objection the step belongs to, when it is inside one. */
  objection: LocalizedText | undefined;
}

export interface CohortLabels {
  /** A checklist item's label, from the first model that has it. */
  item(stage: StageId, id: string): LocalizedText | undefined;
  /** An option's words, from the scenario version the attempts ran. */
  option(hash: string, optionId: string): LocalizedText | undefined;
  point(hash: string, point: string): PointText;
  /** A stage-1 lead's company name, from the scenario version the attempts ran. */
  lead(hash: string, leadId: string): LocalizedText | undefined;
  /** A scenario's title by id (from any of its versions). */
  scenario(id: string): LocalizedText | undefined;
}

/**
 * Label lookups over `models` (keyed by content hash), memoised per item. A checklist item is named
 * as the `preferred` scenario names it, when one is selected (a scenario may word its items its own way).
 */
export function cohortLabels(models: Record<string, ScenarioModel>, preferred: string | null = null): CohortLabels {
  const all = Object.values(models).sort((a, b) => Number(b.id === preferred) - Number(a.id === preferred));
  const items = new Map<string, LocalizedText | undefined>();
  return {
    item(stage, id) {
      const key = `${stage}/${id}`;
      if (!items.has(key)) items.set(key, all.flatMap((m) => m.checklist).find((i) => i.stage === stage && i.id === id)?.label);
      return items.get(key);
    },
    option: (hash, optionId) => {
      const model = models[hash];
      return model ? findOption(model, optionId)?.rep : undefined;
    },
    point(hash, point) {
      const container = point.split('/')[0] ?? '';
      return { objection: models[hash]?.objections[container]?.label };
    },
    lead: (hash, leadId) => models[hash]?.leads.pool.find((l) => l.id === leadId)?.company,
    scenario: (id) => all.find((m) => m.id === id)?.title,
  };
}

/** Labels for `cohortTables` in the reader's language: plain text, ids where a model lacks the thing. */
export function tableLabels(labels: CohortLabels, locale: Locale, stage: (s: StageId) => string, won: string): TableLabels {
  const text = (value: LocalizedText | undefined, id: string) => (value ? pickText(value, locale).text || id : id);
  return {
    stage,
    item: (s, id) => text(labels.item(s, id), id),
    option: (hash, id) => text(labels.option(hash, id), id),
    lead: (hash, id) => text(labels.lead(hash, id), id),
    text: (value) => pickText(value, locale).text,
    won,
  };
}
