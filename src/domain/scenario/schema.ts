/**
 * The shape of a scenario file, declared once. The TypeScript types of the source document are derived
 * from it (`ScenarioSource`), and `npm run schema` turns it into the JSON Schema that editors use.
 * Semantic rules (ids that must exist, reachability, ranges) live in the compiler's checks.
 */
import { z } from 'zod';
import { CONVERSATION_STAGES, STAGES } from '../ltc/stages';

export const ID_PATTERN = /^[a-z0-9][a-z0-9-]*$/;
/** A step named across the scenario: `<stage or objection>/<step>`, as in option ids. */
export const STEP_REF_PATTERN = /^[a-z0-9][a-z0-9-]*\/[a-z0-9][a-z0-9-]*$/;
export const METER_TEST_PATTERN = /^\s*(<=|>=|<|>|==|!=)\s*(-?\d+)\s*$/;

const id = z
  .string()
  .regex(ID_PATTERN, { message: 'ids use lower-case letters, digits and dashes, e.g. "budget-cycle"' })
  .describe('An id: lower-case letters, digits and dashes.');
const idList = z.array(id);
const stepRef = z
  .string()
  .regex(STEP_REF_PATTERN, { message: 'a step is named "<stage or objection>/<step>", e.g. "collection/invoice"' })
  .describe('A step: "<stage or objection>/<step>", e.g. "collection/invoice".');

export const textSchema = z
  .union([
    z.string(),
    z.strictObject({
      en: z.string().optional(),
      'zh-CN': z.string().optional(),
    }),
  ])
  .describe('A text: a plain string, or a map with "en" and/or "zh-CN".');

const stageEnum = z.enum(STAGES);
const conversationStageEnum = z.enum(CONVERSATION_STAGES as unknown as [string, ...string[]]);
const meterTest = z
  .string()
  .regex(METER_TEST_PATTERN, { message: 'a meter test is a comparison and a number, e.g. ">= 40" or "< 20"' })
  .describe('A comparison with a number: "< 40", ">= 60", "== 0", "!= 100".');

export const conditionSchema = z
  .strictObject({
    trust: meterTest.optional(),
    interest: meterTest.optional(),
    patience: meterTest.optional(),
    revealed: idList.optional().describe('All of these facts have been revealed.'),
    'not-revealed': idList.optional().describe('None of these facts has been revealed.'),
    promised: idList.optional().describe('All of these promises have been made.'),
    'not-promised': idList.optional().describe('None of these promises has been made.'),
    recorded: idList.optional().describe('All of these facts are in the customer record.'),
    shown: idList.optional().describe('All of these key actions have been shown so far in this attempt.'),
    committed: idList.optional().describe('All of these pitfalls have been committed so far in this attempt.'),
    reached: z.array(stepRef).optional().describe('The conversation has reached all of these steps ("<stage or objection>/<step>") so far.'),
    stage: z.array(stageEnum).optional().describe('The conversation is in one of these stages.'),
  })
  .describe('A condition; every listed test must hold.');

export const CHANNELS = ['call', 'video', 'email', 'visit', 'materials', 'wait'] as const;

export const effectsSchema = z
  .strictObject({
    trust: z.number().int().optional(),
    interest: z.number().int().optional(),
    patience: z.number().int().optional(),
    days: z.number().int().optional().describe('Simulated days that pass before this move happens.'),
    channel: z.enum(CHANNELS).optional().describe('Makes the move a touch on this channel (wait is not a touch).'),
    reveals: idList.optional().describe('Facts the customer reveals.'),
    promises: idList.optional().describe('Promises the rep makes.'),
  })
  .describe('What a move does to the customer and the calendar.');

const endingSchema = z.strictObject({
  outcome: z.enum(['won', 'lost', 'stalled']),
  reason: textSchema.optional(),
});

export const optionSchema = z
  .strictObject({
    id: id.optional().describe('A stable id for the option; defaults to its position (1, 2, …).'),
    rep: textSchema.describe("The rep's words."),
    reply: textSchema.optional().describe("The customer's immediate reaction."),
    shows: idList.optional().describe('Key actions this option demonstrates.'),
    commits: idList.optional().describe('Pitfalls this option commits.'),
    when: conditionSchema.optional().describe('The option is offered only when this holds.'),
    effects: effectsSchema.optional(),
    next: id.optional().describe('The step this option leads to (in the same stage or objection).'),
    stage: conversationStageEnum.optional().describe('Moves on to the start of this stage.'),
    raises: id.optional().describe('Raises this objection.'),
    resolves: z.boolean().optional().describe('In an objection: resolved, back to where it was raised.'),
    ends: endingSchema.optional().describe('Ends the attempt: won (cash collected), lost or stalled.'),
    why: textSchema
      .optional()
      .describe('Why this option is right, or what makes it a mistake: shown in the debrief, the replay and coach-me mode.'),
  })
  .describe("One of the rep's options at a step.");

