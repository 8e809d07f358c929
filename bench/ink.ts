/**
 * The ink side: the same generated story (story.ts) as ink source, compiled with inkjs's compiler
 * and played with its runtime.
 *
 * One knot per stage, one stitch per step; VAR trust / interest; a conditional choice
 * `+ {trust >= 40} [...]`; meter changes as `~ trust += 5` followed by the same 0…100 clamp the
 * scenario runtime applies (`~ trust = MIN(trust, 100)`) (so both engines walk the same paths); `{interest <= 0: -> lost}` after
 * a choice that lowers interest, as the runtime loses the deal at interest 0.
 */
import { Compiler, Story as InkStory } from 'inkjs/full';
import { buildStory, GUARD_TRUST, START, type Story, type StoryOption, type StoryStep } from './story';

export { InkStory };

const knot = (stage: string) => stage.replace(/-/g, '_');
const stitch = (step: StoryStep | number) => `s_${typeof step === 'number' ? step : step.index}`;

function meterLines(meter: 'trust' | 'interest', delta: number): string[] {
  if (delta > 0) return [`    ~ ${meter} += ${delta}`, `    ~ ${meter} = MIN(${meter}, 100)`];
  if (delta < 0) return [`    ~ ${meter} -= ${-delta}`, `    ~ ${meter} = MAX(${meter}, 0)`];
  return [];
}

function choiceInk(story: Story, o: StoryOption): string[] {
  const lines = [o.guarded ? `+ {trust >= ${GUARD_TRUST}} [${o.rep}]` : `+ [${o.rep}]`];
  lines.push(...meterLines('trust', o.trust), ...meterLines('interest', o.interest));
  if (o.interest < 0) lines.push('    {interest <= 0: -> lost}');
  const t = o.target;
  if (t.kind === 'step') lines.push(`    -> ${knot(story.steps[t.index]!.stage)}.${stitch(t.index)}`);
  else if (t.kind === 'stage') lines.push(`    -> ${knot(t.stage)}`);
  else lines.push(`    -> ${t.outcome}`);
  return lines;
}

/** The ink source of `story`. */
export function inkSource(story: Story): string {
  const out: string[] = [`VAR trust = ${START.trust}`, `VAR interest = ${START.interest}`, '', `-> ${knot(story.stages[0]!.stage)}`, ''];
  for (const { stage, first, count } of story.stages) {
    out.push(`=== ${knot(stage)} ===`);
    for (let k = 0; k < count; k++) {
      const step = story.steps[first + k]!;
      out.push(`= ${stitch(step)}`, step.line);
      for (const o of step.options) out.push(...choiceInk(story, o));
      out.push('');
    }
  }
  out.push('=== won ===', 'ENDING: won', '-> END', '', '=== stalled ===', 'ENDING: stalled', '-> END', '', '=== lost ===', 'ENDING: lost', '-> END', '');
  return out.join('\n');
}

/** The ink source of a generated story of `n` steps. */
export function generateInk(n: number): string {
  return inkSource(buildStory(n));
}

/** Compiles ink source; throws with the compiler's messages when it reports errors. */
export function compileInk(source: string): InkStory {
  const compiler = new Compiler(source);
  let story: InkStory;
  try {
    story = compiler.Compile();
  } catch (e) {
    throw new Error(`ink compile failed: ${e instanceof Error ? e.message : String(e)}\n${compiler.errors.join('\n')}`, { cause: e });
  }
  if (compiler.errors.length || !story) throw new Error(`ink compile failed:\n${compiler.errors.join('\n')}`);
  return story;
}

/**
 * Plays one game from the start, choosing with `random` among the choices offered; returns the
 * number of choices made and the ending's name (from the last line, "ENDING: …").
 */
export function playInk(story: InkStory, random: () => number, cap = 100_000): { choices: number; ending: string; capped: boolean } {
  story.ResetState();
  let choices = 0;
  let text = story.ContinueMaximally();
  while (story.currentChoices.length > 0) {
    if (choices >= cap) return { choices, ending: 'capped', capped: true };
    story.ChooseChoiceIndex(Math.floor(random() * story.currentChoices.length));
    choices++;
    text = story.ContinueMaximally();
  }
  const ending = /ENDING: (\w+)/.exec(text)?.[1] ?? 'unknown';
  return { choices, ending, capped: false };
}
