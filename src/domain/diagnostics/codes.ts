/**
 * The one registry of scenario diagnostics. Codes are stable: tests, the UI's translations and
 * trainers' notes refer to them. Each entry has its English message (the CLI's text) and the
 * message keys the UI translates: `key(args)` picks the variant for the conditional parts (a "Did
 * you mean", a pitfall or a key action…), `keys` lists them all. Arguments are ids, document paths,
 * numbers and small fixed words (a kind, a test, a problem), never English sentences, except where
 * the text comes from outside (a YAML parser's error, an internal error).
 */
export type Severity = 'error' | 'warning';
type Args = Record<string, string | number>;

interface CodeEntry {
  severity: Severity;
  title: string;
  /** The id of the guide's section (scenarios/README.md) about what the code concerns; what it means and how to fix it are in code-help.ts. */
  section: string;
  message: (a: Args) => string;
  /** Every message key suffix this code can use ('' is the plain key). */
  keys?: readonly string[];
  /** The suffix for these arguments; absent: always the plain key. */
  key?: (a: Args) => string;
}

const q = (s: string | number | undefined) => `"${s}"`;
const hint = (a: Args) => (a.suggestion ? ` Did you mean "${a.suggestion}"?` : '');
const withSuggestion = { keys: ['', 'suggestion'], key: (a: Args) => (a.suggestion ? 'suggestion' : '') } as const;
/** `where` names a place in the document; empty means the top level. */
const place = (a: Args) => (a.where ? q(a.where) : 'the top level');
const camel = (s: string | number | undefined) => String(s ?? '').replace(/-(\w)/g, (_, c: string) => c.toUpperCase());

/** Kinds of value the shape check names as expected, and as found (see check-shape). */
export const EXPECTED_KINDS = ['text', 'number', 'whole-number', 'boolean', 'list', 'map'] as const;
export const FOUND_KINDS = ['text', 'number', 'boolean', 'list', 'map', 'null'] as const;
const KIND_WORDS: Record<string, string> = { text: 'a text', number: 'a number', 'whole-number': 'a whole number', boolean: 'true or false', list: 'a list', map: 'a map', null: 'nothing (null)' };
const found = (a: Args) =>
  a.found === 'text' ? `the text ${q(a.value)}` : a.found === 'number' || a.found === 'boolean' ? `${a.found === 'number' ? 'the number' : ''} ${a.value}`.trim() : KIND_WORDS[a.found!];

const SC011: Record<string, (a: Args) => string> = {
  type: (a) => `expected ${KIND_WORDS[a.expected!]}, found ${found(a)}`,
  'not-text': () => 'expected a text: a string, or a map with "en" and/or "zh-CN"',
  'not-lines': () => 'expected a text, or a list of { when, text } variants',
  'not-condition': () => 'expected a condition (a map of tests), or a list of conditions of which any may hold',
  'not-allowed': (a) => `${q(a.value)} is not allowed; use one of ${a.allowed}${a.suggestion ? `. Did you mean ${q(a.suggestion)}?` : ''}`,
  'bad-key': (a) => `the key ${q(a.key)} is not a valid id (ids use lower-case letters, digits and dashes, e.g. "budget-cycle"); if this was meant as text inside { … }, a comma split it: quote the text`,
  'forbidden-key': (a) => `the key ${q(a.key)} is not allowed; use an id of lower-case letters, digits and dashes`,
  'bad-id': (a) => `${q(a.value)} is not an id: ids use lower-case letters, digits and dashes, e.g. "budget-cycle"`,
  'bad-meter-test': (a) => `${q(a.value)} is not a meter test: a comparison and a number, e.g. ">= 40" or "< 20"`,
  'bad-step': (a) => `${q(a.value)} does not name a step: "<stage or objection>/<step>", e.g. "collection/invoice"`,
  'too-few': (a) => `needs at least ${a.minimum} item(s)`,
  other: (a) => String(a.detail),
};
const SC011_KEYS = [...Object.keys(SC011).filter((p) => p !== 'type' && p !== 'not-allowed'), 'not-a-map', 'not-allowed', 'not-allowed-suggestion', ...FOUND_KINDS.map((k) => `type-${k}`)].map(camel);

