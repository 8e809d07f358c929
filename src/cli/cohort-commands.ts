import { statSync } from 'node:fs';
import { compileScenario } from '../domain/compiler/compile';
import { analyzeAttempt } from '../domain/cohort/analyze-attempt';
import { cohortReport, type CohortFilters } from '../domain/cohort/cohort-report';
import { explore } from '../domain/explorer/explore';
import type { Exemplar } from '../domain/explorer/exemplar';
import type { ScenarioModel } from '../domain/scenario/model';
import { findAttemptFiles, loadAttemptFile, loadAttemptFiles, type LoadedAttempt } from './cohort-files';
import { FORMATS, renderReport, type Format } from './cohort-render';
import { renderReplay } from './cohort-replay';
import { messageText, plain } from './cohort-text';

export interface Io {
  out: (line: string) => void;
  err: (line: string) => void;
}

const USAGE = `Usage: npm run cohort -- <command> [options]

Commands:
  report <files or folders…> [options]   read attempt files (every *.json in a folder) and print the
                                         cohort tables; refused files are named with the reason
      --format md|csv|json               Markdown tables (default), a titled CSV block per table, or JSON
      --scenario ID                      only attempts of this scenario
      --trainee NAME                     only this trainee (repeat for more)
      --from YYYY-MM-DD, --to YYYY-MM-DD only attempts started in this range (UTC, both days included)
      --no-decisions                     skip the decision points (finding each scenario's expert path
                                         takes a few seconds per scenario)
  replay <file>                          an attempt's transcript with the key actions and pitfalls of
                                         each move and the score so far, then the stage scores
  help                                   this text

Exit codes: 0 fine; 1 a file was refused (report) or the replay does not reproduce the recorded
scores (replay); 2 a usage error.`;

interface Parsed {
  args: string[];
  format: Format;
  decisions: boolean;
  filters: CohortFilters;
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
function day(value: string, end: boolean): number | null {
  const m = DATE.exec(value);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]) - 1, Number(m[3])];
  const start = Date.UTC(y, mo, d);
  if (new Date(start).getUTCDate() !== d) return null;
  return end ? Date.UTC(y, mo, d + 1) - 1 : start;
}

function parse(rest: string[]): Parsed | string {
  const out: Parsed = { args: [], format: 'md', decisions: true, filters: {} };
  const trainees: string[] = [];
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i]!;
    const value = () => rest[++i];
    if (a === '--no-decisions') out.decisions = false;
    else if (['--format', '--scenario', '--trainee', '--from', '--to'].includes(a)) {
      const v = value();
      if (v === undefined) return `${a} needs a value.`;
      if (a === '--format') {
        if (!(FORMATS as readonly string[]).includes(v)) return `--format takes ${FORMATS.join(', ')}.`;
        out.format = v as Format;
      } else if (a === '--scenario') out.filters.scenario = v;
      else if (a === '--trainee') trainees.push(v);
      else {
        const ms = day(v, a === '--to');
        if (ms === null) return `${a} takes a date as YYYY-MM-DD, e.g. 2025-03-31.`;
        out.filters[a === '--from' ? 'from' : 'to'] = ms;
      }
    } else if (a.startsWith('--')) return `Unknown option ${a}.`;
    else out.args.push(a);
  }
  if (trainees.length) out.filters.trainees = trainees;
  return out;
}

/** Runs one `cohort` command; returns the exit code. */
export function runCohortCli(argv: string[], io: Io): number {
  const [command, ...rest] = argv;
  if (command === undefined || command === 'help' || command === '--help') {
    io.out(USAGE);
    return command === undefined ? 2 : 0;
  }
  if (command !== 'report' && command !== 'replay') {
    io.err(`Unknown command "${command}".\n\n${USAGE}`);
    return 2;
  }
  const parsed = parse(rest);
  if (typeof parsed === 'string') {
    io.err(`${parsed}\n\n${USAGE}`);
    return 2;
  }
  return command === 'report' ? report(parsed, io) : replay(parsed, io);
}

const warnFlags = (a: LoadedAttempt, io: Io) => {
  for (const f of a.flags) io.err(`warning ${a.file}: ${messageText(f)}`);
};

function report({ args, format, decisions, filters }: Parsed, io: Io): number {
  if (!args.length) {
    io.err(`report needs attempt files or folders.\n\n${USAGE}`);
    return 2;
  }
  const { files, missing } = findAttemptFiles(args);
  if (missing.length) {
    io.err(`No such file or folder: ${missing.map(plain).join(', ')}`);
    return 2;
  }
  const { attempts, refused } = loadAttemptFiles(files);
  for (const r of refused) io.err(`refused ${r.file}: ${r.reason}`);
  for (const a of attempts) warnFlags(a, io);

  const models = new Map<string, ScenarioModel>(attempts.map((a) => [a.model.hash, a.model]));
  const exemplars = new Map<string, Exemplar | null>();
  if (decisions) {
    for (const model of models.values()) {
      io.err(`Finding the expert path of ${plain(model.id)} ${plain(model.version)} for the decision points (a few seconds; --no-decisions skips this)…`);
      const found = explore(model).exemplar;
      exemplars.set(model.hash, found && { seed: found.seed, moves: found.moves });
    }
  }
  const analyses = attempts.map((a) => analyzeAttempt(a.model, a.record, exemplars.get(a.model.hash) ?? null, a.context, a.score));
  for (const line of renderReport(cohortReport(analyses, filters), models, format)) io.out(line);
  io.err(`${files.length} file(s) read: ${attempts.length} attempt(s) reported, ${refused.length} refused.`);
  return refused.length ? 1 : 0;
}

function replay({ args }: Parsed, io: Io): number {
  if (args.length !== 1) {
    io.err(`replay takes exactly one attempt file.\n\n${USAGE}`);
    return 2;
  }
  const path = args[0]!;
  try {
    if (!statSync(path).isFile()) throw new Error('not a file');
  } catch {
    io.err(`No such file: ${plain(path)}`);
    return 2;
  }
  const loaded = loadAttemptFile(path, compileScenario, Date.now());
  if (!loaded.ok) {
    io.err(`refused ${loaded.refused.file}: ${loaded.refused.reason}`);
    return 1;
  }
  const a = loaded.attempt;
  warnFlags(a, io);
  for (const line of renderReplay(a.file, a.model, a.record, a.scoreCheck)) io.out(line);
  return a.scoreCheck.status === 'differs' ? 1 : 0;
}
