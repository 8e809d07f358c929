/**
 * The one registry of scenario diagnostics. Codes are stable: tests, the UI's translations and
 * trainers' notes refer to them. Messages here are the English text used by the CLI; the UI
 * translates by code with the same arguments.
 */
export type Severity = 'error' | 'warning';
type Args = Record<string, string | number>;

interface CodeEntry {
  severity: Severity;
  title: string;
  message: (a: Args) => string;
}

const hint = (a: Args) => (a.suggestion ? ` Did you mean "${a.suggestion}"?` : '');

const NEVER_FIX: Record<string, (id: string | number) => string> = {
  shown: (id) => `Add "${id}" to an option's "shows" in its stage, or change the condition.`,
  committed: (id) => `Add "${id}" to an option's "commits" in its stage, or change the condition.`,
  revealed: (id) => `Reveal "${id}" in an option's or a surprise's "effects", or change the condition.`,
  promised: (id) => `Promise "${id}" in an option's or a surprise's "effects", or change the condition.`,
  recorded: (id) => `Only a revealed fact can be recorded: reveal "${id}" somewhere, or change the condition.`,
};
const neverHolds = (a: Args) =>
  a.implicit
    ? `The term "${a.where}" has no "agreed", and its default ("${a.test}: [${a.id}]") can never hold: the checklist has no "${a.id}". Give the term an "agreed" condition.`
    : `"${a.where}" can never hold: nothing in this scenario makes "${a.test}: [${a.id}]" true, so it will always show as open. ${NEVER_FIX[a.test!]?.(a.id!) ?? ''}`.trimEnd();

