/**
 * The `test` every spec uses: Playwright's, with a watch on every page of every browser context the
 * test opens (its own and any it makes with `browser.newContext`). A test fails on any console error
 * (React's warnings among them), any uncaught page error, and any Content-Security-Policy violation,
 * which are counted apart (a violation the page reports through `securitypolicyviolation`).
 */
import { test as base, expect, type BrowserContext } from '@playwright/test';

export { expect };

/** What went wrong in the pages of one test, by kind. */
export interface PageProblems {
  console: string[];
  pageErrors: string[];
  csp: string[];
}

const CSP_PREFIX = 'ltc-e2e CSP violation:';

/** Runs in every page before the app: reports CSP violations where the watch below sees them. */
function reportCspViolations(prefix: string) {
  document.addEventListener('securitypolicyviolation', (e) => {
    console.info(`${prefix} ${e.violatedDirective} blocked ${e.blockedURI || '(inline)'} at ${e.sourceFile}:${e.lineNumber}`);
  });
}

function watch(context: BrowserContext, problems: PageProblems) {
  void context.addInitScript(reportCspViolations, CSP_PREFIX);
  context.on('console', (message) => {
    const text = message.text();
    if (text.startsWith(CSP_PREFIX)) problems.csp.push(text.slice(CSP_PREFIX.length).trim());
    else if (message.type() === 'error') problems.console.push(`${message.location().url}: ${text}`);
    else if (message.type() === 'warning' && /React|Warning:/.test(text)) problems.console.push(`(warning) ${text}`);
  });
  context.on('weberror', (error) => problems.pageErrors.push(String(error.error()?.stack ?? error.error())));
}

export const test = base.extend<{ pageProblems: PageProblems }>({
  pageProblems: [
    async ({ context, browser }, run) => {
      const problems: PageProblems = { console: [], pageErrors: [], csp: [] };
      watch(context, problems);
      // A second "machine" (browser.newContext) in the same test is watched too.
      const newContext = browser.newContext.bind(browser);
      browser.newContext = async (options) => {
        const made = await newContext(options);
        watch(made, problems);
        return made;
      };
      try {
        await run(problems);
      } finally {
        browser.newContext = newContext;
      }
      // All three at once, so that a failure shows everything that went wrong.
      expect(problems, 'CSP violations, uncaught page errors, console errors and React warnings').toEqual({ console: [], pageErrors: [], csp: [] });
    },
    { auto: true },
  ],
});
