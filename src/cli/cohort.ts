/**
 * `npm run cohort -- <command>`: the cohort lead's tool for attempt files (report, replay).
 * Exit codes: 0 fine, 1 a file was refused or a replay does not reproduce its scores, 2 a usage error.
 */
import { runCohortCli } from './cohort-commands';

process.exitCode = runCohortCli(process.argv.slice(2), {
  out: (s) => process.stdout.write(s + '\n'),
  err: (s) => process.stderr.write(s + '\n'),
});
