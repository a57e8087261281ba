import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { loadAuthConfig, mintToken } from '@samvirke/access';
import { freePort } from '@samvirke/platform';
import { baseEnv, startApiProcess, waitForHttp, type ApiProcess } from '../support/api-process';
import { testCitizen } from '../support/citizens';
import { expectNoWcagViolations, launchChromium, screenshotsDir, signIn } from '../support/console-browser';
import { createOwnDatabase, type OwnDatabase } from '../support/own-database';
import { referralOf } from '../support/referrals';

/**
 * Case work in the console, in a real Chromium against the built API (no demo load: the test makes
 * its own case). The release-from-prison story of ../shared/DOMAIN.md by three users: the police
 * refer, a BIF coordinator takes the case over from the intake queue and brings Kriminalforsorgen
 * in (through a stale-revision conflict, resolved on screen), BIF shares the job and education plan
 * with Kriminalforsorgen only, whose liaison sees it arrive live in the inbox and acknowledges it,
 * and the police user's screens never show it. axe-core checks every screen and dialog on the way.
 */
const SCREENSHOTS = screenshotsDir();
const PLAN = 'Job- og uddannelsesplan Zq: AMU-kursus i lager og logistik fra uge 3, samtale i jobcentret dagen efter løsladelsen.';

jest.setTimeout(240_000);

