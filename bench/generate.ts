/** Renders the generated story (story.ts) as a scenario YAML file. */
import { DEFAULT_CHECKLIST } from '../src/domain/ltc/default-checklist';
import type { ConversationStageId } from '../src/domain/ltc/stages';
import { buildStory, GUARD_TRUST, START, type Story, type StoryOption } from './story';

const q = (s: string) => JSON.stringify(s); // a JSON string is a valid YAML double-quoted scalar

/** Key actions an option can show, and pitfalls it can commit, per stage (auto-scored items excluded). */
function itemsOf(stage: ConversationStageId) {
  const of = (kind: 'key-action' | 'pitfall') => DEFAULT_CHECKLIST.filter((i) => i.stage === stage && i.kind === kind && !i.auto).map((i) => i.id);
  return { actions: of('key-action'), pitfalls: of('pitfall') };
}

function optionYaml(o: StoryOption, listed: string): string {
  const parts = [`rep: ${q(o.rep)}`];
  if (o.guarded) parts.push(`when: { trust: ">= ${GUARD_TRUST}" }`);
  if (listed) parts.push(listed);
  parts.push(`effects: { trust: ${o.trust}, interest: ${o.interest} }`);
  const t = o.target;
  if (t.kind === 'step') parts.push(`next: s-${t.index}`);
  else if (t.kind === 'stage') parts.push(`stage: ${t.stage}`);
  else parts.push(t.outcome === 'won' ? 'ends: { outcome: won }' : 'ends: { outcome: stalled, reason: "The invoice was never chased." }');
  return `          - { ${parts.join(', ')} }`;
}

/** The scenario YAML of `story`. */
export function scenarioYaml(story: Story): string {
  const out: string[] = [
    `scenario: generated-${story.size}`,
    'version: 1.0.0',
    `title: "Generated branching story, ${story.size} steps"`,
    'summary: "A generated benchmark scenario: three options per step, two meters, one guard."',
    'industry: Benchmarks',
    'difficulty: intermediate',
    'minutes: 30',
    'languages: [en]',
    'author: bench/generate.ts',
    '',
    'customer:',
    '  name: Bea Marks',
    '  role: Head of operations',
    '  company: { name: Bench Industries, size: 300, industry: Testing }',
    '  rhythm: fast',
    `  start: { trust: ${START.trust}, interest: ${START.interest}, patience: ${START.patience} }`,
    '  facts: {}',
    '',
    'leads:',
    '  brief: "Pick the right lead."',
    '  customer-lead: bench',
    '  profile: { criteria: { mid-size: Mid-size firms, any-size: Any size }, ideal: [mid-size] }',
    '  record: { fields: { contact: Contact and role, food: Favourite food }, ideal: [contact] }',
    '  pool:',
    '    - { id: bench, company: Bench Industries, size: 300, industry: Testing, source: Web form, grade: A }',
    '    - { id: maybe, company: Maybe Ltd, size: 80, industry: Retail, source: Trade show, grade: B }',
    '    - { id: never, company: Never Corp, size: 5, industry: Hobby, source: Bought list, grade: C }',
    '',
    'stages:',
  ];
  for (const { stage, first, count } of story.stages) {
    const { actions, pitfalls } = itemsOf(stage);
    out.push(`  ${stage}:`, `    start: s-${first}`, '    steps:');
    for (let k = 0; k < count; k++) {
      const step = story.steps[first + k]!;
      out.push(`      s-${step.index}:`, `        customer: ${q(step.line)}`, '        options:');
      for (const o of step.options) {
        const listed =
          o.label === 'B'
            ? `commits: [${pitfalls[k % pitfalls.length]}]`
            : `shows: [${actions[(k + (o.label === 'C' ? 1 : 0)) % actions.length]}]`;
        out.push(optionYaml(o, listed));
      }
    }
  }
  return out.join('\n') + '\n';
}

/** The scenario YAML of a generated story of `n` steps. */
export function generateScenario(n: number): string {
  return scenarioYaml(buildStory(n));
}
