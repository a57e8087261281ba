import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { loadAuthConfig, mintToken } from '@samvirke/access';
import { freePort } from '@samvirke/platform';
import { loadReferenceData } from '@samvirke/reference-data';
import { baseEnv, startApiProcess, waitForHttp, type ApiProcess } from '../support/api-process';
import { runCli } from '../support/cli-process';
import { generateHistory, historyCsv } from '../support/history-generator';
import { expectNoWcagViolations, launchChromium, screenshotsDir, signIn } from '../support/console-browser';
import { createOwnDatabase, type OwnDatabase } from '../support/own-database';

/**
 * The programme managers' dashboard (issue 20) in Debian's Chromium: a generated history of 150 SSP+
 * citizens and three hotspot enrolments imported with `npm run cli -- import-history`, a district
 * safety index imported over HTTP, then the built API with the development identity provider. Signed
 * in as the demo programme manager: programme, measure, measurement date and breakdown chosen; the
 * table beside the chart holds the figures computed here from the generated facts, a small cell reads
 * "færre end 5" and is explained, the CSV downloads; a report whose groups are all small says why
 * instead of drawing empty bars; the safety index by district stands beside the area efforts; axe-core
 * finds no WCAG 2.1 A/AA violation. CONSOLE_SCREENSHOTS=1 writes docs/screenshots/dashboard.png.
 */
const SCREENSHOTS = screenshotsDir();
const CITIZENS = 150;
const MEASURED_ON = '2023-01-01';

jest.setTimeout(300_000);

