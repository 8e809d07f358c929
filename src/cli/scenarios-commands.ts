import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { z } from 'zod';
import { codeListLines } from '../domain/guide/guide-codes';
import { formatDiagnostic, hasErrors } from '../domain/diagnostics/diagnostic';
import { auditScenario, type AuditReport } from '../domain/audit/naive-play';
import { explore } from '../domain/explorer/explore';
import { scenarioSchema, ID_PATTERN } from '../domain/scenario/schema';
import { isLocale } from '../domain/text/localized-text';
import { renderExploreReport } from './explore-report';
import { findScenarioFiles, loadScenarioFile } from './load';
import { scenarioTemplate } from '../domain/scenario/template';

export interface Io {
  out: (line: string) => void;
  err: (line: string) => void;
}

const USAGE = `Usage: npm run scenarios -- <command> [options]

Commands:
  check [files or folders…] [--json]   check scenario files (default: scenarios/)
  explore <file> [--json] [--seeds 1,2,3] [--max-states N] [--lang en|zh-CN]
                                       reachability, endings, best scores and the expert path
  audit [files or folders…] [--seeds N] [--json]
                                       play naive strategies (first, longest, question, politest,
                                       random option) beside the expert path; exit 1 when one passes
                                       an intermediate or advanced scenario
  new <id> [--lang en|zh-CN] [--out F]  write a new scenario from the template
  schema [--out FILE]                  print (or write) the JSON Schema for editors
  codes                                list every diagnostic code (the guide's list)
  help                                 this text`;

/** The scenario guide, whose headings the list of codes links to. */
const GUIDE = join(import.meta.dirname, '..', '..', 'scenarios', 'README.md');

/** Runs one CLI command; returns the exit code. */
export function runCli(argv: string[], io: Io): number {
  const [command, ...rest] = argv;
  const parsed = parseArgs(rest, ['--out', '--lang', '--seeds', '--max-states']);
  if (typeof parsed === 'string') {
    io.err(`${parsed}\n\n${USAGE}`);
    return 2;
  }
  const { args, flags, values } = parsed;
  switch (command) {
    case 'check':
      return check(args.length ? args : ['scenarios'], flags.has('--json'), io);
    case 'explore':
      return exploreCommand(args, flags.has('--json'), values, io);
    case 'audit':
      return auditCommand(args.length ? args : ['scenarios'], flags.has('--json'), values, io);
    case 'new':
      return newCommand(args, values, io);
    case 'schema':
      return schemaCommand(values.get('--out'), io);
    case 'codes':
      for (const line of codeListLines(readFileSync(GUIDE, 'utf8'))) io.out(line);
      return 0;
    case 'help':
    case '--help':
    case undefined:
      io.out(USAGE);
      return command === undefined ? 2 : 0;
    default:
      io.err(`Unknown command "${command}".\n\n${USAGE}`);
      return 2;
  }
}

function check(targets: string[], json: boolean, io: Io): number {
  const { files, missing } = findScenarioFiles(targets);
  if (missing.length) {
    io.err(`No such file or folder: ${missing.join(', ')}`);
    return 2;
  }
  const results = files.map((f) => loadScenarioFile(f, { deal: true }));
  const all = results.flatMap((r) => r.diagnostics);
  const errors = all.filter((d) => d.severity === 'error').length;
  const warnings = all.length - errors;
  if (json) {
    io.out(JSON.stringify({ files: results.map((r) => ({ file: r.file, ok: !hasErrors(r.diagnostics), diagnostics: r.diagnostics })), errors, warnings }, null, 2));
  } else {
    for (const d of all) io.out(formatDiagnostic(d));
    const bad = results.filter((r) => hasErrors(r.diagnostics)).length;
    io.out(`${files.length} file(s) checked: ${errors} error(s), ${warnings} warning(s)${bad ? `; ${bad} file(s) failed` : ''}.`);
  }
  return errors ? 1 : 0;
}

function parseArgs(rest: string[], valued: string[]) {
  const args: string[] = [];
  const flags = new Set<string>();
  const values = new Map<string, string>();
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i]!;
    if (valued.includes(a)) {
      const v = rest[++i];
      if (v === undefined) return `${a} needs a value.`;
      values.set(a, v);
    } else if (a.startsWith('--')) {
      if (!['--json'].includes(a)) return `Unknown option ${a}.`;
      flags.add(a);
    } else args.push(a);
  }
  return { args, flags, values };
}

