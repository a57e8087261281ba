import { randomUUID } from 'node:crypto';
import type { NewEvent } from '@samvirke/event-store';
import { startTestApp, type TestApp } from '../support/test-app';

/**
 * Effect measures over real HTTP: cases are written to the event store with business dates in 2011,
 * a year no other test uses, so the 2011 cells are this file's own whatever else runs in parallel.
 */
describe('effects endpoints (e2e)', () => {
  let app: TestApp;
  const coordinator = { userId: 'coord-effects', agency: 'BIF', roles: ['coordinator' as const] };
  const auditor = { userId: 'auditor-effects', agency: 'OKF', roles: ['auditor' as const] };
  const liaison = { userId: 'liaison-effects', agency: 'SOF', roles: ['liaison' as const] };
  const effectsAdmin = { userId: 'effects-admin-e2e', agency: 'KFF', roles: ['effects-admin' as const] };

  beforeAll(async () => {
    app = await startTestApp();
  }, 60_000);
  afterAll(async () => app?.close());

  const event = (type: string, data: Record<string, unknown>, agency = 'BIF'): NewEvent => ({
    id: randomUUID(),
    type,
    schemaVersion: 1,
    data,
    metadata: { actor: 'e2e', agency, correlationId: randomUUID() },
  });

  async function enrolledCase(enrolledOn: string, selfSufficientOn?: string): Promise<string> {
    const caseId = randomUUID();
    const events = [
      event('CaseOpened', {
        citizenId: caseId,
        cprHash: 'h',
        name: { sealed: 'x' },
        cpr: { sealed: 'x' },
        birthDate: '1990-02-01',
        districtCode: 'VALBY-2',
        referredBy: 'BIF',
        reason: { sealed: 'x' },
        openedAt: '2011-01-01T09:00:00Z',
      }),
      event('EnrolledInProgramme', { programmeCode: 'SSP_PLUS', startedOn: enrolledOn }),
      ...(selfSufficientOn ? [event('SelfSufficiencyReached', { reachedOn: selfSufficientOn, through: 'employment' })] : []),
    ];
    return (await app.store.appendToStream(`case-${caseId}`, events, 'no-stream')).position;
  }

  it('lists the measure definitions with cohort, window and definition', async () => {
    const response = await app.request('GET', '/effects/measures', { user: auditor });
    expect(response.status).toBe(200);
    const measure = response.body.measures.find((m: { code: string }) => m.code === 'self-sufficiency-12m');
    expect(measure).toMatchObject({ anchor: 'enrolment', windowMonths: 12, programmes: expect.arrayContaining(['SSP_PLUS']) });
    expect(measure.cohort).toMatch(/SSP_PLUS/);
    expect(measure.definition).toMatch(/self-sufficient/);
    // lang=da: the title, cohort, window and definition in Danish; the rest as in English.
    const danish = await app.request('GET', '/effects/measures?lang=da', { user: auditor });
    expect(danish.status).toBe(200);
    const inDanish = danish.body.measures.find((m: { code: string }) => m.code === 'self-sufficiency-12m');
    expect(inDanish).toMatchObject({
      title: 'Selvforsørgende 12 måneder efter indskrivning',
      anchor: 'enrolment',
      windowMonths: 12,
      programmes: measure.programmes,
    });
    expect(inDanish.cohort).toMatch(/^Personer indskrevet i .*SSP_PLUS/);
    expect(inDanish.window).toMatch(/12 måned\(er\) senere/);
    expect(inDanish.definition).toMatch(/^Tælles med, når personen er selvforsørgende/);
  });

  it('reports a measure by period in JSON, CSV and SVG with small cells suppressed, reproducibly as of an instant', async () => {
    for (let i = 0; i < 6; i++) await enrolledCase('2011-02-10', i < 5 ? '2011-12-01' : undefined);
    let position = '';
    for (let i = 0; i < 3; i++) position = await enrolledCase('2011-05-10', '2011-12-01');
    // A second small cell, so two are hidden and no complementary suppression touches 2011-Q1
    // whatever other files have in this database.
    for (let i = 0; i < 2; i++) position = await enrolledCase('2011-08-10', '2011-12-01');
    const asOf = new Date(Date.now() + 1000).toISOString();
    const query = `by=period&measurementDate=2013-01-01&asOf=${asOf}&consistentWith=${position}`;

    const json = await app.request('GET', `/effects/measures/self-sufficiency-12m?${query}`, { user: coordinator });
    expect(json.status).toBe(200);
    expect(json.body.measure.window).toMatch(/12 month/);
    const danish = await app.request('GET', `/effects/measures/self-sufficiency-12m?${query}&lang=da`, { user: coordinator });
    expect(danish.body.measure.window).toMatch(/12 måned\(er\) senere/);
    expect({ total: danish.body.total, cells: danish.body.cells }).toEqual({ total: json.body.total, cells: json.body.cells });
    expect(json.body.cells.find((c: { key: string }) => c.key === '2011-Q1')).toEqual({
      key: '2011-Q1',
      people: 6,
      count: 5,
      share: 0.8333,
      suppressed: false,
    });
    expect(json.body.cells.find((c: { key: string }) => c.key === '2011-Q2')).toEqual({
      key: '2011-Q2',
      people: '<5',
      count: '<5',
      share: null,
      suppressed: true,
    });

    const csv = await app.request('GET', `/effects/measures/self-sufficiency-12m?${query}&format=csv`, { user: auditor });
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(csv.body).toContain(',period,2011-Q1,6,5,0.8333,');
    expect(csv.body).toContain(',period,2011-Q2,<5,<5,,');

    const svg = await app.request('GET', `/effects/measures/self-sufficiency-12m/chart.svg?measurementDate=2013-01-01&asOf=${asOf}`, { user: coordinator });
    expect(svg.status).toBe(200);
    expect(svg.headers.get('content-type')).toMatch(/^image\/svg\+xml/);
    expect(svg.body).toContain('class="suppressed"');

    // A correction recorded later: the report as of the published instant does not move.
    const before = JSON.stringify(json.body);
    await new Promise((resolve) => setTimeout(resolve, 1100));
    await enrolledCase('2011-02-11', '2011-03-01');
    const again = await app.request('GET', `/effects/measures/self-sufficiency-12m?by=period&measurementDate=2013-01-01&asOf=${asOf}`, { user: coordinator });
    expect(JSON.stringify(again.body)).toBe(before);
  });

  it('refuses other roles, unknown measures and invalid breakdowns', async () => {
    expect((await app.request('GET', '/effects/measures/self-sufficiency-12m', { user: liaison })).status).toBe(403);
    expect((await app.request('GET', '/effects/measures/no-such-measure', { user: coordinator })).status).toBe(404);
    expect((await app.request('GET', '/effects/measures/self-sufficiency-12m?by=name', { user: coordinator })).status).toBe(400);
    expect((await app.request('GET', '/effects/measures/self-sufficiency-12m?programme=VINK', { user: coordinator })).status).toBe(400);
    expect((await app.request('GET', '/effects/measures/self-sufficiency-12m?by2=level', { user: coordinator })).status).toBe(400);
    const twoWay = await app.request('GET', '/effects/measures/self-sufficiency-12m?by=programme&by2=cityDistrict', { user: coordinator });
    expect(twoWay.status).toBe(200);
    expect(twoWay.body.breakdown).toBe('programme × cityDistrict');
  });

  it('imports the safety index from CSV with line-numbered validation and shows it beside the area efforts', async () => {
    const header = 'district,year,felt_safety,violence-threats,burglary,theft,narcotics,vandalism,harassment';
    const bad = await app.request('POST', '/effects/safety-index', {
      user: coordinator,
      body: { csv: `${header}\nNOWHERE-1,2011,80,1,2,3,4,5,6\nVALBY-2,2011,180,1,2,3,4,5,6\n` },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.problems.map((p: { line: number }) => p.line)).toEqual([2, 3]);
    // The test client always sends JSON, so the text/csv body goes through fetch directly.
    const good = await fetch(`${app.baseUrl}/effects/safety-index`, {
      method: 'POST',
      headers: { authorization: `Bearer ${await app.auth.token(coordinator)}`, 'content-type': 'text/csv' },
      body: `${header}\r\nVALBY-2,2011,71.5,3.1,2,4.5,1,2.2,0.5\r\n`,
    });
    expect(good.status).toBe(200);
    expect(await good.json()).toEqual({ imported: 1 });
    const shown = await app.request('GET', '/effects/safety-index?year=2011', { user: auditor });
    expect(shown.status).toBe(200);
    expect(shown.body.districts.find((d: { districtCode: string }) => d.districtCode === 'VALBY-2')).toMatchObject({
      cityDistrict: 'VALBY',
      safetyIndex: { feltSafety: 71.5, victimisation: { 'violence-threats': 3.1, harassment: 0.5 } },
    });
  });

  it('defines every measure a programme names, each saying what it counts', async () => {
    const response = await app.request('GET', '/effects/measures', { user: auditor });
    const byCode = new Map(response.body.measures.map((m: { code: string }) => [m.code, m]));
    const programmes = await app.request('GET', '/reference-data/programmes', { user: auditor });
    expect(programmes.status).toBe(200);
    const named = (Array.isArray(programmes.body) ? programmes.body : (programmes.body.programmes ?? programmes.body.items)).flatMap(
      (p: { measures: string[] }) => p.measures,
    );
    expect(named.filter((code: string) => !byCode.has(code))).toEqual([]);
    expect(byCode.get('staff-knowledge')).toMatchObject({ counts: 'staff-units', programmes: ['VINK'] });
    expect(byCode.get('safety-index-estate')).toMatchObject({ counts: 'areas' });
    expect(byCode.get('exit-completed')).toMatchObject({ counts: 'people', programmes: ['EXIT'] });
    expect((byCode.get('job-or-education-at-release') as { definition: string }).definition).toMatch(/flexible job, fleksjob/);
    for (const code of ['exit-completed', 'job-education-plan-signed', 'leisure-job-started']) {
      expect((await app.request('GET', `/effects/measures/${code}?by=period`, { user: coordinator })).status).toBe(200);
    }
  });

  it("records VINK staff units' knowledge before and after training for an effects administrator, and reports units, never citizens", async () => {
    const assessment = (unit: string, phase: string, assessedOn: string, meanScore: number) => ({
      programme: 'VINK',
      agency: 'KFF',
      unit,
      trainingId: 'e2e-2011',
      phase,
      assessedOn,
      staffAssessed: 9,
      meanScore,
    });
    const units = ['club-a', 'club-b', 'club-c', 'club-d', 'club-e', 'club-f'];
    const body = {
      assessments: units.flatMap((unit, i) => [assessment(unit, 'before', '2011-02-01', 50), assessment(unit, 'after', '2011-09-01', i < 5 ? 62.5 : 45)]),
    };
    expect((await app.request('POST', '/effects/staff-knowledge', { user: coordinator, body })).status).toBe(403);
    const bad = await app.request('POST', '/effects/staff-knowledge', {
      user: effectsAdmin,
      body: { assessments: [{ ...assessment('club-a', 'before', '2011-02-30', 50), caseId: 'x' }] },
    });
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ reason: 'INVALID_STAFF_KNOWLEDGE' });
    expect(bad.body.problems.map((p: { field: string }) => p.field).sort()).toEqual(['assessedOn', 'caseId']);
    const good = await app.request('POST', '/effects/staff-knowledge', { user: effectsAdmin, body });
    expect(good.status).toBe(200);
    expect(good.body).toEqual({ recorded: 12 });

    const asOf = new Date(Date.now() + 1000).toISOString();
    const report = await app.request('GET', `/effects/measures/staff-knowledge?measurementDate=2012-01-01&asOf=${asOf}&by=period`, { user: auditor });
    expect(report.status).toBe(200);
    expect(report.body.measure.counts).toBe('staff-units');
    expect(report.body.total).toMatchObject({ people: 6, count: 5, median: 12.5 });
    expect(report.body.cells).toEqual([{ key: '2011-Q3', people: 6, count: 5, share: 0.8333, median: 12.5, suppressed: false }]);
    const csv = await app.request('GET', `/effects/measures/staff-knowledge?measurementDate=2012-01-01&asOf=${asOf}&format=csv`, { user: auditor });
    expect(csv.body).toContain('staff-knowledge,');
    expect((await app.request('GET', `/effects/measures/staff-knowledge/chart.svg?measurementDate=2012-01-01&asOf=${asOf}`, { user: auditor })).status).toBe(
      200,
    );
    expect((await app.request('GET', '/effects/measures/staff-knowledge?by=ageBand', { user: auditor })).status).toBe(400);
  });

  it("reports the safety index of the hotspots' district and estate before and after the effort started", async () => {
    const header = 'year,felt_safety,violence-threats,burglary,theft,narcotics,vandalism,harassment';
    const estate = await app.request('POST', '/effects/safety-index?area=estate', {
      user: coordinator,
      body: { csv: `estate,${header}\nAKACIEPARKEN,2023,61,3,2,4,1,2,1\nAKACIEPARKEN,2025,66.5,2,2,3,1,2,1\n` },
    });
    expect(estate.status).toBe(200);
    const unknown = await app.request('POST', '/effects/safety-index?area=estate', {
      user: coordinator,
      body: { csv: `estate,${header}\nVALBY-2,2023,61,3,2,4,1,2,1\n` },
    });
    expect(unknown.status).toBe(400);
    expect(unknown.body.problems.map((p: { line: number }) => p.line)).toEqual([2]);
    const report = await app.request('GET', '/effects/measures/safety-index-estate?measurementDate=2025-06-01', { user: auditor });
    expect(report.status).toBe(200);
    expect(report.body.measure.counts).toBe('areas');
    expect(report.body.areas.find((a: { programme: string }) => a.programme === 'HOTSPOT_AKACIEPARKEN')).toMatchObject({
      areaCode: 'AKACIEPARKEN',
      areaName: 'Akacieparken',
      beforeYear: 2023,
      afterYear: 2025,
      before: { feltSafety: 61 },
      after: { feltSafety: 66.5 },
      feltSafetyChange: 5.5,
    });
    const csv = await app.request('GET', '/effects/measures/safety-index-estate?measurementDate=2025-06-01&format=csv', { user: auditor });
    expect(csv.body).toContain('HOTSPOT_AKACIEPARKEN,estate,AKACIEPARKEN,Akacieparken,2024-01-01,2023,61,2025,66.5,5.5,');
    const svg = await app.request('GET', '/effects/measures/safety-index-estate/chart.svg?measurementDate=2025-06-01', { user: auditor });
    expect(svg.body).toContain('Akacieparken');
    const district = await app.request('GET', '/effects/measures/safety-index-district?measurementDate=2025-06-01', { user: auditor });
    expect(district.body.areas.map((a: { areaCode: string }) => a.areaCode).sort()).toEqual(['VALBY-2', 'VESTERBRO-KONGENS-ENGHAVE-4']);
    // In Danish: the title, the notes and the chart's texts.
    const danish = await app.request('GET', '/effects/measures/safety-index-district?measurementDate=2025-06-01&lang=da', { user: auditor });
    expect(danish.body).toMatchObject({ lang: 'da', measure: { title: expect.stringMatching(/^Tryghedsindeks/) } });
    const notes = danish.body.areas.map((a: { note: string | null }) => a.note).filter((note: string | null) => note !== null);
    expect(notes.length).toBeGreaterThan(0);
    for (const note of notes)
      expect(note).toMatch(/^(perioden slutter \d{4}-\d{2}-\d{2}, efter måledatoen|intet tryghedsindeks indlæst for \d{4}( og \d{4})?)$/);
    const danishSvg = await app.request('GET', '/effects/measures/safety-index-estate/chart.svg?measurementDate=2025-06-01&lang=da', { user: auditor });
    expect(danishSvg.body).toContain('Oplevet tryghed (0-100) før og efter indsatsens start');
  });

  it('gives status figures on a date in JSON, CSV and SVG', async () => {
    let position = '';
    for (let i = 0; i < 6; i++) {
      const caseId = randomUUID();
      const events = [
        event('CaseOpened', {
          citizenId: caseId,
          cprHash: 'h',
          name: { sealed: 'x' },
          cpr: { sealed: 'x' },
          birthDate: '1990-02-01',
          districtCode: 'VALBY-2',
          referredBy: 'BIF',
          reason: { sealed: 'x' },
          openedAt: '2010-12-01T09:00:00Z',
        }),
        event('EnrolledInProgramme', { programmeCode: 'JOB_EDU_CONVICTED', startedOn: '2011-01-05' }),
        event('EmploymentStarted', { employmentId: randomUUID(), kind: 'wage-subsidy', startedOn: '2011-01-10' }),
      ];
      position = (await app.store.appendToStream(`case-${caseId}`, events, 'no-stream')).position;
    }
    const asOf = new Date(Date.now() + 1000).toISOString();
    const query = `date=2011-01-31&programme=JOB_EDU_CONVICTED&asOf=${asOf}&consistentWith=${position}`;
    const status = await app.request('GET', `/effects/status?${query}`, { user: coordinator });
    expect(status.status).toBe(200);
    expect(Object.fromEntries(status.body.figures.map((f: { status: string; total: { count: unknown } }) => [f.status, f.total.count]))).toEqual({
      'wage-subsidy-job': 6,
      'job-or-education': 6,
      'self-sufficient': 0,
      'in-custody': 0,
    });
    const csv = await app.request('GET', `/effects/status?${query}&format=csv`, { user: auditor });
    expect(csv.body).toContain('2011-01-31,');
    expect(csv.body).toContain(',JOB_EDU_CONVICTED,wage-subsidy-job,total,total,6,6,1');
    const svg = await app.request('GET', `/effects/status/chart.svg?${query}`, { user: auditor });
    expect(svg.body).toContain('wage-subsidy-job');
    expect((await app.request('GET', '/effects/status?date=2011-01-31', { user: liaison })).status).toBe(403);
    expect((await app.request('GET', '/effects/status?date=2999-01-01', { user: auditor })).status).toBe(400);
  });

  it('reports reductions in charges before and after enrolment against a comparison group, saying when it is too small', async () => {
    let position = '';
    for (let i = 0; i < 10; i++) {
      const caseId = randomUUID();
      const charge = (chargedOn: string) =>
        event('ChargeRecorded', { chargeId: randomUUID(), offenceCategory: 'theft', chargedOn, reportedBy: 'KBH-POLITI' }, 'KBH-POLITI');
      const events = [
        event('CaseOpened', {
          citizenId: caseId,
          cprHash: 'h',
          name: { sealed: 'x' },
          cpr: { sealed: 'x' },
          birthDate: '1990-02-01',
          districtCode: 'VALBY-2',
          referredBy: 'BIF',
          reason: { sealed: 'x' },
          openedAt: '2010-06-01T09:00:00Z',
        }),
        charge('2010-07-01'),
        charge('2010-09-01'),
        event('EnrolledInProgramme', { programmeCode: 'GANG_CONFLICT_18_25', startedOn: '2011-03-01' }),
        // Half have more after than before: 5 with fewer and 5 without, neither hidden.
        ...(i < 5 ? [charge('2011-06-01'), charge('2011-07-01'), charge('2011-08-01')] : []),
      ];
      position = (await app.store.appendToStream(`case-${caseId}`, events, 'no-stream')).position;
    }
    const asOf = new Date(Date.now() + 1000).toISOString();
    const query = `programme=GANG_CONFLICT_18_25&cohortYear=2011&months=12&comparison=previous-cohort&asOf=${asOf}&consistentWith=${position}`;
    const report = await app.request('GET', `/effects/reductions?${query}`, { user: auditor });
    expect(report.status).toBe(200);
    expect(report.body.cohort).toMatchObject({
      people: 10,
      charges: { before: 20, after: 15, fewer: 5, shareFewer: { estimate: 0.5, low: 0.2366, high: 0.7634 } },
    });
    expect(report.body.comparison.people).toBe(0);
    expect(report.body.difference.note).toMatch(/too small to compare/);
    expect(report.body.definition).toMatch(/Wilson/);
    const csv = await app.request('GET', `/effects/reductions?${query}&format=csv`, { user: auditor });
    expect(csv.body).toContain('GANG_CONFLICT_18_25,2011,12,previous-cohort,');
    expect(csv.body).toContain(',cohort,charges,10,20,15,5,0.5,0.2366,0.7634,');
    const svg = await app.request('GET', `/effects/reductions/chart.svg?${query}`, { user: auditor });
    expect(svg.body).toContain('class="interval"');
    // In Danish: the same figures under the same keys, readable labels beside them.
    expect(report.body).toMatchObject({ lang: 'en', labels: { cohort: 'Cohort', 'previous-cohort': 'Previous cohort', charges: 'Charges' } });
    const danish = await app.request('GET', `/effects/reductions?${query}&lang=da`, { user: auditor });
    expect(danish.body).toMatchObject({
      lang: 'da',
      cohort: report.body.cohort,
      comparison: report.body.comparison,
      labels: { cohort: 'Årgang', 'previous-cohort': 'Forrige årgang', charges: 'Sigtelser', convictions: 'Domme' },
    });
    expect(danish.body.labels.GANG_CONFLICT_18_25).not.toBe('GANG_CONFLICT_18_25');
    // The definition, the suppression rule and the notes are in the report's language too.
    expect(danish.body.definition).toMatch(/^Pr\. person: sigtelser og domme .*Wilsons 95 %-interval/);
    expect(danish.body.suppression).toMatch(/^Grupper med færre end \d+ personer vises som "<\d+"/);
    expect(danish.body.difference.note).toMatch(/^Grupperne er for små til at sammenligne/);
    const danishCsv = await app.request('GET', `/effects/reductions?${query}&format=csv&lang=da`, { user: auditor });
    expect(danishCsv.body.split('\r\n')[0]).toMatch(/,mean_change_high,label$/);
    expect(danishCsv.body).toContain(',cohort,charges,10,20,15,5,0.5,0.2366,0.7634,');
    expect(danishCsv.body).toContain(',Årgang: Sigtelser\r\n');
    const danishSvg = await app.request('GET', `/effects/reductions/chart.svg?${query}&lang=da`, { user: auditor });
    expect(danishSvg.body).toContain('Årgang: Sigtelser');
    expect(danishSvg.body).toContain('andel med færre efter end før');
    expect((await app.request('GET', `/effects/reductions?${query}&lang=sv`, { user: auditor })).status).toBe(400);
    expect((await app.request('GET', '/effects/reductions?programme=GANG_CONFLICT_18_25&cohortYear=2011&months=0', { user: auditor })).status).toBe(400);
    expect((await app.request('GET', '/effects/reductions?programme=NOPE&cohortYear=2011', { user: auditor })).status).toBe(400);
    expect((await app.request('GET', `/effects/reductions?${query}`, { user: liaison })).status).toBe(403);
  });

  it('gives a measure as a series over measurement dates, hiding a point that differs by a small group', async () => {
    // The SSP+ cases of the period test above (2011 enrolments, 12-month windows ending in 2012); other
    // tests here enrol in programmes that pick this measure too, hence the programme.
    const asOf = new Date(Date.now() + 1000).toISOString();
    const query = `from=2011-12&to=2012-12&grain=quarter&programme=SSP_PLUS&asOf=${asOf}`;
    const series = await app.request('GET', `/effects/measures/self-sufficiency-12m/series?${query}`, { user: auditor });
    expect(series.status).toBe(200);
    expect(series.body.points.map((p: { measurementDate: string; people: unknown; count: unknown }) => [p.measurementDate, p.people, p.count])).toEqual([
      ['2011-12-31', 0, 0],
      ['2012-03-31', 7, 6],
      ['2012-06-30', 'x', 'x'],
      ['2012-09-30', 12, 11],
      ['2012-12-31', 12, 11],
    ]);
    const csv = await app.request('GET', `/effects/measures/self-sufficiency-12m/series?${query}&format=csv`, { user: auditor });
    expect(csv.body).toContain('self-sufficiency-12m,');
    expect(csv.body).toContain(',SSP_PLUS,quarter,2012-06-30,x,x,');
    const svg = await app.request('GET', `/effects/measures/self-sufficiency-12m/series/chart.svg?${query}`, { user: auditor });
    expect(svg.body).toContain('2012-09-30');
    expect((await app.request('GET', '/effects/measures/staff-knowledge/series?from=2011-01&to=2011-12', { user: auditor })).status).toBe(400);
    expect((await app.request('GET', '/effects/measures/self-sufficiency-12m/series?from=2012-01&to=2011-12', { user: auditor })).status).toBe(400);
  });
});
