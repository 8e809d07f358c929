import { formatDiagnostic, hasErrors } from '../domain/diagnostics/diagnostic';
import { findScenarioFiles, loadScenarioFile } from './load';

export interface Io {
  out: (line: string) => void;
  err: (line: string) => void;
}

const USAGE = `Usage: npm run scenarios -- <command> [options]

Commands:
  check [files or folders…] [--json]   check scenario files (default: scenarios/)
  explore <file> [--json] [--seeds N]  reachability, endings, best scores and the expert path
  new <id> [--lang en|zh-CN] [--out F]  write a new scenario from the template
  schema [--out FILE]                  print (or write) the JSON Schema for editors
  codes                                list every diagnostic code
  help                                 this text`;

/** Runs one CLI command; returns the exit code. */
export function runCli(argv: string[], io: Io): number {
  const [command, ...rest] = argv;
  const flags = new Set(rest.filter((a) => a.startsWith('--')));
  const args = rest.filter((a) => !a.startsWith('--'));
  switch (command) {
    case 'check':
      return check(args.length ? args : ['scenarios'], flags.has('--json'), io);
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
  const results = files.map(loadScenarioFile);
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
