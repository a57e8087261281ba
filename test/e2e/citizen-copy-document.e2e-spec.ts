import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { CASE_EVENT_TYPES } from '@samvirke/case';
import { startTestApp, type TestApp } from '../support/test-app';
import { testCitizen } from '../support/citizens';
import type { TestUser } from '../support/tokens';
import { referCitizen } from '../support/referrals';

/**
 * The citizen's copy as a document a citizen reads (issue 20), over real HTTP: Danish by default and
 * English on request (lang or Accept-Language), plain sentences with agency names and Danish dates,
 * who has seen the case and why; and the same document as a PDF printed by the machine's Chromium,
 * whose text (pdftotext) holds the sentences and no raw event names. Without Chromium: 503 with a reason.
 */
const coordinator: TestUser = { userId: 'coord-copy-doc', agency: 'BIF', roles: ['coordinator'] };
const auditor: TestUser = { userId: 'auditor-copy-doc', agency: 'OKF', roles: ['auditor'] };

jest.setTimeout(120_000);

describe("the citizen's copy as a document", () => {
  let api: TestApp;
  let caseId: string;
  let name: string;

  beforeAll(async () => {
    api = await startTestApp();
    const citizen = testCitizen();
    name = citizen.name;
    ({ caseId } = await referCitizen(api.request, coordinator, {
      cpr: citizen.cpr,
      name: citizen.name,
      birthDate: citizen.birthDate,
      districtCode: 'NORREBRO-1',
      reason: 'Bekymring fra skolen',
    }));
    expect((await api.request('POST', `/cases/${caseId}/agencies/SOF`, { user: coordinator, body: {} })).status).toBeLessThan(300);
    const shared = await api.request('POST', `/cases/${caseId}/entries`, {
      user: coordinator,
      body: {
        entryId: randomUUID(),
        sharedWith: ['SOF'],
        legalBasis: 'RPL115-1-1',
        purpose: 'crime-prevention',
        sensitivity: 'normal',
        summary: 'Møde med familien',
      },
    });
    expect(shared.status).toBeLessThan(300);
    // A look-up the access report must list (once the read models hold the case; with query criteria, the log calls it a search).
    expect((await api.request('GET', `/cases/${caseId}?consistentWith=${String(shared.body.position)}`, { user: coordinator })).status).toBe(200);
  });
  afterAll(async () => {
    await api?.close();
  });

  it('is Danish by default: lang="da", sentences with agency names and Danish dates, the reads, no event names', async () => {
    const page = await api.request('GET', `/cases/${caseId}/citizen-copy?format=html`, { user: auditor });
    expect(page.status).toBe(200);
    expect(page.headers.get('content-language')).toBe('da');
    const html = page.body as string;
    expect(html).toMatch(/<html lang="da">/);
    expect(html).toMatch(/Beskæftigelses- og Integrationsforvaltningen henviste dig til SSP\+ den \d{1,2}\. \p{L}+ \d{4}/u);
    expect(html).toContain('Bekymring fra skolen');
    expect(html).toContain('Møde med familien');
    expect(html).toMatch(/<td>Beskæftigelses- og Integrationsforvaltningen<\/td><td>Søgte og fandt sagen<\/td><td>Sagsbehandling<\/td>/);
    for (const type of CASE_EVENT_TYPES) expect(html).not.toContain(type);
  });

  it('is English with lang=en or Accept-Language: en, and refuses an unknown lang', async () => {
    const byQuery = await api.request('GET', `/cases/${caseId}/citizen-copy?format=html&lang=en`, { user: auditor });
    expect(byQuery.body).toMatch(/<html lang="en">/);
    expect(byQuery.body).toContain('Employment and Integration Administration referred you to SSP+ on');
    const byHeader = await api.request('GET', `/cases/${caseId}/citizen-copy?format=html`, {
      user: auditor,
      headers: { 'Accept-Language': 'en-GB,en;q=0.9,da;q=0.5' },
    });
    expect(byHeader.body).toMatch(/<html lang="en">/);
    const bad = await api.request('GET', `/cases/${caseId}/citizen-copy?format=html&lang=de`, { user: auditor });
    expect(bad.status).toBe(400);
    expect(bad.body.violations).toEqual([{ field: 'lang', rule: 'isIn', message: 'lang must be da or en' }]);
  });

  it('prints as a PDF whose text holds the sentences, the citizen and no raw event names', async () => {
    const response = await fetch(`${api.baseUrl}/cases/${caseId}/citizen-copy?format=pdf`, {
      headers: { authorization: `Bearer ${await api.auth.token(auditor)}` },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(response.headers.get('content-disposition')).toBe(`attachment; filename="indsigt-${caseId}.pdf"`);
    const pdf = Buffer.from(await response.arrayBuffer());
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const dir = mkdtempSync(join(tmpdir(), 'citizen-copy-'));
    try {
      writeFileSync(join(dir, 'copy.pdf'), pdf);
      // Lines of a table cell may wrap: compare with the whitespace made single.
      const text = execFileSync('pdftotext', ['-enc', 'UTF-8', join(dir, 'copy.pdf'), '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
      expect(text).toContain('Indsigt i dine oplysninger i Samvirke');
      expect(text).toContain(name);
      expect(text).toMatch(/Beskæftigelses- og Integrationsforvaltningen henviste dig til SSP\+ den \d{1,2}\. \p{L}+ \d{4}/u);
      expect(text).toContain('Søgte og fandt sagen');
      for (const type of CASE_EVENT_TYPES) expect(text).not.toContain(type);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('answers 503 PDF_RENDERER_UNAVAILABLE where no Chromium is installed, and html still works', async () => {
    const before = process.env['CHROMIUM_PATH'];
    process.env['CHROMIUM_PATH'] = join(tmpdir(), 'no-chromium-here');
    let withoutChromium: TestApp | undefined;
    try {
      withoutChromium = await startTestApp();
    } finally {
      if (before === undefined) delete process.env['CHROMIUM_PATH'];
      else process.env['CHROMIUM_PATH'] = before;
    }
    try {
      const refused = await withoutChromium.request('GET', `/cases/${caseId}/citizen-copy?format=pdf`, { user: auditor });
      expect(refused.status).toBe(503);
      expect(refused.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      expect(refused.body).toMatchObject({ status: 503, reason: 'PDF_RENDERER_UNAVAILABLE' });
      expect(JSON.stringify(refused.body)).not.toContain('no-chromium-here');
      expect((await withoutChromium.request('GET', `/cases/${caseId}/citizen-copy?format=html`, { user: auditor })).status).toBe(200);
    } finally {
      await withoutChromium.close();
    }
  });

  it("tells auditors the case's history in the same sentences, with who did it (GET /audit/cases/:caseId/history)", async () => {
    const answer = await api.request('GET', `/audit/cases/${caseId}/history`, { user: auditor });
    expect(answer.status).toBe(200);
    expect(answer.body.lang).toBe('da');
    expect(answer.body.events[0]).toMatchObject({
      revision: 0,
      type: 'CaseOpened',
      agency: 'BIF',
      agencyName: 'Beskæftigelses- og Integrationsforvaltningen',
      actor: coordinator.userId,
    });
    expect(answer.body.events[0].text).toMatch(/^Beskæftigelses- og Integrationsforvaltningen henviste dig til SSP\+ den /);
    expect(answer.body.events[0].details).toEqual([{ label: 'Begrundelse', text: 'Bekymring fra skolen' }]);
    expect((await api.request('GET', `/audit/cases/${caseId}/history?lang=en`, { user: auditor })).body.events[0].text).toMatch(
      /^Employment and Integration Administration referred you/,
    );
    expect((await api.request('GET', `/audit/cases/${caseId}/history`, { user: coordinator })).status).toBe(403);
  });

  it('documents application/pdf and text/html for the copy in OpenAPI', async () => {
    const document = await api.request('GET', '/docs/openapi.json');
    const operation = document.body.paths['/cases/{caseId}/citizen-copy'].get;
    expect(Object.keys(operation.responses['200'].content)).toEqual(expect.arrayContaining(['application/json', 'text/html', 'application/pdf']));
    expect(operation.responses['503']).toBeDefined();
  });
});