const SC017: Record<string, string> = {
  'objection-and-stage': 'an objection and a stage',
  'default-checklist': 'checklist.add and the default checklist',
};
const SC028: Record<string, (a: Args) => string> = {
  'wrong-list': (a) => `${q(a.id)} is a ${a.kind === 'pitfall' ? 'pitfall' : 'key action'}; list it under ${q(a.list)}`,
  'stage-in-objection': () => 'an objection cannot move to a stage; use "resolves: true" to go back to where it was raised',
  'resolves-outside-objection': () => '"resolves" only belongs in an objection; use "next" or "stage" here',
  'won-outside-collection': () => '"won" means cash collected, so it can only end an option in the collection stage',
  'surprise-wins': () => 'a surprise cannot win the deal; only an option in collection can',
};
const SC030_KINDS: Record<string, string> = { lead: 'lead', 'profile-criterion': 'profile criterion', 'record-field': 'record field' };
const NEVER_FIX: Record<string, (id: string | number | undefined) => string> = {
  shown: (id) => `Add "${id}" to an option's "shows" in its stage, or change the condition.`,
  committed: (id) => `Add "${id}" to an option's "commits" in its stage, or change the condition.`,
  revealed: (id) => `Reveal "${id}" in an option's or a surprise's "effects", or change the condition.`,
  promised: (id) => `Promise "${id}" in an option's or a surprise's "effects", or change the condition.`,
  recorded: (id) => `Only a revealed fact can be recorded: reveal "${id}" somewhere, or change the condition.`,
};
/** What does not hold of what a line assumes, by the test that failed (SC042). */
const NOT_HOLDING: Record<string, (a: Args) => string> = {
  revealed: (a) => `the fact ${q(a.value)} has not been revealed`,
  'not-revealed': (a) => `the fact ${q(a.value)} has been revealed`,
  promised: (a) => `${q(a.value)} has not been promised`,
  'not-promised': (a) => `${q(a.value)} has been promised`,
  recorded: (a) => `the fact ${q(a.value)} is not in the customer record`,
  shown: (a) => `the key action ${q(a.value)} has not been shown`,
  committed: (a) => `the pitfall ${q(a.value)} has not been committed`,
  reached: (a) => `the step ${q(a.value)} has not been reached`,
  stage: (a) => `the conversation is not in ${a.value}`,
};
/** `next, stage` → `"next" and "stage"`. */
const keyList = (keys: string | number | undefined) => String(keys).split(', ').map(q).join(' and ');

