/**
 * An LMS for the package specs: a host page on a made-up origin (served by Playwright's routing, no
 * server) that runs scorm-again as the SCORM runtime, keeps the CMI data of every commit, and
 * launches the package's SCO as an LMS does (in a frame, or in a window it opens), with the launch
 * URL read from the package's imsmanifest.xml.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import type { BrowserContext } from '@playwright/test';
import { ROOT } from './data';

export const LMS_ORIGIN = 'http://lms.test';

export interface BuiltPackage {
  zip: string;
  bytes: number;
  files: Map<string, Uint8Array>;
  descriptor: string;
}

/** Builds a package with the real command (`npm run package`), and reads it back. */
export function buildPackage(standard: 'scorm12' | 'scorm2004' | 'cmi5', scenarios: string[]): BuiltPackage {
  const dir = join(ROOT, 'test-results', 'lms-packages');
  mkdirSync(dir, { recursive: true });
  const zip = join(dir, `${standard}.zip`);
  execFileSync(join(ROOT, 'node_modules', '.bin', 'tsx'), [join(ROOT, 'src', 'cli', 'package.ts'), standard, ...scenarios.flatMap((s) => ['--scenario', s]), '--out', zip], { cwd: ROOT, stdio: 'inherit' });
  const data = readFileSync(zip);
  const files = new Map(Object.entries(unzipSync(new Uint8Array(data))));
  const descriptor = new TextDecoder().decode(files.get(standard === 'cmi5' ? 'cmi5.xml' : 'imsmanifest.xml')!);
  return { zip, bytes: data.byteLength, files, descriptor };
}

/** The launch URL of the SCO of `scenario`, as an LMS builds it: the resource's href and the item's parameters. */
export function scoLaunch(manifest: string, scenario: string): string {
  const item = new RegExp(`<item identifier="item-${scenario}" identifierref="([^"]+)"[^>]*parameters="([^"]*)"`).exec(manifest);
  if (!item) throw new Error(`no item for ${scenario} in the manifest`);
  const resource = new RegExp(`<resource identifier="${item[1]}"[^>]*href="([^"]+)"`).exec(manifest);
  if (!resource) throw new Error(`no resource ${item[1]}`);
  return `${resource[1]}${item[2]}`;
}

const TYPES: Record<string, string> = { html: 'text/html', js: 'text/javascript', css: 'text/css', svg: 'image/svg+xml', json: 'application/json', txt: 'text/plain', xml: 'application/xml' };

/** Serves the package under `/course/` and scorm-again under `/runtime/` on `origin`. */
export async function serveLms(context: BrowserContext, pkg: BuiltPackage, origin = LMS_ORIGIN) {
  const runtime = join(ROOT, 'node_modules', 'scorm-again', 'dist');
  await context.route(`${origin}/**`, async (route) => {
    const url = new URL(route.request().url());
    const type = (p: string) => TYPES[p.split('.').pop() ?? ''] ?? 'application/octet-stream';
    if (url.pathname.startsWith('/runtime/')) {
      return route.fulfill({ body: readFileSync(join(runtime, url.pathname.slice('/runtime/'.length))), contentType: type(url.pathname) });
    }
    if (url.pathname.startsWith('/course/')) {
      const file = pkg.files.get(decodeURIComponent(url.pathname.slice('/course/'.length)));
      if (!file) return route.fulfill({ status: 404, body: 'not in the package' });
      return route.fulfill({ body: Buffer.from(file), contentType: type(url.pathname) });
    }
    if (url.pathname === '/host.html') return route.fulfill({ body: HOST, contentType: 'text/html' });
    return route.fulfill({ status: 404, body: 'not found' });
  });
}

/**
 * The host page. `lms.start(version, cmi, how, url)` creates the runtime (`window.API` or
 * `window.API_1484_11`), loads the CMI kept from an earlier session (as an LMS does on relaunch, with
 * entry "resume"), and launches the SCO; `lms.commits` holds the CMI data after each commit.
 */
const HOST = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Test LMS</title>
<script src="/runtime/scorm12.js"></script>
<script src="/runtime/scorm2004.js"></script>
<script>
window.lms = {
  commits: [], finished: false, refuse: null,
  start(version, cmi, how, url) {
    const settings = { autocommit: false, logLevel: 5, lmsCommitUrl: false };
    const api = version === '1.2' ? new Scorm12API(settings) : new Scorm2004API(settings);
    if (cmi) {
      api.loadFromJSON(cmi, '');
      if (version === '1.2') api.cmi.core.entry = 'resume'; else api.cmi.entry = 'resume';
    }
    api.cmi.core ? (api.cmi.core.student_name = 'Lin, Wei') : (api.cmi.learner_name = 'Lin, Wei');
    const keep = () => this.commits.push(JSON.parse(JSON.stringify(api.renderCMIToJSONObject().cmi)));
    api.on(version === '1.2' ? 'LMSCommit' : 'Commit', keep);
    api.on(version === '1.2' ? 'LMSFinish' : 'Terminate', () => { keep(); this.finished = true; });
    // lms.refuse = true: the LMS refuses every commit (general commit failure), as a broken LMS would.
    const commit = version === '1.2' ? 'LMSCommit' : 'Commit', last = version === '1.2' ? 'LMSGetLastError' : 'GetLastError';
    const realCommit = api[commit].bind(api), realLast = api[last].bind(api);
    let refused = false;
    api[commit] = (a) => { if (this.refuse) { refused = true; return 'false'; } refused = false; return realCommit(a); };
    api[last] = () => (refused ? (version === '1.2' ? '101' : '391') : realLast());
    if (version === '1.2') window.API = api; else window.API_1484_11 = api;
    if (how === 'window') window.open(url, 'sco');
    else { const f = document.createElement('iframe'); f.name = 'sco'; f.title = 'course'; f.src = url; f.style = 'width:100%;height:90vh;border:0'; document.body.append(f); }
  },
  last() { return this.commits[this.commits.length - 1] ?? null; },
};
</script></head><body><h1>Test LMS</h1></body></html>`;
