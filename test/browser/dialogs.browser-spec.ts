import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { loadAuthConfig, mintToken } from '@samvirke/access';
import { freePort } from '@samvirke/platform';
import { baseEnv, startApiProcess, waitForHttp, type ApiProcess } from '../support/api-process';
import { testCitizen } from '../support/citizens';
import { expectNoWcagViolations, launchChromium, screenshotsDir, signIn } from '../support/console-browser';
import { createOwnDatabase, type OwnDatabase } from '../support/own-database';
import { testCprHmacSecretHex } from '../support/test-privacy';
import { caseIdOfCitizen, referralOf } from '../support/referrals';

/**
 * The dialogs that record what happens on a case, in a real Chromium against the built API (its
 * own database, no demo load): each used by the user whose agency does it (the coordinator assesses
 * the level and asks Kriminalforsorgen for information; Kriminalforsorgen answers, records the
 * custody and the release, and the Exit road map that starts from the release reaches the timeline;
 * the jobcentre records a flexible job; the police a charge), each result on the case page, axe-core
 * with every dialog open; a stale revision in a dialog said on screen with what changed and redone;
 * one dialog by keyboard alone.
 */
const SCREENSHOTS = screenshotsDir();

jest.setTimeout(480_000);

type User = { sub: string; agency: string; roles: string[] };
const POLICE: User = { sub: 'politi-01', agency: 'KBH-POLITI', roles: ['liaison'] };
const COORDINATOR: User = { sub: 'coord-01', agency: 'BIF', roles: ['coordinator'] };
const AUDITOR: User = { sub: 'revisor-01', agency: 'OKF', roles: ['auditor'] };

function copenhagenDay(offsetDays = 0): string {
  const day = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Copenhagen', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
  const date = new Date(`${day}T12:00:00Z`);
  date.setUTCDate(date.getUTCDate() + offsetDays);
  return date.toISOString().slice(0, 10);
}

