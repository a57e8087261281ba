import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Pool } from 'pg';
import type { Browser } from 'playwright-core';
import { caseStreamId } from '@samvirke/case/application/case-identity';
import { CASE_EVENT_TYPES } from '@samvirke/case';
import { freePort } from '@samvirke/platform';
import { baseEnv, startApiProcess, waitForHttp, type ApiProcess } from '../support/api-process';
import { expectNoWcagViolations, launchChromium, screenshotsDir, signIn } from '../support/console-browser';
import { createOwnDatabase, type OwnDatabase } from '../support/own-database';

/**
 * The auditor's part of the console (issue 20) in Debian's Chromium, against the built API with the
 * demo load: signed in as the demo auditor, a case shows its history in sentences (no event names),
 * the hash-chain check (intact; then, after one stored event is changed in this test's own database,
 * broken at that event), who has read the case and why, and links to the citizen's copy; axe-core finds
 * no WCAG 2.1 A/AA violation. CONSOLE_SCREENSHOTS=1 writes docs/screenshots/audit.png.
 */
const SCREENSHOTS = screenshotsDir();

jest.setTimeout(180_000);

describe("the auditor's case screens in Chromium", () => {
  let database: OwnDatabase | undefined;
  let api: ApiProcess | undefined;
  let dataDir: string;
  let base: string;
  let browser: Browser | undefined;

  beforeAll(async () => {
    database = await createOwnDatabase('auditor');
    dataDir = mkdtempSync(join(tmpdir(), 'samvirke-auditor-'));
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    api = startApiProcess({
      ...baseEnv(),
      PORT: String(port),
      DATABASE_URL: database.url,
      DATA_DIR: dataDir,
      DEMO_DATA: 'true',
      DEMO_CASES: '10',
      LOG_LEVEL: 'info',
      DATABASE_POOL_SIZE: '5',
    });
    await waitForHttp(`${base}/health/ready`, 60_000, api);
    const seeded = Date.now() + 120_000;
    while (!/"msg":"demo cases added"/.test(api.output())) {
      if (Date.now() > seeded || api.child.exitCode !== null) throw new Error(`the demo load was not added\n${api.output().slice(-2000)}`);
      await new Promise((resolve) => setTimeout(resolve, 250));
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

  it('shows an auditor the history in sentences, the chain check, the reads and the citizen copy; a changed event is named', async () => {
    // A browser in another time zone: the console must still show Copenhagen days.
    const { context, page } = await signIn(browser!, base, 'revisor-01', { timezoneId: 'America/New_York' });
    try {
      await page.getByRole('heading', { level: 1, name: 'Sager' }).waitFor();
      const firstCase = page.getByTestId('cases').locator('tbody tr').first().getByRole('link');
      await firstCase.click();
      const caseId = /\/app\/cases\/([0-9a-f-]{36})$/.exec(page.url())![1];

      await page.getByTestId('audit-history').waitFor();
      const history = await page.getByTestId('audit-history').innerText();
      expect(history).toMatch(/henviste dig til SSP\+ den \d{1,2}\. \p{L}+ \d{4}/u);
      for (const type of CASE_EVENT_TYPES) expect(history).not.toContain(type);
      await expect(page.getByTestId('verification').innerText()).resolves.toMatch(/^Kæden er intakt: \d+ hændelser er kontrolleret/);

      // This visit's reads are in the access log by now: seen again, the report lists them.
      await page.reload();
      await page.getByTestId('access-report').waitFor();
      expect(await page.getByTestId('access-report').innerText()).toMatch(/Økonomiforvaltningen\s+Læste\s+Sagsbehandling/);
      await expect(page.getByRole('link', { name: 'Hent kopien som PDF (dansk)' }).getAttribute('href')).resolves.toBe(
        `/cases/${caseId}/citizen-copy?format=pdf&lang=da`,
      );
      await expectNoWcagViolations(page);
      await page.getByRole('heading', { level: 2, name: 'Revision' }).scrollIntoViewIfNeeded();
      await page.evaluate('window.scrollBy(0, document.getElementById("audit-heading").getBoundingClientRect().top - 10)');
      await page.screenshot({ path: join(SCREENSHOTS, 'audit.png'), fullPage: false });

      // One stored event changed behind the application's back: the check names it.
      const pool = new Pool({ connectionString: database!.url, max: 1 });
      // A client still closing when the database is dropped WITH (FORCE) reports 57P01: not a failure.
      pool.on('error', () => undefined);
      try {
        const changed = await pool.query(`UPDATE es_events SET recorded_at = recorded_at - interval '1 second' WHERE stream_id = $1 AND stream_revision = 1`, [
          caseStreamId(caseId),
        ]);
        expect(changed.rowCount).toBe(1);
      } finally {
        await pool.end();
      }
      await page.reload();
      await expect(page.getByTestId('verification').innerText()).resolves.toBe(
        'Kæden er brudt ved hændelse nr. 1: hændelsen er ændret, efter den blev registreret.',
      );
      await expectNoWcagViolations(page);
    } finally {
      await context.close();
    }
  });
});