const lineVariant = z.strictObject({ when: conditionSchema.optional(), text: textSchema });
/** A text, or a list of { when, text } variants of which the first that holds applies. */
const variantsOf = (what: string) => z.union([textSchema, z.array(lineVariant).min(1)]).describe(`${what}, or a list of { when, text } variants: the first that holds applies.`);

/**
 * What a line takes for granted: whenever it is said, this holds (the explorer checks it on every
 * path it finds, SC042). It changes nothing in play.
 */
const assumesSchema = conditionSchema.describe(
  'Whenever this line is said, this holds: what it takes for granted (a proposal made, a price quoted, a meeting agreed). Changes nothing in play; the checker reports a path on which it does not hold.',
);
const stepLineVariant = z.strictObject({ when: conditionSchema.optional(), assumes: assumesSchema.optional(), text: textSchema });

export const stepSchema = z.strictObject({
  customer: z
    .union([textSchema, z.array(stepLineVariant).min(1)])
    .describe("The customer's line, or a list of { when, assumes, text } variants: the first that holds applies."),
  assumes: assumesSchema.optional(),
  narration: textSchema.optional().describe('Scene-setting shown before the line (where, when, who).'),
  options: z.array(optionSchema),
});

const stepGraph = z.strictObject({
  start: id.describe('The first step.'),
  narration: textSchema.optional(),
  steps: z.record(id, stepSchema),
});

const objectionSchema = z.strictObject({
  label: textSchema.describe('A short name for the objection, shown when it is raised.'),
  start: id,
  steps: z.record(id, stepSchema),
});

const meterSchema = z.number().int();

/**
 * When a term is agreed, an approval done, the invoice sent: a condition, or a list of conditions of
 * which any may hold. The compiler allows only tests that stay true once they hold.
 */
export const milestoneSchema = z
  .union([conditionSchema, z.array(conditionSchema).min(1)])
  .describe('A condition, or a list of conditions of which any may hold. Only tests that stay true once they hold: shown, committed, revealed, promised, recorded, reached.');

export const TERM_KINDS = ['scope', 'price', 'payment-dates', 'documents', 'other'] as const;

const contractSchema = z
  .strictObject({
    terms: z.record(
      id,
      z.strictObject({
        kind: z.enum(TERM_KINDS).describe('scope | price | payment-dates | documents | other'),
        label: textSchema.optional().describe("The term's name on the checklist; defaults to the kind's name."),
        says: variantsOf('What the contract says').optional(),
        agreed: milestoneSchema
          .optional()
          .describe('When it holds, the term counts as confirmed. Default: shown confirm-terms (agree-payment-dates for payment-dates, prepare-documents for documents).'),
      }),
    ),
  })
  .describe('The terms checklist shown during contract signing. Default: scope, price, payment dates and documents from the checklist.');

const paymentSchema = z
  .strictObject({
    amount: variantsOf('The amount to be paid').optional(),
    due: z.number().int().optional().describe('Days after the contract is signed (collection begins) that payment is due. Default: cadence too-long days.'),
    invoice: z
      .strictObject({ sent: milestoneSchema.optional().describe('When the invoice counts as sent, once collection has begun. Default: as soon as it begins.') })
      .optional(),
    approvals: z
      .record(id, z.strictObject({ label: textSchema, done: milestoneSchema.describe('When it holds, the approval is done.') }))
      .optional()
      .describe('The approvals the payment needs.'),
  })
  .describe('The payment tracker shown during payment collection.');

const factSchema = z.strictObject({
  kind: z.enum(['pains', 'scenario', 'decision-chain', 'budget-cycle', 'payment-process', 'competitors', 'other']),
  label: textSchema,
  text: textSchema,
});

const leadSchema = z.strictObject({
  id,
  company: textSchema,
  size: z.number().int().describe('Employees.'),
  industry: textSchema,
  source: textSchema,
  signals: z.array(textSchema).optional(),
  notes: textSchema.optional(),
  grade: z.enum(['A', 'B', 'C']).describe('The grade an expert would give.'),
});

const leadStageSchema = z.strictObject({
  brief: textSchema.describe('What the trainee is told about the territory and the product.'),
  'customer-lead': id.describe("The lead that becomes this scenario's customer."),
  'max-pursue': z.number().int().optional().describe('Pursuing more leads than this is chasing quantity (default 2).'),
  profile: z.strictObject({
    criteria: z.record(id, textSchema),
    ideal: idList,
  }),
  record: z.strictObject({
    fields: z.record(id, textSchema),
    ideal: idList,
  }),
  pool: z.array(leadSchema),
});

const cadenceRule = z.strictObject({
  days: z.number().int(),
  effects: z.strictObject({
    trust: z.number().int().optional(),
    interest: z.number().int().optional(),
    patience: z.number().int().optional(),
  }),
});

