import { DEFAULT_CHECKLIST, type ChecklistItem } from '../ltc/default-checklist';
import type { ScenarioSource } from '../scenario/schema';
import { toText } from './texts';

/** The default checklist with the scenario's removals, additions and weights applied. */
export function mergeChecklist(source: Pick<ScenarioSource, 'checklist'>, original: 'en' | 'zh-CN' = 'en'): ChecklistItem[] {
  const config = source.checklist ?? {};
  const removed = new Set(config.remove ?? []);
  const items: ChecklistItem[] = DEFAULT_CHECKLIST.filter((i) => !removed.has(i.id)).map((i) => ({ ...i }));
  for (const add of config.add ?? []) {
    if (items.some((i) => i.id === add.id)) continue;
    items.push({
      id: add.id,
      stage: add.stage,
      kind: add.kind,
      label: toText(add.label, original),
      weight: add.weight ?? 1,
      ...(add.why !== undefined ? { why: toText(add.why, original) } : {}),
    });
  }
  for (const [id, why] of Object.entries(config.why ?? {})) {
    const item = items.find((i) => i.id === id);
    if (item) item.why = toText(why, original);
  }
  for (const [id, weight] of Object.entries(config.weights ?? {})) {
    const item = items.find((i) => i.id === id);
    if (item) item.weight = weight;
  }
  return items;
}