export const DIAGNOSTIC_CODES = {
  SC000: { severity: 'error', title: 'internal error', message: (a) => `The checker failed on this file (${a.detail}). This is a bug in the checker, not in your file: please report it with the file attached.` },
  SC001: { severity: 'error', title: 'file too large', message: (a) => `The file is ${a.size} bytes; scenario files are limited to ${a.limit} bytes. Split long texts or remove pasted data.` },
  SC002: { severity: 'error', title: 'not a text file', message: () => 'The file is not UTF-8 text (it contains binary data). Save the scenario as plain UTF-8 YAML.' },
  SC003: { severity: 'error', title: 'empty file', message: () => 'The file is empty. Start from the template: npm run scenarios -- new <id>.' },
  SC004: { severity: 'error', title: 'YAML syntax error', message: (a) => `YAML syntax error: ${a.detail}. Check the indentation and quoting around this line.` },
  SC005: { severity: 'error', title: 'tab indentation', message: () => 'A tab is used for indentation; YAML allows only spaces. Replace the tab with spaces.' },
  SC006: { severity: 'error', title: 'duplicate key', message: (a) => `The key "${a.key}" appears twice in the same map. Remove or rename one of them.` },
  SC007: { severity: 'error', title: 'too many aliases', message: (a) => `The file uses more than ${a.limit} alias expansions (*anchor references). Write the content out instead of nesting aliases.` },
  SC008: { severity: 'error', title: 'nesting too deep', message: (a) => `The document nests deeper than ${a.limit} levels. A scenario never needs that; check for runaway brackets or indentation.` },
  SC009: { severity: 'error', title: 'unknown key', message: (a) => `Unknown key "${a.key}" in ${a.where}.${hint(a)}${a.suggestion ? '' : ` Allowed keys: ${a.allowed}.`}` },
  SC010: { severity: 'error', title: 'missing key', message: (a) => `${a.where} needs "${a.key}".` },
  SC011: { severity: 'error', title: 'wrong value', message: (a) => `${a.where}: ${a.detail}${/[.?!]$/.test(String(a.detail)) ? '' : '.'}` },
  SC012: { severity: 'error', title: 'unknown step', message: (a) => `Unknown step "${a.id}" in ${a.where}.${hint(a)}` },
  SC013: { severity: 'error', title: 'unknown stage', message: (a) => `Unknown stage "${a.id}" in ${a.where}.${hint(a)}` },
  SC014: { severity: 'error', title: 'unknown objection', message: (a) => `Unknown objection "${a.id}" in ${a.where}.${hint(a)} Declare it under "objections".` },
  SC015: { severity: 'error', title: 'unknown fact', message: (a) => `Unknown fact "${a.id}" in ${a.where}.${hint(a)} Declare it under "customer.facts".` },
  SC016: { severity: 'error', title: 'unknown checklist item', message: (a) => `Unknown checklist item "${a.id}" in ${a.where}.${hint(a)}` },
  SC017: { severity: 'error', title: 'duplicate id', message: (a) => `The id "${a.id}" is used twice (${a.where}). Ids must be unique.` },
  SC018: { severity: 'error', title: 'unreachable step', message: (a) => `Step "${a.id}" in ${a.where} can never be reached from "${a.start}". Link it with "next" from another step, or remove it.` },
  SC019: { severity: 'error', title: 'dead end', message: (a) => `Step "${a.id}" in ${a.where} is a dead end: ${a.detail}. Give at least one option a "next", "stage", "ends"${a.objection ? ' or "resolves"' : ''}.` },
  SC020: { severity: 'error', title: 'stage does not lead on', message: (a) => `No path in ${a.where} leads on to ${a.to}. Add an option with ${a.to === 'cash collected' ? '"ends: { outcome: won }"' : `"stage: ${a.to}"`}.` },
  SC021: { severity: 'warning', title: 'objection never raised', message: (a) => `Objection "${a.id}" is never raised. Raise it from an option, a rule or a surprise ("raises: ${a.id}"), or remove it.` },
  SC022: { severity: 'warning', title: 'checklist item cannot be earned', message: (a) => `No option can ${a.kind === 'pitfall' ? 'commit the pitfall' : 'show the key action'} "${a.id}" (${a.stage}). ${a.kind === 'pitfall' ? 'Add it to an option\'s "commits"' : 'Add it to an option\'s "shows"'} in that stage, or remove it with "checklist.remove".` },
  SC023: { severity: 'warning', title: 'missing translation', message: (a) => `${a.where} has no ${a.locale} text, but the file declares languages ${a.languages}. Add "${a.locale}: …".` },
  SC024: { severity: 'error', title: 'value out of range', message: (a) => `${a.where} is ${a.value}; it must be between ${a.min} and ${a.max}.` },
  SC025: { severity: 'error', title: 'unknown promise', message: (a) => `Unknown promise "${a.id}" in ${a.where}.${hint(a)} Declare it under "promises".` },
  SC026: { severity: 'error', title: 'option leads nowhere', message: (a) => `Option ${a.option} in ${a.where} has no way on. Give it "next", "stage", "ends"${a.objection ? ', "resolves: true"' : ''} or "raises".` },
  SC027: { severity: 'error', title: 'conflicting targets', message: (a) => `Option ${a.option} in ${a.where} has both ${a.keys}. Keep one.` },
  SC028: { severity: 'error', title: 'misplaced key', message: (a) => `${a.where}: ${a.detail}.` },
  SC029: { severity: 'warning', title: 'checklist item of another stage', message: (a) => `${a.where} names "${a.id}", a ${a.itemStage} item, in ${a.stage}; it will not count there. Use an item of ${a.stage}.` },
  SC030: { severity: 'error', title: 'unknown lead-plan id', message: (a) => `Unknown ${a.kind} "${a.id}" in ${a.where}.${hint(a)}` },
  SC031: { severity: 'warning', title: 'stage has nothing to score', message: (a) => `Stage ${a.stage} has no key action left in the checklist; it will always score 0. Add one with "checklist.add".` },
  SC032: { severity: 'warning', title: 'language not declared', message: (a) => `${a.where} has ${a.locale} text, but "languages" does not list ${a.locale}. Add it to "languages" or remove the text.` },
  SC033: { severity: 'error', title: 'deal cannot be won', message: () => 'No path leads to cash collected. Add an option in collection with "ends: { outcome: won }" and link it.' },
  SC034: { severity: 'warning', title: 'weak lead pool', message: (a) => `The lead pool ${a.detail}. A real choice needs ${a.need}.` },
  SC035: { severity: 'warning', title: 'condition can never hold', message: (a) => neverHolds(a) },
  SC036: {
    severity: 'error',
    title: 'condition can turn false again',
    message: (a) =>
      `"${a.where}" tests "${a.test}", which can turn false again; "agreed", "done" and "sent" only test what stays true once it holds (shown, committed, revealed, promised, recorded, reached). Remove "${a.test}" here, or move it into a "says" or "amount" variant.`,
  },
} as const satisfies Record<string, CodeEntry>;

export type DiagnosticCode = keyof typeof DIAGNOSTIC_CODES;
