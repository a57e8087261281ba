import type { CitizenCopy } from './citizen-copy';
import { escapeHtml, renderCitizenCopyHtml } from './citizen-copy-html';

const copy = (summary: string): CitizenCopy => ({
  caseId: 'c1',
  generatedAt: '2031-01-01T00:00:00.000Z',
  citizen: { name: { status: 'available', value: 'Jens <b>Hansen</b>' }, cpr: { status: 'erased', note: 'erased on 2030-12-01' }, birthDate: '2004-01-01', districtCode: 'NORREBRO-1' },
  case: { status: 'closed', openedAt: null, closedAt: null, referredBy: 'BIF', coordinatorId: null, agencies: ['BIF'], activeLegalHolds: 0, erasures: [] },
  events: [{ recordedAt: '2030-01-01T10:00:00.000Z', type: 'InformationShared', agency: 'BIF', data: { summary: { status: 'available', value: summary }, sharedWith: ['SOF'] } }],
  accessReport: { available: true, lines: [{ agency: 'SOF', at: '2030-02-01T10:00:00.000Z', action: 'read', purpose: 'case-work' }] },
  notes: ['note'],
});

describe('citizen copy as HTML', () => {
  it('escapes every value from the case, so free text cannot become markup', () => {
    const html = renderCitizenCopyHtml(copy('<script>alert("x")</script> & \'more\''));
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<b>Hansen</b>');
    expect(html).toContain('&#60;script&#62;alert(&#34;x&#34;)&#60;/script&#62; &#38; &#39;more&#39;');
    expect(html).toContain('Jens &#60;b&#62;Hansen&#60;/b&#62;');
  });

  it('shows erased values as "erased on DATE" and lists the access report', () => {
    const html = renderCitizenCopyHtml(copy('ok'));
    expect(html).toContain('erased on 2030-12-01');
    expect(html).toMatch(/<td>SOF<\/td><td>read<\/td><td>case-work<\/td>/);
  });

  it('escapes all five HTML-significant characters and the backtick', () => {
    expect(escapeHtml('&<>"\'`')).toBe('&#38;&#60;&#62;&#34;&#39;&#96;');
  });
});