describe('the dialogs that change a case (Chromium)', () => {
  let database: OwnDatabase | undefined;
  let api: ApiProcess | undefined;
  let dataDir: string;
  let base: string;
  let browser: Browser | undefined;
  let bearer: (user: User) => Promise<string>;

  beforeAll(async () => {
    database = await createOwnDatabase('dialogs');
    dataDir = mkdtempSync(join(tmpdir(), 'samvirke-dialogs-'));
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    api = startApiProcess({
      ...baseEnv(),
      PORT: String(port),
      DATABASE_URL: database.url,
      DATA_DIR: dataDir,
      DEMO_DATA: 'false',
      DATABASE_POOL_SIZE: '5',
      RATE_LIMIT_PER_MINUTE: '1000000',
      // The test finds its cases from their CPR numbers (caseIdOfCitizen) with the run's secret.
      CPR_HMAC_SECRET: testCprHmacSecretHex(),
    });
    // A busy machine (shared by parallel runs) can take minutes to start the API.
    await waitForHttp(`${base}/health/ready`, 240_000, api);
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

  async function call(user: User, method: string, path: string, body?: unknown): Promise<{ status: number; body: Record<string, unknown> }> {
    const response = await fetch(`${base}${path}`, {
      method,
      headers: { authorization: `Bearer ${await bearer(user)}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, body: text ? (JSON.parse(text) as Record<string, unknown>) : {} };
  }

  async function write(user: User, method: string, path: string, body: unknown = {}): Promise<number> {
    const answer = await call(user, method, path, body);
    if (answer.status !== 200 && answer.status !== 201) throw new Error(`${method} ${path} answered ${answer.status} ${JSON.stringify(answer.body)}`);
    return answer.body['revision'] as number;
  }

  /** A case referred by the police and taken over by coord-01 (the police join then), with `agencies` brought in; the read model has caught up. */
  async function newCase(birthYear: number, agencies: string[] = [], programmes: string[] = []): Promise<string> {
    const citizen = testCitizen(birthYear);
    expect((await call(POLICE, 'POST', '/cases', referralOf(citizen))).status).toBe(202);
    const caseId = await caseIdOfCitizen(citizen.cpr, database!.url);
    let revision = await write(COORDINATOR, 'POST', `/cases/${caseId}/coordinator`, { coordinatorId: 'coord-01', agency: 'BIF' });
    for (const agency of agencies) revision = await write(COORDINATOR, 'POST', `/cases/${caseId}/agencies/${agency}`);
    for (const programmeCode of programmes)
      revision = await write(COORDINATOR, 'POST', `/cases/${caseId}/programmes`, { programmeCode, startedOn: copenhagenDay(-90) });
    const deadline = Date.now() + 20_000;
    for (;;) {
      const read = await call(COORDINATOR, 'GET', `/cases/${caseId}`);
      if (read.status === 200 && (read.body['revision'] as number) >= revision) return caseId;
      if (Date.now() > deadline) throw new Error(`the case summary never reached revision ${revision}`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }

  async function openCase(userId: string, caseId: string): Promise<{ page: Page; close: () => Promise<void> }> {
    const { context, page } = await signIn(browser!, base, userId);
    await page.goto(`${base}/app/cases/${caseId}`);
    await page.getByTestId('citizen-name').waitFor();
    return { page, close: () => context.close() };
  }

  function timelineRow(page: Page, kind: string, text?: string) {
    return page
      .getByTestId('timeline')
      .locator('tbody tr', { has: page.locator('td', { hasText: new RegExp(`^${kind}$`) }) })
      .filter(text ? { hasText: text } : {})
      .first();
  }

  it('lets each agency record its part through the dialogs, with the results on the case page and the timeline', async () => {
    const caseId = await newCase(2002, ['KRIMINALFORSORGEN'], ['EXIT']);
    const QUESTION = 'Hvornår er borgerens forventede løsladelse, og er der en handleplan? Zq-spørgsmål';
    const ANSWER = 'Løsladelse ventes om otte måneder; handleplanen er under udarbejdelse. Zq-svar';

    // The coordinator assesses the level and asks Kriminalforsorgen for information.
    const coordinator = await openCase('coord-01', caseId);
    let page = coordinator.page;
    await page.getByRole('button', { name: 'Vurdér SSP+-niveau' }).click();
    const assess = page.getByRole('dialog', { name: 'Vurdér borgerens SSP+-niveau' });
    await assess.getByLabel(/^Niveau/).selectOption('3');
    await assess.getByLabel(/^Begrundelse/).fill('Gentagen vold; løsladelse på vej.');
    await expectNoWcagViolations(page);
    await assess.getByRole('button', { name: 'Gem vurderingen' }).click();
    await page.getByTestId('action-done').getByText('Sagen er vurderet til niveau 3.').waitFor();
    await page.getByText(/^3 \(vurderet/).waitFor();

    await page.getByRole('button', { name: 'Anmod om oplysninger' }).click();
    const request = page.getByRole('dialog', { name: 'Anmod en myndighed på sagen om oplysninger' });
    // Required fields are named when left empty.
    await request.getByRole('button', { name: 'Send anmodningen' }).click();
    await request.getByText('Udfyld de felter, der skal udfyldes: Til, Spørgsmål, Hjemmel.').waitFor();
    expect(await request.getByLabel(/^Til/).getAttribute('aria-invalid')).toBe('true');
    await request.getByLabel(/^Til/).selectOption('KRIMINALFORSORGEN');
    await request.getByLabel(/^Spørgsmål/).fill(QUESTION);
    await request.getByLabel(/^Hjemmel/).selectOption('RPL115-1-3');
    await expectNoWcagViolations(page);
    await page.screenshot({ path: join(SCREENSHOTS, 'request.png') });
    await request.getByRole('button', { name: 'Send anmodningen' }).click();
    await page
      .getByTestId('action-done')
      .getByText(/^Anmodningen er sendt til KRIMINALFORSORGEN med svarfrist /)
      .waitFor();
    await timelineRow(page, 'Anmodning om oplysninger', QUESTION).waitFor();
    // Only the police record charges; no custody to release yet.
    expect(await page.getByRole('button', { name: 'Registrér sigtelse' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Registrér løsladelse' }).count()).toBe(0);

    // Kriminalforsorgen answers the request, then records the custody and the release.
    const probation = await openCase('kriminalforsorg-01', caseId);
    page = probation.page;
    const asked = page.getByTestId('requests-to-us').locator('tbody tr', { hasText: QUESTION });
    await asked.waitFor();
    await asked.getByRole('button', { name: /^Besvar anmodningen fra / }).click();
    const answer = page.getByRole('dialog', { name: 'Besvar en anmodning om oplysninger' });
    expect(await answer.getByTestId('answer-question').innerText()).toBe(QUESTION);
    await answer.getByLabel(/^Svar/).fill(ANSWER);
    await expectNoWcagViolations(page);
    await answer.getByRole('button', { name: 'Send svaret' }).click();
    await page.getByTestId('request-done').getByText('Svaret er sendt til BIF.').waitFor();
    await asked.getByText(/^Besvaret /).waitFor();
    await timelineRow(page, 'Svar på anmodning', ANSWER).waitFor();
    expect(await page.getByRole('button', { name: 'Registrér sigtelse' }).count()).toBe(0);

    await page.getByRole('button', { name: 'Registrér frihedsberøvelse' }).click();
    const custody = page.getByRole('dialog', { name: 'Registrér at borgeren er frihedsberøvet' });
    await custody.getByLabel('Afsoning af dom').check();
    await custody.getByLabel(/^Institution/).fill('Vestre Fængsel');
    await custody.getByLabel(/^Startdato/).fill(copenhagenDay(-30));
    await custody.getByLabel(/^Forventet løsladelse/).fill(copenhagenDay(240));
    // A sentence of 8 months for someone over 18 starts the road map for a good release.
    await custody.getByTestId('road-map-note').getByText('Køreplan for God Løsladelse', { exact: false }).waitFor();
    await expectNoWcagViolations(page);
    await page.screenshot({ path: join(SCREENSHOTS, 'custody.png') });
    await custody.getByRole('button', { name: 'Registrér frihedsberøvelsen' }).click();
    await page.getByTestId('action-done').getByText('Frihedsberøvelsen er registreret.').waitFor();
    await page.getByTestId('custody-state').getByText('Afsoner dom i Vestre Fængsel', { exact: false }).waitFor();
    await timelineRow(page, 'Frihedsberøvelse', 'Afsoning i Vestre Fængsel').waitFor();
    await timelineRow(page, 'Køreplan', 'Handleplan udarbejdet').waitFor();
    // The titles follow the console's language.
    await page.getByRole('button', { name: 'English' }).click();
    await timelineRow(page, 'Custody', 'Prison sentence at Vestre Fængsel').waitFor();
    await timelineRow(page, 'Road map', 'Action plan made').waitFor();
    await page.getByRole('button', { name: 'Dansk' }).click();
    await timelineRow(page, 'Frihedsberøvelse', 'Afsoning i Vestre Fængsel').waitFor();

    // The expected release moves (the sentence was recalculated): a date before the start is refused on screen.
    await page.getByRole('button', { name: 'Ændr forventet løsladelse' }).click();
    const expected = page.getByRole('dialog', { name: 'Ændr den forventede løsladelsesdato' });
    await expected.getByLabel(/^Forventet løsladelse/).fill(copenhagenDay(-60));
    await expected.getByRole('button', { name: 'Gem den nye dato' }).click();
    await expected.getByRole('alert').getByText('Forventet løsladelse skal ligge på eller efter startdatoen.').waitFor();
    await expected.getByLabel(/^Forventet løsladelse/).fill(copenhagenDay(200));
    await expectNoWcagViolations(page);
    await expected.getByRole('button', { name: 'Gem den nye dato' }).click();
    const moved = page.getByTestId('action-done').getByText('Forventet løsladelse er nu', { exact: false });
    await moved.waitFor();
    // The page shows the new date as the message names it (the console's own Danish date format).
    const newDate = /er nu (.+)\.$/.exec((await moved.innerText()).trim())![1];
    expect(newDate).toMatch(new RegExp(`${Number(copenhagenDay(200).slice(8, 10))}\\. .+ ${copenhagenDay(200).slice(0, 4)}`));
    await page.getByTestId('custody-state').getByText(`Forventet løsladelse ${newDate}.`, { exact: false }).waitFor();

    await page.getByRole('button', { name: 'Registrér løsladelse' }).click();
    const release = page.getByRole('dialog', { name: 'Registrér at borgeren er løsladt' });
    // The citizen is in the Exit programme: the hand-over to the local exit unit starts from the release.
    await release.getByTestId('road-map-note').getByText('Exit: overdragelse til den lokale exit-enhed', { exact: false }).waitFor();
    await release.getByLabel('Prøveløsladt (betinget løsladelse)').check();
    await expectNoWcagViolations(page);
    await page.screenshot({ path: join(SCREENSHOTS, 'release.png') });
    await release.getByRole('button', { name: 'Registrér løsladelsen' }).click();
    await page
      .getByTestId('action-done')
      .getByText('Løsladelsen er registreret. Køreplanen «Exit: overdragelse til den lokale exit-enhed» står nu på tidslinjen.')
      .waitFor();
    await page.getByTestId('custody-state').getByText('Borgeren er ikke registreret som frihedsberøvet.').waitFor();
    await timelineRow(page, 'Løsladelse').waitFor();
    await timelineRow(page, 'Køreplan', 'Overdragelsesmøde med den lokale exit-enhed').waitFor();
    await timelineRow(page, 'Køreplan', 'Opfølgningsmøde med den lokale exit-enhed').waitFor();

    // The jobcentre (BIF's liaison) records a flexible job.
    const jobcentre = await openCase('jobcenter-01', caseId);
    page = jobcentre.page;
    await page.getByRole('button', { name: 'Registrér beskæftigelse' }).click();
    const employment = page.getByRole('dialog', { name: 'Registrér at borgeren er kommet i beskæftigelse' });
    await employment.getByLabel('Fleksjob').check();
    await employment.getByLabel(/^Startdato/).fill(copenhagenDay(-1));
    await expectNoWcagViolations(page);
    await employment.getByRole('button', { name: 'Registrér beskæftigelsen' }).click();
    await page
      .getByTestId('action-done')
      .getByText(/^Beskæftigelsen er registreret: Fleksjob fra /)
      .waitFor();

    // The police record a charge.
    const police = await openCase('politi-01', caseId);
    page = police.page;
    await page.getByRole('button', { name: 'Registrér sigtelse' }).click();
    const charge = page.getByRole('dialog', { name: 'Registrér en sigtelse' });
    await charge.getByLabel(/^Kategori/).selectOption('violence');
    await expectNoWcagViolations(page);
    await charge.getByRole('button', { name: 'Registrér sigtelsen' }).click();
    await page
      .getByTestId('action-done')
      .getByText(/^Sigtelsen er registreret: Vold, /)
      .waitFor();

    // No case read shows charges or employments to those working the case; the auditor's state has both
    // (the citizen is in the exit programme: the auditor opens the sealed identity with a reason first).
    const opened = await call(AUDITOR, 'POST', `/cases/${caseId}/seal-openings`, { reason: 'Kontrol af de registrerede domme og job' });
    expect(opened.status).toBe(201);
    const state = (await call(AUDITOR, 'GET', `/audit/cases/${caseId}/state`)).body['state'] as Record<string, Record<string, Record<string, unknown>>>;
    expect(Object.values(state['employments']).map((employment) => employment['kind'])).toEqual(['flexible']);
    expect(Object.values(state['charges']).map((charge) => charge['offenceCategory'])).toEqual(['violence']);

    // The auditor writes nothing: no dialogs.
    const auditor = await openCase('revisor-01', caseId);
    await timelineRow(auditor.page, 'Løsladelse').waitFor();
    expect(await auditor.page.getByTestId('case-dialogs').count()).toBe(0);

    for (const session of [coordinator, probation, jobcentre, police, auditor]) await session.close();
  });

  it('says what changed when the case moved on while a dialog was open, and the action is redone on the new state', async () => {
    const caseId = await newCase(2003);
    const { page, close } = await openCase('coord-01', caseId);
    await page.getByRole('button', { name: 'Vurdér SSP+-niveau' }).click();
    const assess = page.getByRole('dialog', { name: 'Vurdér borgerens SSP+-niveau' });
    await assess.getByLabel(/^Niveau/).selectOption('4');
    await assess.getByLabel(/^Begrundelse/).fill('Vold mod personer; niveau 4.');
    const before = Number(/version (\d+)/.exec(await page.getByTestId('case-revision').innerText())![1]);
    // Meanwhile someone else brings Socialforvaltningen in.
    await write(COORDINATOR, 'POST', `/cases/${caseId}/agencies/SOF`);
    await assess.getByRole('button', { name: 'Gem vurderingen' }).click();
    const conflict = assess.getByTestId('conflict');
    await conflict.waitFor();
    await conflict.getByText('SOF er kommet på sagen.').waitFor();
    expect(await conflict.innerText()).toMatch(new RegExp(`Sagen er nu i version \\d+ \\(du så version ${before}\\)\\.`));
    // What the user chose is kept, and the dialog offers to redo it.
    expect(await assess.getByLabel(/^Niveau/).inputValue()).toBe('4');
    await expectNoWcagViolations(page);
    await page.screenshot({ path: join(SCREENSHOTS, 'dialog-conflict.png') });
    await assess.getByRole('button', { name: 'Gentag handlingen' }).click();
    await page.getByTestId('action-done').getByText('Sagen er vurderet til niveau 4.').waitFor();
    await page.getByText(/^4 \(vurderet/).waitFor();
    await close();
  });

  it('assesses the level with the keyboard alone, and the focus returns to the button that opened the dialog', async () => {
    const caseId = await newCase(2004);
    const { page, close } = await openCase('coord-01', caseId);
    /** Presses Tab until `matches` (an expression run in the page) is true, at most `limit` times. */
    async function tabTo(description: string, matches: string, limit = 60): Promise<void> {
      for (let i = 0; i < limit; i++) {
        await page.keyboard.press('Tab');
        if (await page.evaluate(matches)) return;
      }
      throw new Error(`Tab never reached ${description}`);
    }
    await tabTo('assess the level', "document.activeElement?.textContent === 'Vurdér SSP+-niveau'");
    await page.keyboard.press('Enter');
    await page.getByRole('dialog', { name: 'Vurdér borgerens SSP+-niveau' }).waitFor();
    // The dialog's first field has the focus.
    expect(await page.evaluate('document.activeElement?.id')).toBe('assess-level');
    for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowDown');
    expect(await page.evaluate("document.getElementById('assess-level').value")).toBe('3');
    await page.keyboard.press('Tab');
    expect(await page.evaluate('document.activeElement?.id')).toBe('assess-rationale');
    await page.keyboard.type('Gentagen alvorlig kriminalitet.');
    await page.waitForFunction(
      "[...document.querySelectorAll('dialog button')].some((button) => button.textContent === 'Gem vurderingen' && !button.disabled)",
    );
    await tabTo('the submit button', "document.activeElement?.textContent === 'Gem vurderingen'", 8);
    await page.keyboard.press('Enter');
    await page.getByTestId('action-done').getByText('Sagen er vurderet til niveau 3.').waitFor();
    await page.getByRole('dialog').waitFor({ state: 'hidden' });
    expect(await page.evaluate('document.activeElement?.textContent')).toBe('Vurdér SSP+-niveau');
    await close();
  });
});
