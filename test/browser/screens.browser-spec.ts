import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { loadAuthConfig, mintToken } from '@samvirke/access';
import { copenhagenDate } from '@samvirke/case';
import { freePort } from '@samvirke/platform';
import { baseEnv, startApiProcess, waitForHttp, type ApiProcess } from '../support/api-process';
import { expectNoWcagViolations, launchChromium, screenshotsDir, signIn } from '../support/console-browser';
import { testCitizen } from '../support/citizens';
import { createOwnDatabase, type OwnDatabase } from '../support/own-database';
import { referralOf } from '../support/referrals';

/**
 * The console's names, directory and register (issue 19), in a real Chromium against the built API
 * (no demo load: the test makes its own cases). Two citizens referred by the police and taken over
 * by coord-01 at level 4, one in the exit programme (a sealed identity): the worklist, the case page
 * and the SSP+ register name the first to the coordinator and withhold the second, whose name the
 * auditor sees; the case page names the district; the agency directory lists the agencies' entry
 * points and where referrals are received, and its search narrows them. axe on every screen.
 */
const SCREENSHOTS = screenshotsDir();

jest.setTimeout(480_000);

type User = { sub: string; agency: string; roles: string[] };
const POLICE: User = { sub: 'politi-01', agency: 'KBH-POLITI', roles: ['liaison'] };
const COORDINATOR: User = { sub: 'coord-01', agency: 'BIF', roles: ['coordinator'] };

