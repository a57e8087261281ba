import { CASE_EVENT_TYPES } from '@samvirke/case';
import { loadReferenceData } from '@samvirke/reference-data';
import type { CitizenCopy } from './citizen-copy';
import { escapeHtml, renderCitizenCopyHtml } from './citizen-copy-html';

const reference = loadReferenceData();

const copy = (summary: string): CitizenCopy => ({
  caseId: 'c1',
  generatedAt: '2031-01-01T00:00:00.000Z',
  citizen: {
    name: { status: 'available', value: 'Jens <b>Hansen</b>' },
    cpr: { status: 'erased', note: 'erased on 2030-12-01' },
    birthDate: '2004-01-01',
    districtCode: 'NORREBRO-1',
  },
  case: {
    status: 'closed',
    openedAt: '2030-01-01T09:00:00.000Z',
    closedAt: null,
    referredBy: 'KBH-POLITI',
    coordinatorId: 'coord-7',
    agencies: ['BIF', 'KBH-POLITI'],
    activeLegalHolds: 0,
    erasures: [],
  },
  events: [
    {
      recordedAt: '2030-01-02T10:00:00.000Z',
      type: 'CaseOpened',
      agency: 'BIF',
      data: {
        citizenId: 'x',
        cprHash: 'hash-of-cpr',
        name: { status: 'available', value: 'Jens' },
        cpr: { status: 'available', value: '010104-1234' },
        birthDate: '2004-01-01',
        districtCode: 'NORREBRO-1',
        referredBy: 'KBH-POLITI',
        reason: { status: 'available', value: 'bekymring' },
        openedAt: '2030-01-01T09:00:00.000Z',
      },
    },
    {
      recordedAt: '2030-01-03T10:00:00.000Z',
      type: 'InformationShared',
      agency: 'BIF',
      data: {
        entryId: 'e',
        fromAgency: 'BIF',
        sharedWith: ['SOF'],
        legalBasis: 'RPL115-1-1',
        purpose: 'crime-prevention',
        sensitivity: 'normal',
        summary: { status: 'available', value: summary },
        sharedAt: '2030-01-03T10:00:00.000Z',
      },
    },
    {
      recordedAt: '2030-01-04T10:00:00.000Z',
      type: 'ChargeRecorded',
      agency: 'KBH-POLITI',
      data: { chargeId: 'c', offenceCategory: 'theft', chargedOn: '2029-12-20', reportedBy: 'KBH-POLITI' },
    },
  ],
  accessReport: { available: true, lines: [{ agency: 'SOF', at: '2030-02-01T10:00:00.000Z', action: 'read', purpose: 'case-work' }] },
  notes: ['note'],
});

describe('citizen copy as HTML', () => {
  it('escapes every value from the case, so free text cannot become markup', () => {
    const html = renderCitizenCopyHtml(copy('<script>alert("x")</script> & \'more\''), reference);
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<b>Hansen</b>');
    expect(html).toContain('&#60;script&#62;alert(&#34;x&#34;)&#60;/script&#62; &#38; &#39;more&#39;');
    expect(html).toContain('Jens &#60;b&#62;Hansen&#60;/b&#62;');
  });

  it('is written in Danish under lang="da": sentences, agency names, Danish dates, no event names or field keys', () => {
    const html = renderCitizenCopyHtml(copy('ok'), reference, 'da');
    expect(html).toMatch(/<html lang="da">/);
    expect(html).toContain('Københavns Politi henviste dig til SSP+ den 1. januar 2030');
    expect(html).toContain('Beskæftigelses- og Integrationsforvaltningen delte oplysninger om dig med Socialforvaltningen den 3. januar 2030');
    expect(html).toContain('Københavns Politi registrerede en sigtelse for tyveri den 20. december 2029.');
    // When it happened and when it was recorded, in Copenhagen time.
    expect(html).toContain('2. januar 2030 kl. 11.00');
    expect(html).toContain('Nørrebro');
    for (const type of CASE_EVENT_TYPES) expect(html).not.toContain(type);
    expect(html).not.toMatch(/cprHash|citizenId|hash-of-cpr|coord-7|\d{4}-\d{2}-\d{2}T/);
    expect(html).not.toMatch(/\b(When|Agency|Recorded by|Details)\b/);
  });

  it('is written in English under lang="en" on request', () => {
    const html = renderCitizenCopyHtml(copy('ok'), reference, 'en');
    expect(html).toMatch(/<html lang="en">/);
    expect(html).toContain('Copenhagen Police referred you to SSP+ on 1 January 2030');
    expect(html).not.toMatch(/henviste|Sagsnummer/);
  });

  it('shows erased values as "slettet den DATO" and who has seen the case and why', () => {
    const html = renderCitizenCopyHtml(copy('ok'), reference, 'da');
    expect(html).toContain('Slettet den 1. december 2030');
    expect(html).toMatch(/<td class="date">1\. februar 2030 kl\. 11\.00<\/td><td>Socialforvaltningen<\/td><td>Læste sagen<\/td><td>Sagsbehandling<\/td>/);
  });

  it('prints: a print style sheet with page size and rows kept whole', () => {
    const html = renderCitizenCopyHtml(copy('ok'), reference, 'da');
    expect(html).toMatch(/@media print \{[^}]*\}/);
    expect(html).toMatch(/@page \{ size: A4/);
    expect(html).toMatch(/tr \{ break-inside: avoid; \}/);
  });

  it('escapes all five HTML-significant characters and the backtick', () => {
    expect(escapeHtml('&<>"\'`')).toBe('&#38;&#60;&#62;&#34;&#39;&#96;');
  });
});
