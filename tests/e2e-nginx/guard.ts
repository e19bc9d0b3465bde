import { test as base, expect, type Page } from '@playwright/test';

/** What went wrong on a page while a test used it; every test asserts this stays empty. */
export interface PageProblems {
  cspViolations: string[];
  pageErrors: string[];
  consoleErrors: string[];
  failedResponses: string[];
}

declare global {
  interface Window {
    __cspViolations?: string[];
  }
}

/** Starts collecting CSP violations (DOM events and console reports), errors and 4xx/5xx. */
export async function watch(
  page: Page,
  allowStatus: (url: string, status: number) => boolean = () => false
) {
  const problems: PageProblems = {
    cspViolations: [],
    pageErrors: [],
    consoleErrors: [],
    failedResponses: []
  };
  await page.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) =>
      window.__cspViolations!.push(
        `${e.effectiveDirective} blocked ${e.blockedURI || 'inline'} (${e.sourceFile}:${e.lineNumber})`
      )
    );
  });
  page.on('pageerror', (e) => problems.pageErrors.push(e.message));
  page.on('console', (m) => {
    if (m.type() !== 'error') return;
    if (/Content Security Policy/i.test(m.text())) problems.cspViolations.push(m.text());
    // A failed load is reported (with its URL, and expected 404s allowed) by `response`.
    else if (!/^Failed to load resource: the server responded with a status of/.test(m.text()))
      problems.consoleErrors.push(m.text());
  });
  page.on('response', (r) => {
    if (r.status() >= 400 && !allowStatus(r.url(), r.status()))
      problems.failedResponses.push(`${r.status()} ${r.url()}`);
  });
  page.on('requestfailed', (r) => {
    // Chromium fetches the favicon at low priority and cancels it when the test navigates
    // on: an abort of that one request is not something a visitor sees.
    if (
      r.failure()?.errorText === 'net::ERR_ABORTED' &&
      new URL(r.url()).pathname.endsWith('/favicon.svg')
    )
      return;
    problems.failedResponses.push(`failed ${r.url()}: ${r.failure()?.errorText}`);
  });
  return {
    problems,
    /** Violations seen by the page itself (survive only until the next navigation). */
    async domViolations(): Promise<string[]> {
      return page.evaluate(() => window.__cspViolations ?? []).catch(() => []);
    }
  };
}

/** A test whose page is watched; it fails if anything above happened during the test. */
export const test = base.extend<{ watched: Awaited<ReturnType<typeof watch>> }>({
  watched: async ({ page }, use) => {
    const w = await watch(
      page,
      (url, status) => status === 404 && /\/(no-such|__missing)/.test(url)
    );
    await use(w);
    w.problems.cspViolations.push(...(await w.domViolations()));
    expect(w.problems).toEqual({
      cspViolations: [],
      pageErrors: [],
      consoleErrors: [],
      failedResponses: []
    });
  }
});

export { expect };
