/**
 * English text for the `cohort` command: the attempt-file messages from the app's own `en` locale (so
 * the command and the app say the same thing), labels from the models, and a guard that keeps text
 * taken from files (trainee names, comments, scenario lines) from driving the terminal.
 */
import attemptFileEn from '../locales/en/attemptFile.json';
import drillEn from '../locales/en/drill.json';
import stagesEn from '../locales/en/stages.json';
import type { AttemptFileMessage } from '../domain/attempts/attempt-file';
import type { StageId } from '../domain/ltc/stages';
import { findOption, type ScenarioModel } from '../domain/scenario/model';
import { pickText, type LocalizedText } from '../domain/text/localized-text';

/** Control characters other than tab and line breaks (escape sequences could rewrite the terminal). */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

/** Text from a file, made safe to print: control and bidirectional-override characters become `?`. */
export function plain(text: string): string {
  return text.replace(CONTROL, '?');
}

/** Fills `{{name}}` placeholders, as i18next does (values are printed as plain text). */
export function fill(template: string, args: Record<string, string | number>): string {
  return template.replace(/{{(\w+)}}/g, (whole, name: string) => (name in args ? String(args[name]) : whole));
}

/** The English text of an attempt-file message. */
export function messageText(message: AttemptFileMessage): string {
  const [, group, name] = message.key.split('.') as [string, 'read' | 'verify', string];
  const template = (attemptFileEn[group] as Record<string, string>)[name] ?? message.key;
  return plain(fill(template, message.args));
}

/** A stage's English name. */
export const stageLabel = (stage: StageId): string => stagesEn[stage];

/** A scenario text in English, falling back to Chinese. */
export const en = (text: LocalizedText | undefined): string => plain(pickText(text, 'en').text);

/** A checklist item's label from the model. */
export function itemLabel(model: ScenarioModel | undefined, stage: StageId, id: string): string {
  const item = model?.checklist.find((i) => i.stage === stage && i.id === id);
  return item ? en(item.label) : id;
}

/** An option's words, shortened for a table cell. */
export function optionLabel(model: ScenarioModel | undefined, optionId: string, max = 70): string {
  const option = model && findOption(model, optionId);
  if (!option) return optionId;
  const words = en(option.rep).replace(/\s+/g, ' ');
  return words.length > max ? `${words.slice(0, max - 1)}…` : words;
}

/** Why a drill ended, for built-in reasons. */
export const reasonText = (key: string): string => (drillEn.outcome.reasons as Record<string, string>)[key] ?? key;
