/**
 * `npm run scenarios -- <command>`: the trainers' and CI's tool for scenario files.
 * Exit codes: 0 fine (warnings allowed), 1 a file has an error, 2 a usage error.
 */
import { runCli } from './scenarios-commands';

process.exitCode = runCli(process.argv.slice(2), {
  out: (s) => process.stdout.write(s + '\n'),
  err: (s) => process.stderr.write(s + '\n'),
});
