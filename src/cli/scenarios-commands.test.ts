import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './scenarios-commands';

const run = (...argv: string[]) => {
  const out: string[] = [];
  const err: string[] = [];
  const code = runCli(argv, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out: out.join('\n'), err: err.join('\n') };
};
const tmp = () => mkdtempSync(join(tmpdir(), 'scenarios-cli-'));

describe('npm run scenarios', () => {
  it('check: exit 0 on the library, with a summary line', () => {
    const r = run('check', 'scenarios');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^\d+ file\(s\) checked: 0 error\(s\), 0 warning\(s\)\.$/m);
  });

  it('check: one "path:line:column severity CODE message" line per problem, exit 1 on an error', () => {
    const dir = tmp();
    const file = join(dir, 'typo.yaml');
    writeFileSync(file, readFileSync('test/fixtures/diagnostics/SC012-next-typo.yaml', 'utf8'));
    const r = run('check', file);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/typo\.yaml:\d+:\d+ error SC012 Unknown step/);
    const json = JSON.parse(run('check', file, '--json').out);
    expect(json.files[0].diagnostics).toContainEqual(expect.objectContaining({ code: 'SC012', severity: 'error' }));
    expect(json.errors).toBeGreaterThan(0);
  });

  it('exit 2 on a usage error or a missing file, without a stack trace', () => {
    for (const r of [run('frobnicate'), run('check', 'no/such/file.yaml'), run('explore'), run('check', '--wat'), run()]) {
      expect(r.code).toBe(2);
      expect(r.err + r.out).not.toMatch(/\n\s+at /);
    }
  });

  it('new writes a scenario that checks clean, and refuses to overwrite', () => {
    const out = join(tmp(), 'fresh-start.yaml');
    expect(run('new', 'fresh-start', '--lang', 'zh-CN', '--out', out).code).toBe(0);
    expect(run('check', out).code).toBe(0);
    expect(run('check', out).out).toContain('0 error(s), 0 warning(s)');
    expect(run('new', 'fresh-start', '--out', out).code).toBe(2);
    expect(run('new', 'Bad Id').code).toBe(2);
  });

  it('explore prints reachability, endings and the exemplar path', () => {
    const r = run('explore', 'test/fixtures/scenarios/feature-tour.yaml');
    expect(r.code).toBe(0);
    expect(r.out).toContain('Steps: 12/12 reachable.');
    expect(r.out).toMatch(/Exemplar path \(seed \d+, \d+ moves, outcome won, score 100\)/);
  });

  it('schema prints the JSON Schema that public/scenario.schema.json holds', () => {
    const r = run('schema');
    expect(JSON.parse(r.out)).toEqual(JSON.parse(readFileSync('public/scenario.schema.json', 'utf8')));
  });
});
