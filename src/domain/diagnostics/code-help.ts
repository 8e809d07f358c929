/**
 * What each diagnostic code means and how to fix it, in a sentence or two: the guide's list of codes
 * (scenarios/README.md, written by `npm run scenarios -- codes`). Apart from the registry, so that
 * the app's first screen, which needs the registry, does not carry these texts (the app shows the
 * guide itself).
 */
import type { DiagnosticCode } from './codes';

export const CODE_HELP: Record<DiagnosticCode, string> = {
  SC000: 'The checker itself failed on this file: the fault is in the checker, not in the file. Report it with the file attached.',
  SC001: 'The file is over the size limit for a scenario. Shorten long texts or remove pasted data.',
  SC002: 'The file holds binary data, not text. Save the scenario as plain UTF-8 YAML.',
  SC003: 'The file has nothing in it. Start from the template, which has every required part.',
  SC004: 'A line cannot be read as YAML. Check its indentation (the items of one map or list start at the same column), its quotes and brackets, and that the file is one document (no line with ---).',
  SC005: 'YAML indents with spaces only. Replace the tab with spaces.',
  SC006: 'The same key is written twice in one map, so one of them would be lost. Remove or rename one.',
  SC007: 'The file expands too many aliases (*name). Write the content out instead.',
  SC008: 'The document nests deeper than any scenario needs. Look for runaway brackets or indentation.',
  SC009: 'A key the scenario format does not know here, often a typo. Use the suggested key, or one of those this section of the guide lists.',
  SC010: 'A required key is missing. Add it; the guide section of the part concerned lists what is required.',
  SC011: 'A value has the wrong kind or form: a list where a text belongs, an id with capitals, a meter test without a number. Write it the way the message says.',
  SC012: 'A "next", "start" or "reached" names a step that does not exist. Correct the id (the message suggests the closest) or add the step.',
  SC013: 'A stage id is misspelt or not one of the seven. Use one of leads, first-contact, discovery, presentation, negotiation, signing, collection.',
  SC014: 'A "raises" names an objection that is not declared. Declare it under "objections", or correct the id.',
  SC015: 'A fact is revealed or tested that the customer does not have. Declare it under "customer.facts", or correct the id.',
  SC016: 'An option shows or commits an item that is not in the checklist. Correct the id, or add the item with "checklist.add".',
  SC017: 'Two things of the same kind share an id. Rename one: ids must be unique.',
  SC018: 'No path from the stage\'s start leads to this step. Link it with "next" from another step, or remove it.',
  SC019: 'From this step the conversation cannot leave the stage or objection. Give it, or a step it leads to, an option that moves on ("stage", "ends", "resolves" or "raises").',
  SC020: 'No path through the stage reaches the next stage (or cash collected). Add an option with "stage" (or, in collection, "ends: { outcome: won }").',
  SC021: 'An objection is declared but nothing raises it. Raise it from an option, a rule or a surprise, or remove it.',
  SC022: 'No option of its stage shows this key action, or commits this pitfall, so its score can never change. Add it to an option, or remove it with "checklist.remove".',
  SC023: 'The file declares both languages but this text has only one. Add the missing language.',
  SC024: 'A number is outside what it may be (a meter change, days, a chance, a pass mark, a weight). Bring it within the range the message gives.',
  SC025: 'A promise is made or tested that is not declared. Declare it under "promises", or correct the id.',
  SC026: 'An option has no way on. Give it "next", "stage", "ends", "raises" or, in an objection, "resolves: true".',
  SC027: 'An option (or a surprise) names two places to go, such as "next" and "stage". Keep one.',
  SC028: 'A key is valid but not here: "resolves" outside an objection, a stage move inside one, "won" outside collection, a pitfall under "shows". Move it where the message says.',
  SC029: 'An option names a checklist item of another stage, which does not count here. Use an item of this stage.',
  SC030: 'The lead plan names a lead, profile criterion or record field that is not declared. Correct the id, or declare it under "leads".',
  SC031: 'The checklist leaves this stage no key action, so it always scores 0. Add one with "checklist.add".',
  SC032: 'A text is written in a language that "languages" does not list. Add the language to "languages", or remove the text.',
  SC033: 'No path leads to cash collected. Add an option in collection with "ends: { outcome: won }" and link it.',
  SC034: 'The lead pool is too small, or grades every lead the same, so the trainee has no real choice. Offer at least three leads of different grades.',
  SC035: 'Nothing in the scenario can make this condition true, so it never holds. Make something show, commit, reveal or promise what it tests, or change the condition.',
  SC036: '"agreed", "done" and "sent" may only test what stays true once it holds. Remove the meter, "not-…" or "stage" test here, or move it into a "says" or "amount" variant.',
  SC037: 'A date is not a real day of the calendar. Write it as YYYY-MM-DD, e.g. "2025-03-03".',
  SC038: 'A text uses a placeholder the player does not fill in, or a date placeholder without "calendar.start". Use {date}, {weekday} or {due-date}, and give the scenario a calendar.',
  SC039: 'The file name is not the scenario\'s id. Rename the file to <id>.yaml, or change "scenario".',
  SC040: 'A declared person\'s name appears in the middle of a line, so several people\'s words share one bubble. Start a new line for each speaker.',
  SC041: 'The explorer found won endings where a term was never agreed, an approval was still pending or the invoice never went out. Make the winning option require it, or make it happen on every way there.',
};