describe('names, agency directory and SSP+ register in the console (Chromium)', () => {
  let database: OwnDatabase | undefined;
  let api: ApiProcess | undefined;
  let dataDir: string;
  let base: string;
  let browser: Browser | undefined;
  let bearer: (user: User) => Promise<string>;
  const open = testCitizen(new Date().getFullYear() - 20);
  const sealed = testCitizen(new Date().getFullYear() - 20);
  let openCase = '';
  let sealedCase = '';

  async function call(user: User, method: string, path: string, body?: unknown): Promise<{ status: number; body: any }> {
    const response = await fetch(`${base}${path}`, {
      method,
      headers: { authorization: `Bearer ${await bearer(user)}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : undefined };
  }

  async function written(user: User, path: string, body: unknown): Promise<void> {
    const answer = await call(user, 'POST', path, body);
    if (answer.status !== 201 && answer.status !== 200) throw new Error(`POST ${path} → ${answer.status} ${JSON.stringify(answer.body)}`);
  }

  /** The police refer the citizen; the coordinator takes the one case waiting in intake and assesses level 4. */
  async function referAndTakeOver(citizen: ReturnType<typeof testCitizen>, taken: string[] = []): Promise<string> {
    const referred = await call(POLICE, 'POST', '/cases', referralOf(citizen, { districtCode: 'NORREBRO-1', reason: 'Løsladelse' }));
    expect(referred.status).toBe(202);
    const deadline = Date.now() + 20_000;
    let caseId: string | undefined;
    while (!caseId) {
      // The intake read model may still show a case taken over a moment ago: only a new one counts.
      const waiting: { caseId: string }[] = (await call(COORDINATOR, 'GET', '/intake?limit=10')).body?.items ?? [];
      caseId = waiting.find((item) => !taken.includes(item.caseId))?.caseId;
      if (!caseId && Date.now() > deadline) throw new Error('the referral never reached the intake queue');
      if (!caseId) await new Promise((resolve) => setTimeout(resolve, 200));
    }
    await written(COORDINATOR, `/cases/${caseId}/coordinator`, { coordinatorId: COORDINATOR.sub, agency: 'BIF' });
    await written(COORDINATOR, `/cases/${caseId}/assessments`, { level: 4, rationale: 'Høj risiko.', assessedOn: copenhagenDate(new Date()) });
    return caseId;
  }

  const signedIn = (userId: string): Promise<{ context: BrowserContext; page: Page }> => signIn(browser!, base, userId);

  /** The row of a case in a table, once it shows. */
  async function rowOf(page: Page, testId: string, caseId: string) {
    const row = page
      .getByTestId(testId)
      .locator('tbody tr')
      .filter({ has: page.locator(`a[href="/app/cases/${caseId}"]`) });
    await row.waitFor();
    return row;
  }

  beforeAll(async () => {
    browser = await launchChromium();
    database = await createOwnDatabase('screens');
    dataDir = mkdtempSync(join(tmpdir(), 'samvirke-screens-'));
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    api = startApiProcess({ ...baseEnv(), PORT: String(port), DATABASE_URL: database.url, DATA_DIR: dataDir, DEMO_DATA: 'false', DATABASE_POOL_SIZE: '5' });
    // Generous: the API starts slowly on a loaded machine (a timeout here is not a finding).
    await waitForHttp(`${base}/health/ready`, 180_000, api);
    const devKey = loadAuthConfig({ AUTH_TRUST_DEV_KEYS: 'true' }, dataDir).devKeys!.privateJwk!;
    bearer = (user) => mintToken(devKey, { ...user, roles: user.roles as never, issuer: 'samvirke-dev', audience: 'samvirke-api' });
    openCase = await referAndTakeOver(open);
    sealedCase = await referAndTakeOver(sealed, [openCase]);
    await written(COORDINATOR, `/cases/${sealedCase}/programmes`, { programmeCode: 'EXIT', startedOn: copenhagenDate(new Date()) });
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

  it('names the citizen on the worklist and the case page to the coordinator, withholds the sealed identity, and names the district', async () => {
    const { context, page } = await signedIn('coord-01');
    await page.getByRole('heading', { level: 1, name: 'Arbejdsliste' }).waitFor();
    const openRow = await rowOf(page, 'worklist', openCase);
    await openRow.getByText(open.name).waitFor();
    const sealedRow = await rowOf(page, 'worklist', sealedCase);
    await sealedRow.getByText('Ikke vist for dig').waitFor();
    expect(await page.getByTestId('worklist').innerText()).not.toContain(sealed.name);
    await expectNoWcagViolations(page);
    await page.screenshot({ path: join(SCREENSHOTS, 'worklist-names.png') });

    await openRow.getByRole('link').click();
    await page.getByTestId('citizen-name').getByText(open.name).waitFor();
    await page.getByTestId('citizen-district').getByText('Blågården').waitFor();
    await expectNoWcagViolations(page);
    await page.goto(`${base}/app/cases/${sealedCase}`);
    await page.getByTestId('citizen-name').getByText('Ikke vist for dig').waitFor();
    expect(await page.locator('main').innerText()).not.toContain(sealed.name);
    await context.close();
  });

  it('shows the SSP+ register with names as the reader may see them, by keyboard; the auditor sees the sealed name only after opening it with a reason', async () => {
    const { context, page } = await signedIn('coord-01');
    await page.getByRole('link', { name: 'SSP+-register' }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'SSP+-register' }).waitFor();
    const openRow = await rowOf(page, 'ssp-register', openCase);
    expect(await openRow.innerText()).toContain(open.name);
    expect(await openRow.innerText()).toContain('Blågården');
    const sealedRow = await rowOf(page, 'ssp-register', sealedCase);
    expect(await sealedRow.innerText()).toContain('Ikke vist for dig');
    expect(await page.getByTestId('ssp-register').innerText()).not.toContain(sealed.name);
    // The programme filter by keyboard: only the exit programme's citizen remains.
    await page.getByLabel('Forløb').focus();
    await page.getByLabel('Forløb').selectOption('EXIT');
    await page.getByRole('button', { name: 'Vis' }).focus();
    await page.keyboard.press('Enter');
    await page.getByTestId('ssp-register').locator(`a[href="/app/cases/${openCase}"]`).waitFor({ state: 'detached' });
    await rowOf(page, 'ssp-register', sealedCase);
    expect(await page.getByTestId('ssp-register').locator('tbody tr').count()).toBe(1);
    await expectNoWcagViolations(page);
    await page.screenshot({ path: join(SCREENSHOTS, 'ssp-register.png') });
    await context.close();

    // Auditors too: opening a sealed identity is an explicit act with a stated reason (break-glass).
    const auditor = await signedIn('revisor-01');
    await auditor.page.getByRole('link', { name: 'SSP+-register' }).click();
    const withheld = await rowOf(auditor.page, 'ssp-register', sealedCase);
    expect(await withheld.innerText()).not.toContain(sealed.name);
    await withheld.locator(`a[href="/app/cases/${sealedCase}"]`).click();
    await auditor.page.getByTestId('sealed-identity').waitFor();
    expect(await auditor.page.getByTestId('citizen-name').innerText()).not.toContain(sealed.name);
    await auditor.page.getByRole('button', { name: 'Åbn den beskyttede identitet' }).click();
    await auditor.page.getByRole('button', { name: 'Åbn og log begrundelsen' }).click();
    await auditor.page.getByText('Skriv en begrundelse på mindst 10 tegn.').waitFor();
    await auditor.page.getByLabel('Begrundelse').fill('Klage over sagsbehandlingen skal gennemgås');
    await expectNoWcagViolations(auditor.page);
    await auditor.page.getByRole('button', { name: 'Åbn og log begrundelsen' }).click();
    await auditor.page.getByTestId('citizen-name').getByText(sealed.name).waitFor();
    // A slow register answer: the screen must not show the answer it kept from before the opening meanwhile.
    await auditor.page.route('**/ssp-register?**', async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 1_500));
      await route.continue();
    });
    await auditor.page.getByRole('link', { name: 'SSP+-register' }).click();
    const named = await rowOf(auditor.page, 'ssp-register', sealedCase);
    expect(await named.innerText()).toContain(sealed.name);
    await auditor.context.close();
  });

  it('shows the agency directory with entry points and where referrals are received, and searches what units handle', async () => {
    const { context, page } = await signedIn('politi-01');
    await page.getByRole('link', { name: 'Myndigheder' }).click();
    await page.getByRole('heading', { level: 1, name: 'Myndigheder' }).waitFor();
    await page.getByTestId('referral-intake').getByText('Henvisninger modtages af Beskæftigelses- og Integrationsforvaltningen (BIF)').waitFor();
    const agencies = page.getByTestId('directory-agency');
    expect(await agencies.count()).toBeGreaterThan(3);
    const social = page.getByRole('region', { name: /Socialforvaltningen/ });
    expect(await social.innerText()).toContain('udsatte-unge.sof@example.org');
    await expectNoWcagViolations(page);
    await page.screenshot({ path: join(SCREENSHOTS, 'agency-directory.png') });
    // In Danish: the units' tasks show in Danish, and a Danish word finds them.
    expect(await social.innerText()).toContain('sociale handleplaner, bolig');
    await page.getByLabel('Søg i hvad enhederne tager sig af').fill('bolig');
    await page.keyboard.press('Enter');
    await page.getByTestId('referral-intake').waitFor({ state: 'detached' });
    // The full list stays on screen until the search's answer arrives (keepPreviousData).
    await page.getByText('exit.sof@example.org').waitFor({ state: 'detached' });
    expect(await page.locator('main').innerText()).toContain('bolig');
    expect(await page.locator('main').innerText()).not.toContain('housing');
    expect(await page.locator('main').innerText()).not.toContain('exit.sof@example.org');
    await expectNoWcagViolations(page);
    await context.close();
  });
});
