import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Pool } from 'pg';
import type { Browser, Page } from 'playwright-core';
import { loadAuthConfig, mintToken } from '@samvirke/access';
import { caseStreamId } from '@samvirke/case/application/case-identity';
import { freePort } from '@samvirke/platform';
import { baseEnv, startApiProcess, waitForHttp, type ApiProcess } from '../support/api-process';
import { testCitizen } from '../support/citizens';
import { expectNoWcagViolations, launchChromium, screenshotsDir, signIn } from '../support/console-browser';
import { createOwnDatabase, type OwnDatabase } from '../support/own-database';
import { testCprHmacSecretHex } from '../support/test-privacy';
import { caseIdOfCitizen, referralOf } from '../support/referrals';

/**
 * The auditors' screens of issue 20 in Debian's Chromium, against the built API and a database of
 * the test's own. The release-from-prison story (../shared/DOMAIN.md) is entered after the fact over
 * HTTP: the police refer, a BIF coordinator takes the case over, Kriminalforsorgen joins and records
 * the sentence that started on 15 January 2026, BIF assesses level 3 (1 February) and shares with
 * Kriminalforsorgen, who reads the case and acknowledges; the police charge (2 March) and BIF
 * reassesses at level 4 (10 March), the last recording. The auditor then
 * - finds the case as it was in force on 2026-03-01 with the date slider (level 3, the sentence),
 *   and what changed up to now, and with the recording slider what was known before the last recording;
 * - searches the access log for Kriminalforsorgen's reads, and sees them in the case's access report;
 * - checks the whole store (intact), then, after one byte of one stored event is changed, sees that
 *   event named by case, position and type.
 * axe-core finds no WCAG 2.1 A/AA violation on any of these screens. CONSOLE_SCREENSHOTS=1 writes
 * docs/screenshots/audit-time.png, audit-log.png and audit-verification.png.
 */
const SCREENSHOTS = screenshotsDir();

jest.setTimeout(240_000);

type Actor = { sub: string; agency: string; roles: string[] };
const POLICE: Actor = { sub: 'politi-01', agency: 'KBH-POLITI', roles: ['liaison'] };
const COORDINATOR: Actor = { sub: 'coord-01', agency: 'BIF', roles: ['coordinator'] };
const PROBATION: Actor = { sub: 'kriminalforsorg-01', agency: 'KRIMINALFORSORGEN', roles: ['liaison'] };

