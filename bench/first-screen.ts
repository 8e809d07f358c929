/**
 * The gzipped JavaScript the first screen loads: the entry script of the built index.html and every
 * chunk it preloads. Run after `npm run build`: npm run bench:bundle. Prints numbers; asserts nothing.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const dist = process.env.DIST ?? join(import.meta.dirname, '..', 'dist');
const index = join(dist, 'index.html');
if (!existsSync(index)) {
  console.error('No dist/index.html: run npm run build first.');
  process.exit(2);
}
const html = readFileSync(index, 'utf8');
const files = [...html.matchAll(/<(?:script[^>]*src|link[^>]*rel="modulepreload"[^>]*href)="([^"]+\.js)"/g)].map((m) => m[1]!);
let raw = 0;
let gz = 0;
console.log('First screen JavaScript (from dist/index.html):');
for (const f of files) {
  const bytes = readFileSync(join(dist, f.replace(/^\//, '')));
  const g = gzipSync(bytes, { level: 9 }).length;
  raw += bytes.length;
  gz += g;
  console.log(`  ${f.padEnd(44)} ${(bytes.length / 1024).toFixed(1).padStart(7)} KB  gzip ${(g / 1024).toFixed(1).padStart(6)} KB`);
}
console.log(`  total${' '.repeat(40)}${(raw / 1024).toFixed(1).padStart(7)} KB  gzip ${(gz / 1024).toFixed(1).padStart(6)} KB  (budget 150 KB gzip)`);

// What the service worker keeps for offline use: every file of its precache list (dist/sw.js).
const sw = join(dist, 'sw.js');
if (existsSync(sw)) {
  const urls = [...readFileSync(sw, 'utf8').matchAll(/\{url:"([^"]+)",revision:/g)].map((m) => m[1]!);
  let bytes = 0;
  let zipped = 0;
  for (const url of urls) {
    const body = readFileSync(join(dist, url));
    bytes += body.length;
    zipped += gzipSync(body, { level: 9 }).length;
  }
  console.log(`Service worker precache: ${urls.length} files, ${(bytes / 1024).toFixed(1)} KB (gzip ${(zipped / 1024).toFixed(1)} KB)`);
}
