/** Renders an explorer report as readable text for trainers. */
import type { ExplorerReport } from '../domain/explorer/explore';
import type { ScenarioModel } from '../domain/scenario/model';
import { findOption } from '../domain/scenario/model';
import { pickText, type Locale } from '../domain/text/localized-text';
import type { Move } from '../domain/runtime/context';

const REASONS: Record<string, string> = {
  'interest-exhausted': 'interest fell to 0: no longer interested',
  'patience-exhausted': 'patience fell to 0: stopped replying',
  'lead-not-pursued': "the customer's lead was not pursued",
  abandoned: 'the trainee gave up',
};

export function renderExploreReport(model: ScenarioModel, r: ExplorerReport, locale: Locale): string[] {
  const t = (x: Parameters<typeof pickText>[0]) => pickText(x, locale).text;
  const lines: string[] = [];
  const unreachable = r.steps.filter((s) => !s.reachable);
  lines.push(`${model.id} ${model.version} — ${t(model.title)}`);
  lines.push(
    `Searched ${r.statesVisited} states over seeds ${r.seeds.join(', ')}${r.bounded ? ` — BOUND HIT (${r.boundsHit.join(', ')}): what is not proven is what the search found` : ' — every result below is proven'}.`,
  );
  lines.push('');
  lines.push(`Steps: ${r.steps.length - unreachable.length}/${r.steps.length} reachable.`);
  for (const s of unreachable) lines.push(`  unreachable: ${s.container}/${s.step}`);
  const never = r.objections.filter((o) => !o.raised);
  lines.push(`Objections: ${r.objections.length - never.length}/${r.objections.length} can be raised.${never.length ? ` Never: ${never.map((o) => o.id).join(', ')}` : ''}`);
  const impossible = r.checklist.filter((c) => !c.possible);
  lines.push(`Checklist: ${r.checklist.length - impossible.length}/${r.checklist.length} items can be shown or committed.`);
  for (const c of impossible) lines.push(`  never ${c.kind === 'pitfall' ? 'committed' : 'shown'}: ${c.id} (${c.stage})`);
  lines.push('');
  lines.push('Endings:');
  for (const e of r.endings) {
    const reason = e.reason ? t(e.reason) : e.reasonKey ? (REASONS[e.reasonKey] ?? e.reasonKey) : '';
    lines.push(`  ${e.outcome.padEnd(8)} at ${e.stage.padEnd(14)} ${reason}  (${e.count} path${e.count === 1 ? '' : 's'} seen)`);
  }
  lines.push('');
  const atMost = (best: number, upper: number) => (best >= upper || !r.bounded ? `${best}` : `${best} (at most ${upper})`);
  lines.push(`Best achievable: ${atMost(r.best.overall, r.upper.overall)} overall; per stage (best on any path):`);
  lines.push('  ' + Object.entries(r.best.stages).map(([s, v]) => `${s} ${atMost(v, r.upper.stages[s as keyof typeof r.upper.stages])}`).join(' · '));
  lines.push('');
  if (!r.exemplar) {
    lines.push('No exemplar path found.');
    return lines;
  }
  const ex = r.exemplar;
  lines.push(`Exemplar path (seed ${ex.seed}, ${ex.moves.length} moves, outcome ${ex.score.outcome?.outcome ?? 'none'}, score ${ex.score.overall.score}):`);
  ex.moves.forEach((m, i) => lines.push(`  ${String(i + 1).padStart(3)}. ${describeMove(model, m, t)}`));
  lines.push('');
  lines.push('Stage scores on the exemplar path: ' + ex.score.stages.map((s) => `${s.stage} ${s.score}`).join(' · '));
  return lines;
}

export function describeMove(model: ScenarioModel, m: Move, t: (x: Parameters<typeof pickText>[0]) => string): string {
  switch (m.type) {
    case 'leads.submit':
      return `lead plan: pursue ${m.plan.pursue.join(', ')}; profile ${m.plan.profile.join(', ')}; record ${m.plan.record.join(', ')}`;
    case 'choose': {
      const o = findOption(model, m.option);
      return `[${m.option}] ${o ? t(o.rep) : '?'}${o?.shows.length ? `  (+ ${o.shows.join(', ')})` : ''}`;
    }
    case 'wait':
      return `wait ${m.days} day(s)`;
    case 'record':
      return `record ${m.fact}: ${t(model.customer.facts[m.fact]?.label)}`;
    case 'abandon':
      return 'abandon';
  }
}