const checklistItemSchema = z.strictObject({
  id,
  stage: stageEnum,
  kind: z.enum(['key-action', 'pitfall']),
  label: textSchema,
  weight: z.number().optional(),
  why: textSchema.optional().describe('Why the item matters in this deal: shown in the debrief.'),
});

/** A simulated calendar date, YYYY-MM-DD. */
export const DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

export const SPEAKER_SIDES = ['customer', 'ours', 'document'] as const;
const personSchema = z
  .strictObject({
    name: textSchema.describe('The name a line starts with to be said by this person ("Shen Li: …", "沈丽：…").'),
    role: textSchema.optional(),
    side: z
      .enum(SPEAKER_SIDES)
      .optional()
      .describe("customer (default): the customer's team; ours: the rep's colleague; document: a text quoted (a tender notice, an email)."),
  })
  .describe('Someone other than the customer contact who speaks in the conversation, or a document quoted.');

export const scenarioSchema = z
  .strictObject({
    scenario: id.describe('The scenario id; also its file name.'),
    version: z.string().describe('The scenario version, e.g. "1.2.0".'),
    title: textSchema,
    summary: textSchema,
    industry: textSchema,
    difficulty: z.enum(['intro', 'intermediate', 'advanced']),
    minutes: z.number().int().describe('Estimated minutes to play.'),
    languages: z.array(z.enum(['en', 'zh-CN'])).min(1).describe('Languages provided; the first is the original.'),
    author: z.string(),
    'pass-mark': z
      .strictObject({
        overall: z.number().optional(),
        stages: z.partialRecord(stageEnum, z.number()).optional(),
      })
      .optional(),
    customer: z.strictObject({
      name: textSchema,
      role: textSchema,
      company: z.strictObject({ name: textSchema, size: z.number().int(), industry: textSchema }),
      rhythm: z.enum(['fast', 'deliberate', 'consensus']),
      start: z.strictObject({ trust: meterSchema, interest: meterSchema, patience: meterSchema }),
      facts: z.record(id, factSchema),
      team: z
        .record(id, personSchema)
        .optional()
        .describe("Everyone else who speaks: the customer's colleagues, the rep's colleagues, documents quoted."),
    }),
    calendar: z
      .strictObject({
        start: z
          .string()
          .regex(DATE_PATTERN, { message: 'a date is written YYYY-MM-DD, e.g. "2025-03-03"' })
          .describe('The simulated date of day 0, YYYY-MM-DD: the player shows dates and weekdays from it.'),
      })
      .optional()
      .describe('The simulated calendar. Texts can say {date}, {weekday} and {due-date}; the player fills them in.'),
    cadence: z
      .strictObject({
        'too-soon': cadenceRule.optional(),
        'too-long': cadenceRule.optional(),
        waits: z.array(z.number().int()).optional().describe('The waits offered as moves, in days.'),
      })
      .optional(),
    promises: z.record(id, z.strictObject({ label: textSchema })).optional(),
    contract: contractSchema.optional(),
    payment: paymentSchema.optional(),
    checklist: z
      .strictObject({
        add: z.array(checklistItemSchema).optional(),
        remove: idList.optional(),
        weights: z.record(id, z.number()).optional(),
        why: z.record(id, textSchema).optional().describe('Why an item (a default one or one added) matters in this deal.'),
      })
      .optional(),
    leads: leadStageSchema,
    stages: z.strictObject(
      Object.fromEntries(CONVERSATION_STAGES.map((s) => [s, stepGraph])) as Record<string, typeof stepGraph>,
    ),
    objections: z.record(id, objectionSchema).optional(),
    rules: z
      .array(
        z.strictObject({
          at: conversationStageEnum,
          when: conditionSchema,
          raises: id,
        }),
      )
      .optional(),
    surprises: z
      .record(
        id,
        z.strictObject({
          label: textSchema,
          chance: z.number().describe('Probability (0–1) per move that passes time, while `when` holds.'),
          when: conditionSchema.optional(),
          narration: textSchema,
          customer: textSchema.optional(),
          effects: effectsSchema.optional(),
          raises: id.optional(),
          ends: endingSchema.optional(),
        }),
      )
      .optional(),
  })
  .describe('An LTC sales-training scenario.');

export type ScenarioSource = z.infer<typeof scenarioSchema>;
export type TextSource = z.infer<typeof textSchema>;
export type ConditionSource = z.infer<typeof conditionSchema>;
export type EffectsSource = z.infer<typeof effectsSchema>;
export type OptionSource = z.infer<typeof optionSchema>;
export type StepSource = z.infer<typeof stepSchema>;
export type MilestoneSource = z.infer<typeof milestoneSchema>;
export type VariantsSource = StepSource['customer'];
