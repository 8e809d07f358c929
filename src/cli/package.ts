/** `npm run package -- scorm12|scorm2004|cmi5 [--scenario id…] [--out file.zip]` (see package-command.ts). */
import { runPackage } from './package-command';

process.exitCode = await runPackage(process.argv.slice(2), {
  out: (s) => process.stdout.write(s + '\n'),
  err: (s) => process.stderr.write(s + '\n'),
});