describe("the auditors' time, verification and access-log screens (Chromium)", () => {
  let database: OwnDatabase | undefined;
  let api: ApiProcess | undefined;
  let dataDir: string;
  let base: string;
  let browser: Browser | undefined;
  let bearer: (user: Actor) => Promise<string>;

  beforeAll(async () => {
    browser = await launchChromium();
    database = await createOwnDatabase('auditor_time');
    dataDir = mkdtempSync(join(tmpdir(), 'samvirke-auditor-time-'));
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    api = startApiProcess({
      ...baseEnv(),
      PORT: String(port),
      DATABASE_URL: database.url,
      DATA_DIR: dataDir,
      DEMO_DATA: 'false',
      DATABASE_POOL_SIZE: '5',
      // The run's secret, so the test finds the referred case through the CPR lookup as the API wrote it.
      CPR_HMAC_SECRET: testCprHmacSecretHex(),
    });
    await waitForHttp(`${base}/health/ready`, 60_000, api);
    const devKey = loadAuthConfig({ AUTH_TRUST_DEV_KEYS: 'true' }, dataDir).devKeys!.privateJwk!;
    bearer = (user) => mintToken(devKey, { ...user, roles: user.roles as never, issuer: 'samvirke-dev', audience: 'samvirke-api' });
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

  async function call(user: Actor, method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<any> {
    const response = await fetch(`${base}${path}`, {
      method,
      headers: { authorization: `Bearer ${await bearer(user)}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    if (response.status >= 300) throw new Error(`${method} ${path} → ${response.status} ${text}`);
    return text ? JSON.parse(text) : undefined;
  }

  /** The release-from-prison story, its facts dated in January to March 2026 and entered now. */
  async function tellTheStory(): Promise<string> {
    const citizen = testCitizen(2003);
    await call(POLICE, 'POST', '/cases', referralOf(citizen, { reason: 'Løslades fra Vestre Fængsel; ønsker job.' }));
    const caseId = await caseIdOfCitizen(citizen.cpr, database!.url);
    const path = `/cases/${caseId}`;
    await call(COORDINATOR, 'POST', `${path}/coordinator`, { coordinatorId: COORDINATOR.sub, agency: 'BIF' });
    await call(COORDINATOR, 'POST', `${path}/agencies/KRIMINALFORSORGEN`, {});
    await call(PROBATION, 'POST', `${path}/custody`, {
      custodyId: randomUUID(),
      kind: 'sentence',
      institution: 'Vestre Fængsel',
      startedOn: '2026-01-15',
      expectedReleaseOn: '2027-03-01',
    });
    await call(COORDINATOR, 'POST', `${path}/assessments`, { level: 3, rationale: 'Gentagen berigelseskriminalitet', assessedOn: '2026-02-01' });
    const entryId = randomUUID();
    const shared = await call(COORDINATOR, 'POST', `${path}/entries`, {
      entryId,
      sharedWith: ['KRIMINALFORSORGEN'],
      legalBasis: 'RPL115-1-3',
      purpose: 'crime-prevention',
      sensitivity: 'normal',
      summary: 'Jobplan klar til løsladelsen',
    });
    // Kriminalforsorgen reads the case for coordination (with consistentWith: logged as a search), then acknowledges what it was sent.
    await call(PROBATION, 'GET', `${path}?consistentWith=${shared.position}`, undefined, { 'X-Purpose': 'coordination' });
    await call(PROBATION, 'POST', `${path}/entries/${entryId}/acknowledgements`);
    await call(POLICE, 'POST', `${path}/charges`, { chargeId: randomUUID(), offenceCategory: 'burglary', chargedOn: '2026-03-02' });
    await call(COORDINATOR, 'POST', `${path}/assessments`, { level: 4, rationale: 'Vold under afsoning', assessedOn: '2026-03-10' });
    return caseId;
  }

  /** Polls the page (no script evaluation: the console's CSP forbids it) until `condition` holds. */
  async function until(condition: () => Promise<boolean>, what: string): Promise<void> {
    for (let attempt = 0; attempt < 150; attempt += 1) {
      if (await condition()) return;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(`never: ${what}`);
  }

  /** Moves a range slider by keyboard until its spoken value is `text`. */
  async function slideTo(page: Page, slider: ReturnType<Page['getByLabel']>, text: string): Promise<void> {
    await slider.focus();
    await slider.press('Home');
    for (let step = 0; step < 800; step += 1) {
      if ((await slider.getAttribute('aria-valuetext')) === text) return;
      await slider.press('ArrowRight');
    }
    throw new Error(`the slider never showed ${text}`);
  }

  it('finds the release case as in force on 2026-03-01, searches the access log, and checks the whole store, naming a changed event', async () => {
    const caseId = await tellTheStory();
    const { context, page } = await signIn(browser!, base, 'revisor-01', { height: 1000 });
    try {
      await page.getByRole('heading', { level: 1, name: 'Sager' }).waitFor();
      await page.goto(`${base}/app/cases/${caseId}`);

      // The case as of any moment: the date slider to 1 March 2026, as known now.
      await page.getByRole('link', { name: 'Se sagen på et vilkårligt tidspunkt' }).click();
      await page.getByRole('heading', { level: 1, name: 'Sagen over tid' }).waitFor();
      const moment = page.getByTestId('moment');
      await slideTo(page, moment.getByLabel('Gældende den', { exact: true }), '1. mar. 2026');
      await page.getByTestId('moment-summary').getByText('Sagen den 1. mar. 2026, som kendt nu').waitFor();
      const state = page.getByTestId('state-at').first();
      await state.getByTestId('state-level').getByText('3', { exact: true }).waitFor();
      expect(await state.getByTestId('state-status').innerText()).toBe('Åben');
      expect(await state.getByTestId('state-road-map').innerText()).toBe('Afsoning i Vestre Fængsel fra 15. jan. 2026, forventet løsladelse 1. mar. 2027');
      // Compared with now: the later facts, in sentences.
      const changes = page.getByTestId('changes');
      await changes.getByText('SSP-niveauet gik fra 3 til 4.').waitFor();
      const changed = await changes.innerText();
      for (const sentence of [
        'coord-01 (Beskæftigelses- og Integrationsforvaltningen) blev koordinator.',
        'Kriminalforsorgen kom på sagen.',
        'Borgeren blev sigtet den 2. mar. 2026.',
        'Kriminalforsorgen kvitterede for information fra Beskæftigelses- og Integrationsforvaltningen.',
      ]) {
        expect(changed).toContain(sentence);
      }
      expect(changed).not.toMatch(/SspCategoryAssessed|CustodyStarted|InformationShared/);
      await expectNoWcagViolations(page);
      await page.screenshot({ path: join(SCREENSHOTS, 'audit-time.png'), fullPage: true });

      // The other axis: compared with what was known before the last recording (the level-4 reassessment).
      const compare = page.getByTestId('compare');
      await compare.getByLabel('Som registreret').focus();
      await compare.getByLabel('Som registreret').press('ArrowLeft');
      await changes.getByText('Borgeren blev sigtet den 2. mar. 2026.').waitFor();
      await until(async () => !(await changes.innerText()).includes('SSP-niveauet gik fra 3 til 4.'), 'the level change left the comparison');
      expect(await compare.innerText()).toMatch(/efter registrering \d+ af \d+/);

      // The access log: Kriminalforsorgen's read for coordination, found by user and purpose.
      await page.getByRole('link', { name: 'Adgangslog' }).click();
      await page.getByRole('heading', { level: 1, name: 'Adgangsloggen' }).waitFor();
      await page.getByLabel('Bruger').fill(PROBATION.sub);
      await page.getByLabel('Formål').selectOption({ label: 'Koordinering' });
      await page.getByRole('button', { name: 'Søg' }).click();
      const log = page.getByTestId('audit-log');
      // Until the table holds this search's answer (the previous page stays on screen meanwhile).
      await until(async () => {
        const rows = await log.locator('tbody tr').allInnerTexts();
        return rows.length > 0 && rows.every((row) => row.includes('kriminalforsorg-01'));
      }, "the search's answer on screen");
      expect(await log.locator('tbody tr').count()).toBe(1);
      expect(await log.locator('tbody tr').first().innerText()).toMatch(
        /kriminalforsorg-01 · KRIMINALFORSORGEN\s+Søgte\s+GET \/cases\/:caseId\s+\S+\s+Koordinering\s+Givet/,
      );
      await expectNoWcagViolations(page);
      await page.screenshot({ path: join(SCREENSHOTS, 'audit-log.png'), fullPage: true });
      // A bad filter is named, not shown as a failure.
      await page.getByLabel('Sag', { exact: true }).fill('ikke-en-sag');
      await page.getByRole('button', { name: 'Søg' }).click();
      await page.getByText('Ret disse felter: Sag.').waitFor();
      expect(await page.getByLabel('Sag', { exact: true }).getAttribute('aria-invalid')).toBe('true');
      await expectNoWcagViolations(page);

      // The case's access report lists the story's reads, by agency and purpose.
      await page.goto(`${base}/app/cases/${caseId}`);
      const report = page.getByTestId('access-report');
      await report.waitFor();
      expect(await report.innerText()).toMatch(/Kriminalforsorgen\s+Søgte\s+Koordinering/);

      // The whole store: intact, then one byte of one event changed behind the application's back.
      await page.getByRole('link', { name: 'Kædekontrol' }).click();
      await page.getByRole('heading', { level: 1, name: 'Kontrol af hele hændelseslageret' }).waitFor();
      await page.getByRole('button', { name: 'Kontrollér nu' }).click();
      await expect(page.getByTestId('store-verification').innerText()).resolves.toMatch(
        /^Lageret er intakt: \d+ hændelser er kontrolleret, og ingen er ændret, mangler eller er flyttet\.$/,
      );
      await expectNoWcagViolations(page);

      const pool = new Pool({ connectionString: database!.url, max: 1 });
      // A client still closing when the database is dropped WITH (FORCE) reports 57P01: not a failure.
      pool.on('error', () => undefined);
      let altered: { stream_revision: string; event_type: string };
      try {
        const changedRow = await pool.query(
          `UPDATE es_events SET data = replace(data::text, '2026-03-10', '2026-03-11')::json
           WHERE stream_id = $1 AND data::text LIKE '%2026-03-10%' RETURNING stream_revision, event_type`,
          [caseStreamId(caseId)],
        );
        expect(changedRow.rowCount).toBe(1);
        altered = changedRow.rows[0];
      } finally {
        await pool.end();
      }
      await page.getByRole('button', { name: 'Kontrollér nu' }).click();
      const result = page.getByTestId('store-verification');
      await result.getByText('Kæden er brudt. Den første fejl:').waitFor();
      expect(altered.event_type).toBe('SspCategoryAssessed');
      expect(await result.getByTestId('broken-position').innerText()).toBe(String(altered.stream_revision));
      expect(await result.getByTestId('broken-type').innerText()).toBe('SspCategoryAssessed');
      expect(await result.innerText()).toContain('SSP-niveau vurderet (SspCategoryAssessed)');
      expect(await result.innerText()).toContain('Hændelsen er ændret, efter den blev registreret');
      await expect(result.getByRole('link', { name: caseId }).getAttribute('href')).resolves.toBe(`/app/cases/${caseId}`);
      await expectNoWcagViolations(page);
      await page.screenshot({ path: join(SCREENSHOTS, 'audit-verification.png'), fullPage: true });
    } finally {
      await context.close();
    }
  });
});