export const DIAGNOSTIC_CODES = {
  SC000: { severity: 'error', title: 'internal error', section: 'diagnostic-codes', message: (a) => `The checker failed on this file (${a.detail}). This is a bug in the checker, not in your file: please report it with the file attached.` },
  SC001: { severity: 'error', title: 'file too large', section: 'the-file-at-a-glance', message: (a) => `The file is ${a.size} bytes; scenario files are limited to ${a.limit} bytes. Split long texts or remove pasted data.` },
  SC002: { severity: 'error', title: 'not a text file', section: 'the-file-at-a-glance', message: () => 'The file is not UTF-8 text (it contains binary data). Save the scenario as plain UTF-8 YAML.' },
  SC003: { severity: 'error', title: 'empty file', section: 'the-file-at-a-glance', message: () => 'The file is empty. Start from the template: npm run scenarios -- new <id>.' },
  SC004: {
    severity: 'error',
    title: 'YAML syntax error', section: 'the-file-at-a-glance',
    message: (a) =>
      a.problem === 'multiple-documents'
        ? 'The file holds more than one YAML document (a line with ---); a scenario is one document. Remove the extra ---.'
        : a.problem === 'unresolved-alias'
          ? `The alias *${a.alias} names an anchor (&${a.alias}) that is not defined before it. Define the anchor first, or write the content out.`
          : a.problem === 'indent'
            ? `This line starts at column ${a.column}, the line above it at column ${a.above}: the items of one map or list must start at the same column. Line it up with the item it belongs beside.`
            : `YAML syntax error: ${a.detail}. Check the indentation and quoting around this line.`,
    keys: ['', 'multipleDocuments', 'unresolvedAlias', 'indent'],
    key: (a) => camel(a.problem),
  },
  SC005: { severity: 'error', title: 'tab indentation', section: 'the-file-at-a-glance', message: () => 'A tab is used for indentation; YAML allows only spaces. Replace the tab with spaces.' },
  SC006: { severity: 'error', title: 'duplicate key', section: 'the-file-at-a-glance', message: (a) => `The key "${a.key}" appears twice in the same map${a.first ? ` (first on line ${a.first})` : ''}. Remove or rename one of them.`, keys: ['', 'first'], key: (a) => (a.first ? 'first' : '') },
  SC007: { severity: 'error', title: 'too many aliases', section: 'the-file-at-a-glance', message: (a) => `The file uses more than ${a.limit} alias expansions (*anchor references). Write the content out instead of nesting aliases.` },
  SC008: { severity: 'error', title: 'nesting too deep', section: 'the-file-at-a-glance', message: (a) => `The document nests deeper than ${a.limit} levels. A scenario never needs that; check for runaway brackets or indentation.` },
  SC009: {
    severity: 'error',
    title: 'unknown key', section: 'the-file-at-a-glance',
    message: (a) => `Unknown key "${a.key}" in ${place(a)}.${hint(a)}${a.suggestion ? '' : ` Allowed keys: ${a.allowed}.`}`,
    keys: ['', 'suggestion', 'top', 'top_suggestion'],
    key: (a) => [a.where ? '' : 'top', a.suggestion ? 'suggestion' : ''].filter(Boolean).join('_'),
  },
  SC010: {
    severity: 'error',
    title: 'missing key', section: 'the-file-at-a-glance',
    message: (a) => `${a.where ? q(a.where) : 'The top level'} needs "${a.key}".`,
    keys: ['', 'top'],
    key: (a) => (a.where ? '' : 'top'),
  },
  SC011: {
    severity: 'error',
    title: 'wrong value', section: 'the-file-at-a-glance',
    message: (a) => {
      if (a.problem === 'not-a-map') return 'The file: a scenario is a map of keys (scenario, title, customer, …), not a list or a single value.';
      const detail = (SC011[a.problem!] ?? SC011.other!)(a);
      return `${a.where}: ${detail}${/[.?!]$/.test(detail) ? '' : '.'}`;
    },
    keys: SC011_KEYS,
    key: (a) => camel(a.problem === 'type' ? `type-${a.found}` : a.problem === 'not-allowed' && a.suggestion ? 'not-allowed-suggestion' : a.problem),
  },
  SC012: { severity: 'error', title: 'unknown step', section: 'stages-27-steps-and-options', message: (a) => `Unknown step "${a.id}" in ${q(a.where)}.${hint(a)}`, ...withSuggestion },
  SC013: { severity: 'error', title: 'unknown stage', section: 'stages-27-steps-and-options', message: (a) => `Unknown stage "${a.id}" in ${q(a.where)}.${hint(a)}`, ...withSuggestion },
  SC014: { severity: 'error', title: 'unknown objection', section: 'objections', message: (a) => `Unknown objection "${a.id}" in ${q(a.where)}.${hint(a)} Declare it under "objections".`, ...withSuggestion },
  SC015: { severity: 'error', title: 'unknown fact', section: 'the-customer', message: (a) => `Unknown fact "${a.id}" in ${q(a.where)}.${hint(a)} Declare it under "customer.facts".`, ...withSuggestion },
  SC016: { severity: 'error', title: 'unknown checklist item', section: 'the-checklist', message: (a) => `Unknown checklist item "${a.id}" in ${q(a.where)}.${hint(a)}`, ...withSuggestion },
  SC017: {
    severity: 'error',
    title: 'duplicate id', section: 'the-file-at-a-glance',
    message: (a) => `The id "${a.id}" is used twice (${SC017[a.scope!] ?? (a.scope === 'options' ? `options of ${a.where}` : a.where)}). Ids must be unique.`,
    keys: ['', 'objectionAndStage', 'defaultChecklist', 'options'],
    key: (a) => camel(a.scope),
  },
  SC018: { severity: 'error', title: 'unreachable step', section: 'stages-27-steps-and-options', message: (a) => `Step "${a.id}" in ${a.where} can never be reached from "${a.start}". Link it with "next" from another step, or remove it.` },
  SC019: {
    severity: 'error',
    title: 'dead end', section: 'stages-27-steps-and-options',
    message: (a) =>
      a.problem === 'no-options'
        ? `Step "${a.id}" in ${a.where} is a dead end: it has no options. Give at least one option ${a.objection ? 'a "next", "ends" or "resolves"' : 'a "next", "stage" or "ends"'}.`
        : `Step "${a.id}" in ${a.where} is a dead end: its options only lead to steps from which no path leaves ${a.objection ? 'the objection' : 'the stage'}. Give this step, or a step it leads to, an option with ${a.objection ? '"resolves", "ends" or "raises"' : '"stage" or "ends"'}.`,
    keys: ['noOptions', 'noOptions_objection', 'noWayOn', 'noWayOn_objection'],
    key: (a) => `${camel(a.problem)}${a.objection ? '_objection' : ''}`,
  },
  SC020: {
    severity: 'error',
    title: 'stage does not lead on', section: 'stages-27-steps-and-options',
    message: (a) => (a.to ? `No path in stage ${a.stage} leads on to ${a.to}. Add an option with "stage: ${a.to}".` : `No path in stage ${a.stage} leads on to cash collected. Add an option with "ends: { outcome: won }".`),
    keys: ['', 'cash'],
    key: (a) => (a.to ? '' : 'cash'),
  },
  SC021: { severity: 'warning', title: 'objection never raised', section: 'objections', message: (a) => `Objection "${a.id}" is never raised. Raise it from an option, a rule or a surprise ("raises: ${a.id}"), or remove it.` },
  SC022: {
    severity: 'warning',
    title: 'checklist item cannot be earned', section: 'the-checklist',
    message: (a) =>
      a.kind === 'pitfall'
        ? `No option can commit the pitfall "${a.id}" (${a.stage}). Add it to an option's "commits" in that stage, or remove it with "checklist.remove".`
        : `No option can show the key action "${a.id}" (${a.stage}). Add it to an option's "shows" in that stage, or remove it with "checklist.remove".`,
    keys: ['keyAction', 'pitfall'],
    key: (a) => (a.kind === 'pitfall' ? 'pitfall' : 'keyAction'),
  },
  SC023: { severity: 'warning', title: 'missing translation', section: 'texts-and-languages', message: (a) => `${q(a.where)} has no ${a.locale} text, but the file declares languages ${a.languages}. Add "${a.locale}: …".` },
  SC024: { severity: 'error', title: 'value out of range', section: 'effects', message: (a) => `${q(a.where)} is ${a.value}; it must be between ${a.min} and ${a.max}.` },
  SC025: { severity: 'error', title: 'unknown promise', section: 'promises', message: (a) => `Unknown promise "${a.id}" in ${q(a.where)}.${hint(a)} Declare it under "promises".`, ...withSuggestion },
  SC026: {
    severity: 'error',
    title: 'option leads nowhere', section: 'stages-27-steps-and-options',
    message: (a) => `Option ${a.option} in ${a.where} has no way on. Give it "next", "stage", "ends"${a.objection ? ', "resolves: true"' : ''} or "raises".`,
    keys: ['', 'objection'],
    key: (a) => (a.objection ? 'objection' : ''),
  },
  SC027: {
    severity: 'error',
    title: 'conflicting targets', section: 'stages-27-steps-and-options',
    message: (a) => (a.where === 'surprises' ? `Surprise "${a.option}" has both ${keyList(a.keys)}. Keep one.` : `Option ${a.option} in ${a.where} has both ${keyList(a.keys)}. Keep one.`),
    keys: ['', 'surprise'],
    key: (a) => (a.where === 'surprises' ? 'surprise' : ''),
  },
  SC028: {
    severity: 'error',
    title: 'misplaced key', section: 'objections',
    message: (a) => `${q(a.where)}: ${(SC028[a.problem!] ?? (() => a.problem))(a)}.`,
    keys: ['wrongList_pitfall', 'wrongList_keyAction', ...Object.keys(SC028).filter((p) => p !== 'wrong-list').map(camel)],
    key: (a) => (a.problem === 'wrong-list' ? `wrongList_${camel(a.kind)}` : camel(a.problem)),
  },
  SC029: { severity: 'warning', title: 'checklist item of another stage', section: 'the-checklist', message: (a) => `${q(a.where)} names "${a.id}", a ${a.itemStage} item, in ${a.stage}; it will not count there. Use an item of ${a.stage}.` },
  SC030: {
    severity: 'error',
    title: 'unknown lead-plan id', section: 'stage-1-leads',
    message: (a) => `Unknown ${SC030_KINDS[a.kind!] ?? a.kind} "${a.id}" in ${q(a.where)}.${hint(a)}`,
    keys: Object.keys(SC030_KINDS).flatMap((k) => [camel(k), `${camel(k)}_suggestion`]),
    key: (a) => `${camel(a.kind)}${a.suggestion ? '_suggestion' : ''}`,
  },
  SC031: { severity: 'warning', title: 'stage has nothing to score', section: 'the-checklist', message: (a) => `Stage ${a.stage} has no key action left in the checklist; it will always score 0. Add one with "checklist.add".` },
  SC032: { severity: 'warning', title: 'language not declared', section: 'texts-and-languages', message: (a) => `${q(a.where)} has ${a.locale} text, but "languages" does not list ${a.locale}. Add it to "languages" or remove the text.` },
  SC033: { severity: 'error', title: 'deal cannot be won', section: 'stages-27-steps-and-options', message: () => 'No path leads to cash collected. Add an option in collection with "ends: { outcome: won }" and link it.' },
  SC034: {
    severity: 'warning',
    title: 'weak lead pool', section: 'stage-1-leads',
    message: (a) => (a.problem === 'one-grade' ? 'The lead pool grades every lead the same. A real choice needs leads of different grades.' : `The lead pool has ${a.size} lead(s). A real choice needs at least 3 leads of different grades.`),
    keys: ['tooFew', 'oneGrade'],
    key: (a) => camel(a.problem),
  },
  SC035: {
    severity: 'warning',
    title: 'condition can never hold', section: 'conditions-when',
    message: (a) =>
      a.implicit
        ? `The term ${q(a.where)} has no "agreed", and its default ("${a.test}: [${a.id}]") can never hold: the checklist has no "${a.id}". Give the term an "agreed" condition.`
        : `${q(a.where)} can never hold: nothing in this scenario makes "${a.test}: [${a.id}]" true, so it will always show as open. ${NEVER_FIX[a.test!]?.(a.id) ?? ''}`.trimEnd(),
    keys: ['implicit', ...Object.keys(NEVER_FIX)],
    key: (a) => (a.implicit ? 'implicit' : String(a.test)),
  },
  SC036: {
    severity: 'error',
    title: 'condition can turn false again', section: 'the-contract-and-the-payment',
    message: (a) =>
      `${q(a.where)} tests "${a.test}", which can turn false again; "agreed", "done" and "sent" only test what stays true once it holds (shown, committed, revealed, promised, recorded, reached). Remove "${a.test}" here, or move it into a "says" or "amount" variant.`,
  },
  SC037: {
    severity: 'error',
    title: 'not a calendar date', section: 'the-calendar',
    message: (a) => `${q(a.where)} is ${q(a.value)}, which is not a date of the calendar. Write a real date as YYYY-MM-DD, e.g. "2025-03-03".`,
  },
  SC038: {
    severity: 'warning',
    title: 'unknown placeholder', section: 'the-calendar',
    message: (a) =>
      a.problem === 'no-calendar'
        ? `${q(a.where)} says ${a.placeholder}, but the scenario has no "calendar.start": the player can only show "day N". Add "calendar: { start: YYYY-MM-DD }".`
        : `${q(a.where)} says ${a.placeholder}, which the player does not fill in; it will be shown as written. Use {date}, {weekday} or {due-date}.`,
    keys: ['unknown', 'noCalendar'],
    key: (a) => camel(a.problem),
  },
  SC039: {
    severity: 'warning',
    title: 'file name and id differ', section: 'metadata',
    message: (a) => `The file is named ${q(a.name)} but the scenario's id is ${q(a.id)}: attempts, links and the library know it by its id. Rename the file to ${q(a.expected)}, or change "scenario".`,
  },
  SC040: {
    severity: 'warning',
    title: 'several speakers in one line', section: 'who-speaks',
    message: (a) => `${q(a.where)} names ${q(a.name)} in the middle of a line, so several people's words are shown in one bubble. Start a new line for each speaker, beginning with their name ("${a.name}: …").`,
  },
  SC041: {
    severity: 'warning',
    title: 'deal not settled when won', section: 'the-contract-and-the-payment',
    message: (a) =>
      `On ${a.count} of the ${a.won} won endings the explorer reached, ${
        a.kind === 'term' ? `the contract term ${q(a.id)} was never agreed` : a.kind === 'approval' ? `the payment approval ${q(a.id)} was still pending` : 'the invoice was never sent'
      }, yet the customer paid. Make the option that ends the attempt won require it (a "when"), or make it happen on every way there.`,
    keys: ['term', 'approval', 'invoice'],
    key: (a) => String(a.kind),
  },
  SC042: {
    severity: 'warning',
    title: 'line assumes what did not happen', section: 'what-a-line-assumes-assumes',
    message: (a) =>
      `${q(a.where)} assumes ${a.assumed}, but the explorer found a way to this line on which ${NOT_HOLDING[String(a.kind)]?.(a) ?? `${a.kind} is not ${a.value}`}: ${a.path}. Give the line a variant for that case (a "when" before it), gate the option that leads there with "when", or change the path.`,
    keys: ['meter', 'revealed', 'notRevealed', 'promised', 'notPromised', 'recorded', 'shown', 'committed', 'reached', 'stage'],
    key: (a) => (a.kind === 'trust' || a.kind === 'interest' || a.kind === 'patience' ? 'meter' : camel(a.kind)),
  },
  SC043: {
    severity: 'warning',
    title: 'no variant of a line holds', section: 'what-a-line-assumes-assumes',
    message: (a) =>
      `Every variant of ${q(a.where)} has a "when", but the explorer found a way to this line on which none holds: ${a.path}. The player then says the last variant anyway. End the list with a variant without "when", or add one for that case.`,
  },
  SC044: {
    severity: 'warning',
    title: 'coherence search stopped at its limit', section: 'what-a-line-assumes-assumes',
    message: (a) =>
      `The explorer stopped after ${a.states} states, before it had seen every way to say the ${a.checked} line(s) that assume something or have only conditional variants: they were checked only on the paths it found. Simplify the scenario, or check those lines by playing them.`,
  },
  SC045: {
    severity: 'warning',
    title: 'line names the day', section: 'the-calendar',
    message: (a) =>
      `${q(a.where)} opens by naming the day (${q(a.text)}), but which day it is depends on the path: every wait and every move that takes days moves the calendar. Write {weekday} or {date} instead: the player fills them in from the calendar.`,
  },
  SC046: {
    severity: 'warning',
    title: 'time passes in the words only', section: 'the-calendar',
    message: (a) =>
      `${q(a.where)} says ${a.stated} day(s) have passed, but ${q(a.option)} leads there passing ${a.passed}: the calendar and the story disagree. Give the options that lead there, or those of the step, "effects: { days: ${a.stated} }", or change the words.`,
  },
} as const satisfies Record<string, CodeEntry>;

export type DiagnosticCode = keyof typeof DIAGNOSTIC_CODES;

/** Every message key suffix of `code` ('' is the plain key). */
export function messageKeySuffixes(code: DiagnosticCode): readonly string[] {
  const entry: CodeEntry = DIAGNOSTIC_CODES[code];
  return entry.keys ?? [''];
}

/** The message key suffix for a diagnostic of `code` with these arguments. */
export function messageKeySuffix(code: DiagnosticCode, args: Args): string {
  const entry: CodeEntry = DIAGNOSTIC_CODES[code];
  return entry.key?.(args) ?? '';
}