describe("the programme managers' effects dashboard in Chromium", () => {
  const refData = loadReferenceData();
  const districtCodes = [...refData.districts.values()].filter((d) => d.geography === 'KK-10-BYDELE').map((d) => d.code);
  const history = generateHistory(CITIZENS, districtCodes, 20);
  // Three citizens of Valby enrolled in the Akacieparken hotspot in 2025: a small count beside the safety index.
  const hotspotRows = [0, 1, 2].flatMap((i) => {
    const cpr = `0${i + 1}0398${String(9000 + i)}`;
    return [
      {
        cpr,
        agency: 'BIF',
        command: 'OpenCase',
        data: { name: `Hotspot Borger ${i}`, birthDate: `1998-03-0${i + 1}`, districtCode: 'VALBY-2', reason: 'Områdeindsats' },
      },
      { cpr, agency: 'BIF', command: 'EnrolInProgramme', data: { programmeCode: 'HOTSPOT_AKACIEPARKEN', startedOn: '2025-03-03' } },
    ];
  });
  let database: OwnDatabase | undefined;
  let api: ApiProcess | undefined;
  let dataDir: string;
  let base: string;
  let browser: Browser | undefined;

  /** What the report by city district must say, computed from the generated facts (all windows ended by MEASURED_ON). */
  const expected = new Map<string, { people: number; count: number }>();
  for (const person of history.people) {
    const district = refData.districts.get(person.districtCode)!;
    const key = `${district.geography}/${district.cityDistrict}`;
    const cell = expected.get(key) ?? { people: 0, count: 0 };
    expected.set(key, { people: cell.people + 1, count: cell.count + (person.selfSufficientAt12m ? 1 : 0) });
  }

  beforeAll(async () => {
    browser = await launchChromium();
    database = await createOwnDatabase('dashboard');
    dataDir = mkdtempSync(join(tmpdir(), 'samvirke-dashboard-'));
    const file = join(dataDir, 'history.csv');
    writeFileSync(file, historyCsv([...history.rows, ...hotspotRows]));
    const imported = await runCli(['import-history', file], { ...baseEnv(), DATA_DIR: dataDir, DATABASE_URL: database.url }, 240_000);
    if (imported.code !== 0) throw new Error(`import-history failed (${imported.code})\n${imported.stdout}\n${imported.stderr.slice(-2000)}`);

    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    api = startApiProcess({ ...baseEnv(), PORT: String(port), DATABASE_URL: database.url, DATA_DIR: dataDir, LOG_LEVEL: 'warn', DATABASE_POOL_SIZE: '5' });
    await waitForHttp(`${base}/health/ready`, 60_000, api);

    const devKey = loadAuthConfig({ AUTH_TRUST_DEV_KEYS: 'true' }, dataDir).devKeys!.privateJwk!;
    const coordinator = await mintToken(devKey, { sub: 'coord-01', agency: 'BIF', roles: ['coordinator'], issuer: 'samvirke-dev', audience: 'samvirke-api' });
    const safetyIndex = await fetch(`${base}/effects/safety-index`, {
      method: 'POST',
      headers: { authorization: `Bearer ${coordinator}`, 'content-type': 'text/csv' },
      body:
        'district,year,felt_safety,violence-threats,burglary,theft,narcotics,vandalism,harassment\n' +
        'VALBY-2,2023,61.5,4.2,3.1,8.0,2.2,5.5,6.0\nVALBY-2,2025,68.5,3.1,2.5,7.1,1.9,4.0,5.2\nNORREBRO-1,2025,72.0,3.8,2.9,9.3,3.3,4.4,5.9\n',
    });
    expect(safetyIndex.status).toBe(200);
    // The outcome read model catches up with the imported events in the background: wait until it holds every citizen.
    const deadline = Date.now() + 120_000;
    for (;;) {
      const response = await fetch(`${base}/effects/measures/self-sufficiency-12m?measurementDate=${MEASURED_ON}&programme=SSP_PLUS`, {
        headers: { authorization: `Bearer ${coordinator}` },
      });
      const body = response.ok ? ((await response.json()) as { total: { people: number } }) : undefined;
      // The hotspot enrolments come last in the file: the safety index beside them must show them too.
      const efforts = await fetch(`${base}/effects/safety-index?year=2025`, { headers: { authorization: `Bearer ${coordinator}` } });
      const districts = efforts.ok ? ((await efforts.json()) as { districts: { districtCode: string; areaEfforts: unknown[] }[] }).districts : [];
      if (body?.total.people === CITIZENS && districts.some((d) => d.districtCode === 'VALBY-2' && d.areaEfforts.length > 0)) break;
      if (Date.now() > deadline) throw new Error(`the outcome read model did not catch up (${response.status}, ${JSON.stringify(body?.total)})`);
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
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

  async function signInAsProgrammeManager(): Promise<Page> {
    // Another time zone than Copenhagen: the console still shows Copenhagen's days.
    const { page } = await signIn(browser!, base, 'programleder-01', { timezoneId: 'America/New_York' });
    await page.getByRole('heading', { level: 1, name: 'Effektmål' }).waitFor();
    await expect(page.getByTestId('signed-in-user').innerText()).resolves.toContain('programleder-01 · OKF · programleder');
    return page;
  }

  async function choose(page: Page, options: { measure: string; date: string; by: string }): Promise<void> {
    await page.getByLabel('Program', { exact: true }).selectOption({ label: 'SSP+' });
    await page.getByLabel('Effektmål', { exact: true }).selectOption({ label: options.measure });
    await page.getByLabel('Måledato').fill(options.date);
    await page.getByLabel('Opdeling', { exact: true }).selectOption({ label: options.by });
  }

  it('shows a chosen measure by city district as a chart with its table, small cells as "færre end 5", the CSV, and the safety index beside the area efforts', async () => {
    const small = [...expected.values()].filter((cell) => cell.count > 0 && cell.count < 5);
    expect(small.length).toBeGreaterThan(0); // the generated history has small cells to show
    const page = await signInAsProgrammeManager();
    try {
      await choose(page, { measure: 'Selvforsørgende 12 måneder efter indskrivning', date: MEASURED_ON, by: 'Bydel' });
      const table = page.getByTestId('effects-table');
      // The report for this choice (the one before stays on screen while it loads).
      await table.locator('caption', { hasText: /^Selvforsørgende 12 måneder efter indskrivning, opgjort 1\. jan\. 2023$/ }).waitFor();
      await table.getByRole('columnheader', { name: 'Bydel' }).waitFor();
      await page.locator('tfoot tr[data-key="total"]').waitFor();
      // The measure's definition in Danish, in the page's language (no lang attribute of its own).
      const definition = page.locator('dl.effects-definition');
      await expect(definition.locator('dd').nth(2).innerText()).resolves.toMatch(/^Tælles med, når personen er selvforsørgende/);
      await expect(definition.getAttribute('lang')).resolves.toBeNull();

      const text = async (key: string, column: number) => (await table.locator(`tr[data-key="${key}"] td`).nth(column).innerText()).trim();
      for (const [key, cell] of expected) {
        const shown = { key, people: await text(key, 0), count: await text(key, 1) };
        // A figure of 1-4 reads "færre end 5"; one other cell may be hidden with it ("skjult"), so it cannot be worked out from the total.
        if (shown.count === 'skjult') expect(shown).toEqual({ key, people: 'skjult', count: 'skjult' });
        else
          expect(shown).toEqual({
            key,
            people: cell.people < 5 ? 'færre end 5' : String(cell.people),
            count: cell.people < 5 || (cell.count > 0 && cell.count < 5) ? 'færre end 5' : String(cell.count),
          });
      }
      const selfSufficient = history.people.filter((p) => p.selfSufficientAt12m).length;
      expect(await text('total', 0)).toBe(String(CITIZENS));
      expect(await text('total', 1)).toBe(String(selfSufficient));
      const share = Math.round((selfSufficient / CITIZENS) * 10_000) / 10_000;
      expect(await text('total', 2)).toBe(new Intl.NumberFormat('da-DK', { style: 'percent', maximumFractionDigits: 1 }).format(share));
      await expect(
        page
          .locator('.effects-report')
          .getByText(/^”færre end 5”: der er 1 til 4 i gruppen/)
          .isVisible(),
      ).resolves.toBe(true);

      // The chart: one bar per district with its name in full (never cut off), the figures below the title.
      const chart = page.getByTestId('effects-chart');
      await expect(chart.locator('.effects-chart__label').allInnerTexts()).resolves.toContain('Vesterbro/Kongens Enghave');
      const cut = await chart.locator('.effects-chart__label').evaluateAll((labels) => labels.filter((l) => l.scrollWidth > l.clientWidth).length);
      expect(cut).toBe(0);
      const titleBottom = (await chart.locator('figcaption').boundingBox())!;
      const firstValue = (await chart.locator('.effects-chart__value').first().boundingBox())!;
      expect(firstValue.y).toBeGreaterThanOrEqual(titleBottom.y + titleBottom.height);
      await expect(chart.locator('.effects-chart__value').allInnerTexts()).resolves.toContain('færre end 5');

      // The CSV is the API's, for the same choice, labels in Danish.
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Hent som CSV' }).click()]);
      expect(download.suggestedFilename()).toBe(`self-sufficiency-12m-${MEASURED_ON}.csv`);
      const csv = readFileSync(await download.path(), 'utf8');
      expect(csv.split('\r\n')[0]).toMatch(/,label$/);
      const valby = expected.get('KK-10-BYDELE/VALBY')!;
      expect(csv).toMatch(new RegExp(`,cityDistrict,KK-10-BYDELE/VALBY,${valby.people},(${valby.count}|<5|x),.*,Valby\\r\\n`));

      // The safety index by district beside the area efforts.
      await page.getByLabel('År', { exact: true }).selectOption('2025');
      const safety = page.getByTestId('safety-index');
      await safety.locator('caption', { hasText: 'Tryghedsindeks 2025' }).waitFor();
      await expect(safety.getByRole('row', { name: /Akacieparken og Folehaven/ }).innerText()).resolves.toMatch(/^Akacieparken og Folehaven\s+68,5\s+3,1/);
      await expect(safety.getByRole('row', { name: /Blågården/ }).innerText()).resolves.toMatch(/^Blågården\s+72\s+3,8/);

      await expectNoWcagViolations(page);
      await page.evaluate('window.scrollTo(0, document.querySelector(".effects-pickers").getBoundingClientRect().top + window.scrollY - 16)');
      await page.screenshot({ path: join(SCREENSHOTS, 'dashboard.png'), fullPage: false });
    } finally {
      await page.context().close();
    }
  });

  it('says why when every group of a report is small, instead of a chart of empty bars', async () => {
    // On 2020-02-15 only those enrolled by mid-February 2019 have had their 12 months: a handful, spread over ten districts.
    const early = '2020-02-15';
    const cohort = history.people.filter((p) => `${Number(p.enrolledOn.slice(0, 4)) + 1}${p.enrolledOn.slice(4)}` <= early);
    const perDistrict = new Map<string, number>();
    for (const person of cohort) {
      const district = refData.districts.get(person.districtCode)!.cityDistrict;
      perDistrict.set(district, (perDistrict.get(district) ?? 0) + 1);
    }
    expect(cohort.length).toBeGreaterThan(0);
    expect(Math.max(...perDistrict.values())).toBeLessThan(5);
    const page = await signInAsProgrammeManager();
    try {
      await choose(page, { measure: 'Selvforsørgende 12 måneder efter indskrivning', date: early, by: 'Bydel' });
      await page.getByTestId('effects-table').locator('caption', { hasText: 'opgjort 15. feb. 2020' }).waitFor();
      const note = page.getByTestId('effects-all-small');
      await expect(note.innerText()).resolves.toMatch(/^Alle grupper i denne opdeling har færre end 5/);
      await expect(page.getByTestId('effects-chart').count()).resolves.toBe(0);
      await expect(page.getByTestId('effects-table').locator('tbody').innerText()).resolves.toContain('færre end 5');
      await expectNoWcagViolations(page);
    } finally {
      await page.context().close();
    }
  });
});