function exploreCommand(args: string[], json: boolean, values: Map<string, string>, io: Io): number {
  if (args.length !== 1) {
    io.err(`explore takes exactly one scenario file.\n\n${USAGE}`);
    return 2;
  }
  const seeds = values.has('--seeds') ? values.get('--seeds')!.split(',').map(Number) : undefined;
  const maxStates = values.has('--max-states') ? Number(values.get('--max-states')) : undefined;
  const lang = values.get('--lang') ?? 'en';
  if ((seeds && seeds.some((n) => !Number.isInteger(n))) || (maxStates !== undefined && !(maxStates > 0)) || !isLocale(lang)) {
    io.err('--seeds takes integers separated by commas, --max-states a positive number, --lang en or zh-CN.');
    return 2;
  }
  const { findings, missing } = loadOne(args[0]!);
  if (missing) {
    io.err(`No such file: ${args[0]}`);
    return 2;
  }
  const loaded = findings!;
  for (const d of loaded.diagnostics) io.err(formatDiagnostic(d));
  if (!loaded.model) {
    io.err(`${loaded.file} has errors; fix them before exploring.`);
    return 1;
  }
  const report = explore(loaded.model, { ...(seeds ? { seeds } : {}), ...(maxStates ? { maxStates } : {}) });
  if (json) io.out(JSON.stringify(report, null, 2));
  else for (const line of renderExploreReport(loaded.model, report, lang)) io.out(line);
  return 0;
}

function auditCommand(targets: string[], json: boolean, values: Map<string, string>, io: Io): number {
  const seeds = values.has('--seeds') ? Number(values.get('--seeds')) : 100;
  if (!Number.isInteger(seeds) || seeds < 1 || seeds > 100_000) {
    io.err('--seeds takes a whole number of seeds to play, 1 to 100000 (default 100).');
    return 2;
  }
  const { files, missing } = findScenarioFiles(targets);
  if (missing.length) {
    io.err(`No such file or folder: ${missing.join(', ')}`);
    return 2;
  }
  const reports: (AuditReport & { file: string; expert: number | null })[] = [];
  let broken = false;
  for (const file of files) {
    const loaded = loadScenarioFile(file);
    if (!loaded.model) {
      for (const d of loaded.diagnostics) io.err(formatDiagnostic(d));
      io.err(`${loaded.file} has errors; fix them before auditing.`);
      broken = true;
      continue;
    }
    const expert = explore(loaded.model).exemplar?.score.overall.score ?? null;
    reports.push({ file: loaded.file, expert, ...auditScenario(loaded.model, seeds) });
  }
  if (json) io.out(JSON.stringify(reports.map(({ strategies, ...r }) => ({ ...r, strategies: strategies.map(({ passing, ...s }) => ({ ...s, passingSeed: passing?.seed ?? null })) })), null, 2));
  else {
    const pct = (x: number) => `${Math.round(x * 100)}%`;
    for (const r of reports) {
      io.out(`${r.file} (${r.difficulty}, pass mark ${r.passMark}, expert path ${r.expert ?? '-'}), ${seeds} seed(s) per strategy:`);
      io.out('| strategy | mean | best | passed | won |');
      io.out('|---|---|---|---|---|');
      for (const s of r.strategies) io.out(`| ${s.strategy} | ${s.meanScore.toFixed(1)} | ${s.maxScore} | ${pct(s.passRate)} | ${pct(s.wonRate)} |`);
      const passers = r.strategies.filter((s) => s.passing);
      if (r.givesAnswersAway) io.out(`GIVES ANSWERS AWAY: ${passers.map((s) => `${s.strategy} passes (e.g. seed ${s.passing!.seed})`).join('; ')}.`);
      else if (passers.length) io.out(`(an intro scenario: ${passers.map((s) => s.strategy).join(', ')} may pass)`);
      io.out('');
    }
  }
  return broken || reports.some((r) => r.givesAnswersAway) ? 1 : 0;
}

function loadOne(file: string) {
  if (!existsSync(file)) return { missing: true as const };
  return { findings: loadScenarioFile(file), missing: false as const };
}

function newCommand(args: string[], values: Map<string, string>, io: Io): number {
  const id = args[0];
  const lang = values.get('--lang') ?? 'en';
  if (!id || !ID_PATTERN.test(id) || !isLocale(lang)) {
    io.err('new needs an id of lower-case letters, digits and dashes, e.g. `npm run scenarios -- new cold-chain-crm`; --lang is en or zh-CN.');
    return 2;
  }
  const out = values.get('--out') ?? `scenarios/${id}.yaml`;
  if (existsSync(out)) {
    io.err(`${out} already exists; choose another id or --out.`);
    return 2;
  }
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, scenarioTemplate(id, lang));
  io.out(`Wrote ${out}. Next: npm run scenarios -- check ${out}`);
  return 0;
}

/** The JSON Schema editors use, generated from the one zod schema. */
export function scenarioJsonSchema(): object {
  return {
    ...z.toJSONSchema(scenarioSchema, { target: 'draft-7', io: 'input', reused: 'ref' }),
    $id: 'https://ltc-simulator.invalid/scenario.schema.json',
    title: 'LTC sales-training scenario',
  };
}

function schemaCommand(out: string | undefined, io: Io): number {
  const text = JSON.stringify(scenarioJsonSchema(), null, 2) + '\n';
  if (out) {
    writeFileSync(out, text);
    io.out(`Wrote ${out}.`);
  } else io.out(text.trimEnd());
  return 0;
}
