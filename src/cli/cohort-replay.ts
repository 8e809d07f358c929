/**
 * `cohort replay <file>`: an attempt's transcript in English (falling back to Chinese), move by move,
 * with the key actions and pitfalls each move earned, the score so far, the coach's comments, and the
 * stage scores replayed beside the recorded ones.
 */
import type { AttemptRecord } from '../domain/attempts/attempt-record';
import { STAGES } from '../domain/ltc/stages';
import type { ScoreCheck } from '../domain/replay/determinism';
import { replayFrames, type ReplayFrame } from '../domain/replay/frames';
import type { TranscriptEntry } from '../domain/runtime/context';
import type { ScenarioModel } from '../domain/scenario/model';
import { en, itemLabel, plain, reasonText, stageLabel } from './cohort-text';

const SPEAKER = /^[^\s:：][^:：\n]{0,30}[:：]\s?/;
const time = (ms: number | null) => (ms === null || !(Math.abs(ms) <= 8.64e15) ? '' : new Date(ms).toISOString().slice(0, 16).replace('T', ' ') + ' UTC');

function entryLines(model: ScenarioModel, e: TranscriptEntry): string[] {
  const customer = en(model.customer.name) || 'Customer';
  const fact = (id: string) => (model.customer.facts[id] ? en(model.customer.facts[id]!.label) : id);
  switch (e.kind) {
    case 'stage':
      return [`== ${stageLabel(e.stage)} ==`];
    case 'narration':
      return [`  (${en(e.text)})`];
    case 'customer':
    case 'reply': {
      // Many scenario lines already name their speaker ("Lin: …", "林晓：…"); the others are the customer's.
      const line = en(e.text);
      return [`  ${SPEAKER.test(line) ? line : `${customer}: ${line}`}`];
    }
    case 'rep':
      return [`  You: ${en(e.text)}`];
    case 'lead-plan': {
      const lead = (id: string) => en(model.leads.pool.find((l) => l.id === id)?.company) || plain(id);
      return [`  Lead plan: pursue ${e.plan.pursue.map(lead).join(', ')}; grades ${Object.entries(e.plan.grades).map(([id, g]) => `${lead(id)} ${g}`).join(', ')}.`];
    }
    case 'cadence':
      return [`  Cadence: ${e.verdict === 'too-soon' ? 'too soon' : 'too long a silence'} (${e.gap} day(s) since the last touch).`];
    case 'wait':
      return [`  You wait ${e.days} day(s).`];
    case 'record':
      return [`  Recorded in the customer record: ${fact(e.fact)}.`];
    case 'reveal':
      return [`  Revealed: ${fact(e.fact)}.`];
    case 'promise':
      return [`  Promised: ${en(model.promises[e.promise]?.label) || plain(e.promise)}.`];
    case 'objection':
      return [`  Objection: ${en(e.label)}.`];
    case 'surprise':
      return [`  Surprise: ${en(e.label)}. ${en(e.text)}`];
    case 'end': {
      const why = e.ending.reason ? en(e.ending.reason) : e.ending.reasonKey ? reasonText(e.ending.reasonKey) : '';
      return [`  The attempt ends: ${e.ending.outcome} in ${stageLabel(e.ending.stage)}.${why ? ` ${why}` : ''}`];
    }
  }
}

function frameLines(model: ScenarioModel, record: AttemptRecord, frame: ReplayFrame, transcript: readonly TranscriptEntry[]): string[] {
  const lines: string[] = [];
  if (frame.index > 0) {
    lines.push('', `-- Move ${frame.index} · day ${frame.day}${frame.time !== null ? ` · ${time(frame.time)}` : ''}`);
    for (const f of record.freeText.filter((x) => x.turn === frame.index)) lines.push(`  (in the trainee's own words first: ${plain(f.text)})`);
  }
  for (const e of transcript.slice(frame.entries.from, frame.entries.to)) lines.push(...entryLines(model, e));
  for (const earned of frame.earned) {
    for (const id of earned.keyActions) lines.push(`  + key action: ${itemLabel(model, earned.stage, id)} (${stageLabel(earned.stage)})`);
    for (const id of earned.pitfalls) lines.push(`  ! pitfall: ${itemLabel(model, earned.stage, id)} (${stageLabel(earned.stage)})`);
  }
  if (frame.index > 0) {
    const stage = frame.score.stages.find((s) => s.stage === frame.stage)!;
    lines.push(`  score so far: ${frame.score.overall} overall; ${stageLabel(frame.stage)} ${stage.score}`);
  }
  for (const c of record.coaching?.comments.filter((x) => x.turn === frame.index) ?? []) lines.push(`  Coach${record.coaching!.coach ? ` (${plain(record.coaching!.coach)})` : ''}: ${plain(c.text)}`);
  return lines;
}

const CHECK_TEXT: Record<ScoreCheck['status'], string> = {
  reproduced: 'The replay reproduces the recorded scores.',
  'not-recorded': 'The file holds no recorded scores (the attempt had not ended when it was saved): nothing to compare.',
  differs: 'THE REPLAY DOES NOT REPRODUCE THE RECORDED SCORES: the recorded ones were changed, or the engine changed since.',
};

/** The whole replay as lines to print. */
export function renderReplay(file: string, model: ScenarioModel, record: AttemptRecord, check: ScoreCheck): string[] {
  const r = replayFrames(model, record.seed, record.moves, record.times);
  const lines = [
    `${plain(file)}: ${plain(record.trainee) || '(no name)'} playing ${plain(model.id)} ${plain(model.version)} — ${en(model.title)}`,
    `Started ${time(record.createdAt)}; ${record.moves.length} move(s); ${record.status}.`,
  ];
  for (const frame of r.frames) lines.push(...frameLines(model, record, frame, r.transcript));

  const recorded = record.score;
  const cell = (n: number | undefined) => (n === undefined ? '-' : String(n));
  lines.push('', 'Stage scores (replayed · recorded):');
  for (const stage of STAGES) {
    const s = r.score.stages.find((x) => x.stage === stage)!;
    const was = recorded?.stages.find((x) => x.stage === stage);
    lines.push(`  ${stageLabel(stage).padEnd(22)} ${String(s.score).padStart(3)} ${s.band.padEnd(11)} · ${cell(was?.score).padStart(3)} ${was?.band ?? ''}`);
  }
  lines.push(`  ${'Overall'.padEnd(22)} ${String(r.score.overall.score).padStart(3)} ${r.score.overall.band.padEnd(11)} · ${cell(recorded?.overall.score).padStart(3)} ${recorded?.overall.band ?? ''}`);
  lines.push(`  Outcome: ${r.score.outcome?.outcome ?? 'in progress'}${recorded ? ` · recorded ${recorded.outcome ?? 'in progress'}` : ''}`);
  for (const e of record.explainBacks) lines.push(`  Explain-back, ${stageLabel(e.stage)}: ${e.skipped ? '(skipped)' : plain(e.text)}`);
  if (record.coaching?.feedback) lines.push(`  Coach's feedback: ${plain(record.coaching.feedback)}`);
  for (const rating of record.coaching?.ratings ?? []) lines.push(`  Coach's rating of the ${stageLabel(rating.stage)} explain-back: ${rating.rating}/5`);
  lines.push('', CHECK_TEXT[check.status]);
  for (const d of check.differences) {
    const what = d.part === 'stage' ? stageLabel(d.stage) : d.part;
    lines.push(`  ${what}: recorded ${String(d.recorded)}, replayed ${String(d.recomputed)}`);
  }
  return lines;
}
