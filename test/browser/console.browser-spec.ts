import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext } from 'playwright-core';
import { loadAuthConfig, mintToken } from '@samvirke/access';
import { freePort } from '@samvirke/platform';
import { baseEnv, startApiProcess, waitForHttp, type ApiProcess } from '../support/api-process';
import { consoleContext, expectNoWcagViolations, launchChromium, screenshotsDir, signIn } from '../support/console-browser';
import { createOwnDatabase, type OwnDatabase } from '../support/own-database';

/**
 * The console in a real browser (Debian's Chromium, driven by playwright-core; no browser is ever
 * downloaded): the built API as `npm start` runs it, with the development identity provider and the
 * demo case load, signed into through the sign-in page as a demo coordinator; the worklist and a case
 * page are shown, axe-core finds no WCAG 2.1 A/AA violation on them, and the keyboard alone gets
 * through the same path. CONSOLE_SCREENSHOTS=1 writes the README's screenshots (docs/screenshots).
 */
const SCREENSHOTS = screenshotsDir();

jest.setTimeout(180_000);

describe('the console in Chromium', () => {
  let database: OwnDatabase | undefined;
  let api: ApiProcess | undefined;
  let dataDir: string;
  let base: string;
  let browser: Browser | undefined;

  beforeAll(async () => {
    database = await createOwnDatabase('console');
    dataDir = mkdtempSync(join(tmpdir(), 'samvirke-console-'));
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    api = startApiProcess({
      ...baseEnv(),
      PORT: String(port),
      DATABASE_URL: database.url,
      DATA_DIR: dataDir,
      DEMO_DATA: 'true',
      DEMO_CASES: '30',
      // info: the test waits for the "demo cases added" line.
      LOG_LEVEL: 'info',
      DATABASE_POOL_SIZE: '5',
    });
    await waitForHttp(`${base}/health/ready`, 60_000, api);
    // The demo load is added in the background: wait until all of it is in (while it goes in, cases
    // pass through intake queues and coordinators' worklists), then until the read models show it.
    const seeded = Date.now() + 120_000;
    while (!/"msg":"demo cases added"/.test(api.output())) {
      if (Date.now() > seeded || api.child.exitCode !== null) throw new Error(`the demo load was not added\n${api.output().slice(-2000)}`);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    const devKey = loadAuthConfig({ AUTH_TRUST_DEV_KEYS: 'true' }, dataDir).devKeys!.privateJwk!;
    const token = await mintToken(devKey, { sub: 'coord-01', agency: 'BIF', roles: ['coordinator'], issuer: 'samvirke-dev', audience: 'samvirke-api' });
    // Until coord-01's worklist has cases and the read models have stopped moving it (the same
    // total three times in a row: on its way there a case may pass through their intake queue).
    const deadline = Date.now() + 120_000;
    let same = 0;
    let last = -1;
    while (same < 3) {
      const response = await fetch(`${base}/worklist?limit=1`, { headers: { authorization: `Bearer ${token}` } });
      const total = response.ok ? ((await response.json()) as { page: { total: number } }).page.total : -1;
      same = total > 0 && total === last ? same + 1 : 0;
      last = total;
      if (Date.now() > deadline)
        throw new Error(`coord-01's worklist did not settle with cases (last status ${response.status}, total ${total})\n${api.output().slice(-2000)}`);
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    if (api && api.child.exitCode === null) {
      api.child.kill('SIGTERM');
      await api.exited;
    }
    await database?.drop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  function newContext(): Promise<BrowserContext> {
    // A browser in another time zone: the console must still show Copenhagen days.
    return consoleContext(browser!, 'America/New_York');
  }

  it('signs a coordinator in through the development identity provider, shows the worklist and a case, and signs out', async () => {
    const context = await newContext();
    const page = await context.newPage();
    try {
      await page.goto(`${base}/`);
      await page.getByRole('heading', { level: 1, name: 'Log ind' }).waitFor();
      expect(new URL(page.url()).pathname).toBe('/app');
      await expectNoWcagViolations(page);
      await page.screenshot({ path: join(SCREENSHOTS, 'sign-in.png') });

      await page.getByRole('link', { name: 'Log ind' }).click();
      await page.getByRole('heading', { name: 'Log ind i Samvirke' }).waitFor();
      expect(new URL(page.url()).pathname).toMatch(/^\/dev-idp\/interaction\//);
      await expectNoWcagViolations(page);
      await page.getByRole('button', { name: /^coord-01\b/ }).click();

      await page.getByRole('heading', { level: 1, name: 'Arbejdsliste' }).waitFor();
      await expect(page.getByTestId('signed-in-user').innerText()).resolves.toContain('coord-01 · BIF · koordinator');
      const rows = page.getByTestId('worklist').locator('tbody tr');
      await rows.first().waitFor();
      expect(await rows.count()).toBeGreaterThan(0);
      // The session cookie is HttpOnly and SameSite=Lax; no token reaches the page.
      const cookies = await context.cookies(base);
      expect(cookies.find((cookie) => cookie.name === 'samvirke-session')).toMatchObject({ httpOnly: true, sameSite: 'Lax' });
      expect(await page.evaluate('document.cookie')).not.toContain('samvirke-session');
      await expectNoWcagViolations(page);
      await page.screenshot({ path: join(SCREENSHOTS, 'worklist.png'), fullPage: false });

      const firstCase = rows.first().getByRole('link');
      const caseLabel = await firstCase.innerText();
      await firstCase.click();
      await page.getByRole('heading', { level: 1, name: caseLabel }).waitFor();
      expect(new URL(page.url()).pathname).toMatch(/^\/app\/cases\/[0-9a-f-]{36}$/);
      await page.getByTestId('timeline').waitFor();
      expect((await page.getByTestId('citizen-name').innerText()).trim()).not.toBe('');
      // Dates in Danish (day, short month, year), whatever the browser's zone.
      expect(await page.getByTestId('timeline').innerText()).toMatch(/\d{1,2}\. (jan|feb|mar|apr|maj|jun|jul|aug|sep|okt|nov|dec)\.? \d{4}/);
      await expectNoWcagViolations(page);
      await page.screenshot({ path: join(SCREENSHOTS, 'case.png'), fullPage: false });

      // English, the second language, is one click away.
      await page.getByRole('button', { name: 'English' }).click();
      await page.getByRole('heading', { level: 2, name: 'Timeline' }).waitFor();
      await page.getByRole('button', { name: 'Dansk' }).click();

      await page.getByRole('button', { name: 'Log ud' }).click();
      await page.getByRole('heading', { level: 1, name: 'Log ind' }).waitFor();
      const after = await page.request.get(`${base}/worklist`);
      expect(after.status()).toBe(401);
    } finally {
      await context.close();
    }
  });

  it("shows a liaison officer the cases their agency is on, with the names they may see, instead of the coordinators' worklist", async () => {
    const { context, page } = await signIn(browser!, base, 'politi-01', { timezoneId: 'America/New_York' });
    try {
      await page.getByRole('heading', { level: 1, name: 'Sager' }).waitFor();
      await expect(page.getByTestId('signed-in-user').innerText()).resolves.toContain('politi-01 · KBH-POLITI · kontaktperson');
      await page.getByTestId('cases').locator('tbody tr').first().waitFor();
      expect(await page.getByRole('link', { name: 'Arbejdsliste' }).count()).toBe(0);
      await expectNoWcagViolations(page);
      await page.screenshot({ path: join(SCREENSHOTS, 'cases.png'), fullPage: false });
    } finally {
      await context.close();
    }
  });

  it('gets through sign-in, the worklist and a case with the keyboard alone', async () => {
    const context = await newContext();
    const page = await context.newPage();
    /** Presses Tab until `matches` (an expression run in the page) is true, at most `limit` times. */
    async function tabTo(description: string, matches: string, limit = 80): Promise<void> {
      for (let i = 0; i < limit; i++) {
        await page.keyboard.press('Tab');
        if (await page.evaluate(matches)) return;
      }
      throw new Error(`Tab never reached ${description}`);
    }
    try {
      await page.goto(`${base}/app`);
      await page.getByRole('heading', { level: 1, name: 'Log ind' }).waitFor();
      await tabTo('the sign-in link', "document.activeElement?.textContent === 'Log ind' && document.activeElement.tagName === 'A'");
      await page.keyboard.press('Enter');
      await page.getByRole('heading', { name: 'Log ind i Samvirke' }).waitFor();
      await tabTo('coord-02', "document.activeElement?.value === 'coord-02'");
      await page.keyboard.press('Enter');
      await page.getByRole('heading', { level: 1, name: 'Arbejdsliste' }).waitFor();
      await expect(page.getByTestId('signed-in-user').innerText()).resolves.toContain('coord-02');
      await tabTo('the first case', "document.activeElement?.tagName === 'A' && document.activeElement.closest('[data-testid=\"worklist\"]') !== null");
      await page.keyboard.press('Enter');
      await page.getByTestId('citizen-name').waitFor();
      // The new screen's heading has the focus, so the keyboard continues from there.
      expect(await page.evaluate('document.activeElement?.tagName')).toBe('H1');
    } finally {
      await context.close();
    }
  });
});
