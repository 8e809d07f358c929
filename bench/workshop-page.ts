/**
 * The built app's workshop, for the workshop benchmarks: served (an existing build with `DIST=…`,
 * else a fresh one), opened in Debian's Chromium, and a scenario opened in the workbench, copied from
 * the library or imported from a file.
 */
import { join } from 'node:path';
import { chromium, type Browser, type Page } from '@playwright/test';
import { preview } from 'vite';
import { CHROMIUM, CHROMIUM_ARGS, ROOT, serveBuiltApp, type BuiltApp } from './built-app';

export async function serve(name: string): Promise<BuiltApp> {
  const dist = process.env.DIST;
  if (!dist) return serveBuiltApp(name);
  const server = await preview({ root: ROOT, configLoader: 'bundle', logLevel: 'warn', build: { outDir: join(ROOT, dist) }, preview: { host: '127.0.0.1', port: 0, open: false } });
  const url = server.resolvedUrls?.local[0]?.replace(/\/$/, '') ?? '';
  return { url, close: () => server.close() };
}

export async function launch(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
}

/** Waits until the workbench shows the diagnostics of the text as it is now. */
export async function checked(page: Page, timeout = 120_000) {
  await page.waitForFunction(
    () => {
      const wb = document.querySelector<HTMLElement>('[data-testid="workbench"]');
      return !!wb && wb.dataset.editorRevision === wb.dataset.checkedRevision;
    },
    undefined,
    { timeout },
  );
}

/** Opens a copy of a bundled scenario (its file name contains `file`) in the workbench. */
export async function openCopy(page: Page, url: string, file: string) {
  await page.goto(`${url}/#/workshop`);
  const select = page.getByLabel('Copy a library scenario');
  const value = await select.evaluate((el, f) => [...(el as HTMLSelectElement).options].find((o) => o.value.includes(f))?.value, file);
  if (!value) throw new Error(`No bundled scenario ${file}`);
  await select.selectOption(value);
  await page.getByRole('button', { name: 'Copy', exact: true }).click();
  await page.locator('.cm-content').waitFor();
  await checked(page);
}

/** Imports `text` as `name` through the workshop's file input; it opens in the workbench. */
export async function openImported(page: Page, url: string, name: string, text: string) {
  await page.goto(`${url}/#/workshop`);
  await page.locator('input[type="file"]').first().setInputFiles({ name, mimeType: 'application/yaml', buffer: Buffer.from(text) });
  await page.locator('.cm-content').waitFor({ timeout: 120_000 });
}