describe('case work in the console (Chromium)', () => {
  let database: OwnDatabase | undefined;
  let api: ApiProcess | undefined;
  let dataDir: string;
  let base: string;
  let browser: Browser | undefined;
  let bearer: (user: { sub: string; agency: string; roles: string[] }) => Promise<string>;

  beforeAll(async () => {
    database = await createOwnDatabase('casework');
    dataDir = mkdtempSync(join(tmpdir(), 'samvirke-casework-'));
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    api = startApiProcess({ ...baseEnv(), PORT: String(port), DATABASE_URL: database.url, DATA_DIR: dataDir, DEMO_DATA: 'false', DATABASE_POOL_SIZE: '5' });
    await waitForHttp(`${base}/health/ready`, 60_000, api);
    const devKey = loadAuthConfig({ AUTH_TRUST_DEV_KEYS: 'true' }, dataDir).devKeys!.privateJwk!;
    bearer = (user) => mintToken(devKey, { ...user, roles: user.roles as never, issuer: 'samvirke-dev', audience: 'samvirke-api' });
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

  async function call(
    user: { sub: string; agency: string; roles: string[] },
    method: string,
    path: string,
    body?: unknown,
  ): Promise<{ status: number; body: unknown }> {
    const response = await fetch(`${base}${path}`, {
      method,
      headers: { authorization: `Bearer ${await bearer(user)}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : undefined };
  }

  const signedIn = (userId: string) => signIn(browser!, base, userId);

  /** Until the intake queue (read model) shows at least one case: a referral made by the test has arrived there. */
  async function untilInIntake(): Promise<void> {
    const deadline = Date.now() + 20_000;
    while ((((await call(COORDINATOR, 'GET', '/intake?limit=1')).body as { page?: { total: number } }).page?.total ?? 0) === 0) {
      if (Date.now() > deadline) throw new Error('the referral never reached the intake queue');
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }

  const POLICE = { sub: 'politi-01', agency: 'KBH-POLITI', roles: ['liaison'] };
  const COORDINATOR = { sub: 'coord-01', agency: 'BIF', roles: ['coordinator'] };

  it('tells the release-from-prison story through the screens: refer, take over, bring in, share with Kriminalforsorgen only, acknowledge live', async () => {
    // The police liaison refers through the referral form (a wrong CPR number first: named in Danish).
    const citizen = testCitizen(2003);
    const police = await signedIn('politi-01');
    await police.page.getByRole('link', { name: 'Henvis borger' }).click();
    await police.page.getByRole('heading', { level: 1, name: 'Henvis en borger til SSP+' }).waitFor();
    const form = police.page.locator('form');
    await form.getByLabel('CPR-nummer').fill('123456-7890x');
    await form.getByLabel('Navn').fill(citizen.name);
    await form.getByLabel('Fødselsdato').fill(citizen.birthDate);
    await form.getByLabel('Bopælsområde').selectOption('NORREBRO-1');
    await form.getByLabel('Hvorfor henvises borgeren?').fill('Løslades fra Vestre Fængsel om tre uger; ønsker job.');
    await expectNoWcagViolations(police.page);
    await police.page.screenshot({ path: join(SCREENSHOTS, 'refer.png') });
    await form.getByRole('button', { name: 'Send henvisningen' }).click();
    await police.page.getByText('Ret disse felter: CPR-nummer.').waitFor();
    expect(await form.getByLabel('CPR-nummer').getAttribute('aria-invalid')).toBe('true');
    await expectNoWcagViolations(police.page);
    await form.getByLabel('CPR-nummer').fill(citizen.cpr);
    await form.getByRole('button', { name: 'Send henvisningen' }).click();
    await police.page.getByText('Henvisningen er modtaget.', { exact: false }).waitFor();

    // The BIF coordinator takes the case over from the intake queue.
    const coordinator = await signedIn('coord-01');
    const page = coordinator.page;
    await page.getByRole('link', { name: 'Modtagelse' }).click();
    await page.getByRole('heading', { level: 1, name: 'Modtagelse' }).waitFor();
    const intakeRows = page.getByTestId('intake').locator('tbody tr');
    await intakeRows.first().waitFor();
    expect(await intakeRows.count()).toBe(1);
    expect(await intakeRows.first().innerText()).toContain('KBH-POLITI');
    await expectNoWcagViolations(page);
    await page.screenshot({ path: join(SCREENSHOTS, 'intake.png') });
    // English is one click away here too.
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { level: 1, name: 'Intake' }).waitFor();
    await intakeRows
      .first()
      .getByRole('button', { name: /^Take over case / })
      .waitFor();
    await page.getByRole('button', { name: 'Dansk' }).click();
    await page.getByRole('heading', { level: 1, name: 'Modtagelse' }).waitFor();
    await intakeRows
      .first()
      .getByRole('button', { name: /^Overtag sag / })
      .click();
    await page.getByText('Du er nu koordinator på sag').waitFor();
    const caseId = /\/app\/cases\/([0-9a-f-]{36})/.exec(page.url())![1];
    await page.getByTestId('case-revision').waitFor();

    // Bring Kriminalforsorgen in; meanwhile someone else changes the case: a 412, said in Danish, resolved on screen.
    await page.getByRole('button', { name: 'Inddrag en myndighed' }).click();
    const joinDialog = page.getByRole('dialog', { name: 'Inddrag en myndighed i sagen' });
    await joinDialog.getByLabel(/^Myndighed/).selectOption('KRIMINALFORSORGEN');
    await expectNoWcagViolations(page);
    const assessed = await call(COORDINATOR, 'POST', `/cases/${caseId}/assessments`, {
      level: 3,
      rationale: 'Høj risiko ved løsladelse.',
      assessedOn: '2026-12-01',
    });
    expect(assessed.status).toBe(201);
    await joinDialog.getByRole('button', { name: 'Inddrag myndigheden' }).click();
    const conflict = joinDialog.getByTestId('conflict');
    await conflict.waitFor();
    expect(await conflict.innerText()).toContain('Sagen er blevet ændret af en anden, siden du åbnede den');
    // The page reloaded the case (the new level shows) and the dialog kept the choice: redo.
    await page.getByText(/^3 \(vurderet/).waitFor();
    await expectNoWcagViolations(page);
    await page.screenshot({ path: join(SCREENSHOTS, 'conflict.png') });
    await joinDialog.getByRole('button', { name: 'Gentag handlingen' }).click();
    await page.getByTestId('action-done').getByText('KRIMINALFORSORGEN er nu på sagen.').waitFor();
    expect(await joinDialog.isVisible()).toBe(false);

    // Kriminalforsorgen's liaison has the inbox open before anything is shared.
    const probation = await signedIn('kriminalforsorg-01');
    await probation.page.getByRole('link', { name: /^Indbakke/ }).click();
    await probation.page.getByRole('heading', { level: 1, name: 'Indbakke' }).waitFor();

    // BIF shares the job and education plan with Kriminalforsorgen only.
    await page.getByRole('button', { name: 'Del information' }).click();
    const share = page.getByRole('dialog', { name: 'Del information med andre myndigheder på sagen' });
    expect(await share.innerText()).toContain('må ikke bruges af politiet til at efterforske en straffesag');
    // Section 115(2): information for the police's investigation is refused before it is sent.
    await share.getByLabel('Københavns Politi (KBH-POLITI)').check();
    await share.getByLabel('Efterforskning af en straffesag').check();
    await share.getByLabel(/^Hjemmel/).selectOption('RPL115-1-1');
    await share.getByLabel(/^Det, du deler/).fill('Oplysninger til politiet');
    await share.getByRole('button', { name: 'Del informationen' }).click();
    await share.getByText('Politiet må ikke modtage oplysninger til efterforskning (§ 115, stk. 2).', { exact: false }).waitFor();
    await share.getByLabel('Københavns Politi (KBH-POLITI)').uncheck();
    await share.getByLabel('Kriminalitetsforebyggelse').check();
    await share.getByLabel('Kriminalforsorgen (KRIMINALFORSORGEN)').check();
    expect(await share.getByLabel('Københavns Politi (KBH-POLITI)').isChecked()).toBe(false);
    await share.getByLabel(/^Hjemmel/).selectOption('RPL115-1-3');
    await share.getByLabel(/^Det, du deler/).fill(PLAN);
    await expectNoWcagViolations(page);
    await page.screenshot({ path: join(SCREENSHOTS, 'share.png') });
    await share.getByRole('button', { name: 'Del informationen' }).click();
    await page.getByTestId('action-done').getByText('Informationen er delt med KRIMINALFORSORGEN.').waitFor();

    // It arrives in Kriminalforsorgen's open inbox by itself (the SSE stream), and is acknowledged from there.
    const inbox = probation.page;
    await inbox
      .getByTestId('inbox-live')
      .getByText(/^Ny besked: Information delt med jer/)
      .waitFor({ timeout: 20_000 });
    const sharedRow = inbox.getByTestId('inbox').locator('tbody tr', { hasText: 'Information delt med jer' });
    await sharedRow.waitFor();
    expect(await inbox.getByTestId('unread-count').innerText()).toMatch(/\d/);
    await expectNoWcagViolations(inbox);
    await inbox.screenshot({ path: join(SCREENSHOTS, 'inbox.png') });
    await sharedRow.getByRole('button', { name: 'Kvittér for modtagelse' }).click();
    await inbox.getByText('Kvitteret: KRIMINALFORSORGEN har bekræftet modtagelsen på sagen.').waitFor();
    // On the case page (followed from the inbox: it reads the case as of the acknowledgement) Kriminalforsorgen sees the entry as acknowledged.
    await inbox.getByLabel('Vis').selectOption('all');
    await inbox.getByTestId('inbox').locator('tbody tr', { hasText: 'Information delt med jer' }).getByRole('link').click();
    await inbox
      .getByTestId('shared-with-us')
      .getByText(/^Kvitteret /)
      .waitFor();
    // (The check below for the police is meaningful: here the timeline does show the share.)
    await inbox
      .getByTestId('timeline')
      .locator('td', { hasText: /^Delt information$/ })
      .first()
      .waitFor();
    await expectNoWcagViolations(inbox);

    // The police user's screens never show it: not in the inbox, not on the case page.
    await police.page.goto(`${base}/app/cases/${caseId}`);
    await police.page.getByTestId('citizen-name').waitFor();
    await police.page.getByText('Intet er delt med din myndighed på denne sag.').waitFor();
    await police.page.getByTestId('timeline').or(police.page.getByText('Ingen punkter endnu.')).first().waitFor();
    expect(await police.page.locator('td', { hasText: /^Delt information$/ }).count()).toBe(0);
    expect(await police.page.locator('main').innerText()).not.toContain('Job- og uddannelsesplan Zq');
    await police.page.getByRole('link', { name: /^Indbakke/ }).click();
    await police.page.getByRole('heading', { level: 1, name: 'Indbakke' }).waitFor();
    await police.page.getByLabel('Vis').selectOption('all');
    await police.page.getByText(/\d+ ulæste beskeder/).waitFor();
    expect(await police.page.locator('main').innerText()).not.toContain('Information delt med jer');
    await expectNoWcagViolations(police.page);

    for (const session of [coordinator, probation, police]) await session.context.close();
  });

  it('says in plain Danish that a case was taken by someone else meanwhile, never a code alone', async () => {
    const citizen = testCitizen(2002);
    expect((await call(POLICE, 'POST', '/cases', referralOf(citizen))).status).toBe(202);
    await untilInIntake();
    const { context, page } = await signedIn('coord-02');
    await page.getByRole('link', { name: 'Modtagelse' }).click();
    const row = page.getByTestId('intake').locator('tbody tr').first();
    await row.waitFor();
    // Someone else takes the case first: the take-over is refused by the case's rules.
    const caseId =
      /\/app\/cases\/([0-9a-f-]{36})/.exec((await row.getByRole('link').getAttribute('href'))!)?.[1] ??
      (await row.getByRole('link').getAttribute('href'))!.split('/').pop()!;
    expect((await call(COORDINATOR, 'POST', `/cases/${caseId}/coordinator`, { coordinatorId: 'coord-01', agency: 'BIF' })).status).toBe(201);
    await row.getByRole('button', { name: /^Overtag sag / }).click();
    const alert = page.getByRole('alert');
    await alert.waitFor();
    const text = await alert.innerText();
    expect(text).toContain('Sagen er ikke længere i modtagelsen: en anden koordinator har overtaget den.');
    expect(text).not.toMatch(/NOT_FOUND|COORDINATOR_/);
    await expectNoWcagViolations(page);
    await context.close();
  });

  it('takes a case over and brings an agency in with the keyboard alone; Escape closes a dialog and gives the focus back', async () => {
    expect((await call(POLICE, 'POST', '/cases', referralOf(testCitizen(2001)))).status).toBe(202);
    await untilInIntake();
    const { context, page } = await signedIn('coord-03');
    /** Presses Tab until `matches` (an expression run in the page) is true, at most `limit` times. */
    async function tabTo(description: string, matches: string, limit = 60): Promise<void> {
      for (let i = 0; i < limit; i++) {
        await page.keyboard.press('Tab');
        if (await page.evaluate(matches)) return;
      }
      throw new Error(`Tab never reached ${description}`);
    }
    await tabTo('the intake link', "document.activeElement?.textContent === 'Modtagelse'");
    await page.keyboard.press('Enter');
    await page.getByTestId('intake').waitFor();
    await tabTo('a take-over button', "document.activeElement?.getAttribute('aria-label')?.startsWith('Overtag sag') === true");
    await page.keyboard.press('Enter');
    await page.getByText('Du er nu koordinator på sag').waitFor();
    await tabTo('bring an agency in', "document.activeElement?.textContent === 'Inddrag en myndighed'");
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Inddrag en myndighed i sagen' });
    await dialog.waitFor();
    // The dialog took the focus: its first field.
    // (The dialog moves the focus in an effect after it renders: wait for it, a few hundred ms at most.)
    await page.waitForFunction("document.activeElement?.id === 'join-agency'", undefined, { timeout: 3_000 }).catch(() => undefined);
    expect(await page.evaluate('document.activeElement?.id')).toBe('join-agency');
    await page.keyboard.press('ArrowDown');
    const chosen = await dialog.getByLabel(/^Myndighed/).inputValue();
    expect(chosen).not.toBe('');
    // (The button waits while the page re-reads the case after the take-over.)
    await page.waitForFunction(
      "[...document.querySelectorAll('dialog button')].some((button) => button.textContent === 'Inddrag myndigheden' && !button.disabled)",
    );
    await tabTo('the submit button', "document.activeElement?.textContent === 'Inddrag myndigheden'", 5);
    await page.keyboard.press('Enter');
    await page.getByTestId('action-done').getByText(`${chosen} er nu på sagen.`).waitFor();
    await tabTo('share information', "document.activeElement?.textContent === 'Del information'");
    await page.keyboard.press('Enter');
    await page.getByRole('dialog', { name: 'Del information med andre myndigheder på sagen' }).waitFor();
    await page.keyboard.press('Escape');
    await page.getByRole('dialog').waitFor({ state: 'hidden' });
    expect(await page.evaluate('document.activeElement?.textContent')).toBe('Del information');
    await context.close();
  });
});
