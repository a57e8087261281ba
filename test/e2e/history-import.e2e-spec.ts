import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadReferenceData } from '@samvirke/reference-data';
import { baseEnv } from '../support/api-process';
import { runCli } from '../support/cli-process';
import { generateHistory, historyCsv } from '../support/history-generator';
import { createOwnDatabase, type OwnDatabase } from '../support/own-database';
import { startTestApp, type TestApp } from '../support/test-app';
import { testPrivacyEnv } from '../support/test-privacy';

/**
 * The acceptance test of issue 22's history: a generated history of 2,000 citizens imported with
 * `npm run cli -- import-history` into a database of its own (real CLI process, real PostgreSQL),
 * a rerun that appends nothing, the rows refused and why, and then the effect reports over it
 * against figures computed independently from the generated facts (history-generator.ts).
 */
describe('bulk import of history, then the reports (e2e)', () => {
  const CITIZENS = 2_000;
  const refData = loadReferenceData();
  const districtCodes = [...refData.districts.values()].filter((d) => d.geography === 'KK-10-BYDELE').map((d) => d.code);
  const history = generateHistory(CITIZENS, districtCodes);
  const dataDir = mkdtempSync(join(tmpdir(), 'samvirke-history-'));
  const file = join(dataDir, 'history.csv');
  const report = join(dataDir, 'refused.json');
  const auditor = { userId: 'auditor-history', agency: 'OKF', roles: ['auditor' as const] };
  // Three rows the rules must refuse, of two citizens of their own: each is reported, none stops the import.
  const extraCpr = '0101990999';
  const badRows = [
    { cpr: '0202990998', agency: 'BIF', command: 'EnrolInProgramme', data: { programmeCode: 'SSP_PLUS', startedOn: '2019-05-05' } },
    {
      cpr: extraCpr,
      agency: 'BIF',
      command: 'OpenCase',
      data: { name: 'Sen Borger', birthDate: '1999-01-01', districtCode: 'VALBY-2', reason: 'Historisk sag' },
    },
    { cpr: extraCpr, agency: 'BIF', command: 'RegisterSelfSufficiency', data: { reachedOn: '2999-01-01', through: 'employment' } },
    { cpr: extraCpr, agency: 'BIF', command: 'PlaceLegalHold', data: {} },
  ];
  let database: OwnDatabase;
  let app: TestApp | undefined;

  beforeAll(async () => {
    database = await createOwnDatabase('history_import');
    writeFileSync(file, historyCsv([...history.rows, ...badRows]));
  });
  afterAll(async () => {
    await app?.close();
    await database?.drop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('imports 2,000 citizens through the rules, reports the refused rows, skips everything on a rerun, and the reports over it match figures computed independently', async () => {
    // The test app's keys: the import seals birth dates and districts that its projections must open (issue 21).
    const env = { ...baseEnv(), ...testPrivacyEnv(), DATA_DIR: dataDir, DATABASE_URL: database.url };
    const rows = history.rows.length + badRows.length;
    const first = await runCli(['import-history', file, '--report', report], env, 900_000);
    expect(first.stderr).toContain(`${rows}/${rows} rows`);
    expect(first.stdout.split('\n')[0]).toMatch(
      new RegExp(`^imported ${history.rows.length + 1} rows for ${CITIZENS + 2} citizens in [\\d.]+ s; 0 were already there; 3 refused$`),
    );
    const refused = JSON.parse(readFileSync(report, 'utf8')).refused as { at: string; command: string; reason: string; field?: string }[];
    const lineOf = (index: number) => `line ${history.rows.length + 2 + index}`;
    expect(refused).toEqual([
      expect.objectContaining({ at: lineOf(0), command: 'EnrolInProgramme', reason: 'CASE_NOT_FOUND' }),
      expect.objectContaining({ at: lineOf(2), command: 'RegisterSelfSufficiency', reason: 'DATE_IN_FUTURE', field: 'reachedOn' }),
      expect.objectContaining({ at: lineOf(3), command: 'PlaceLegalHold', reason: 'COMMAND_NOT_IMPORTABLE', field: 'command' }),
    ]);
    expect(first.stdout).toContain(`${lineOf(2)} RegisterSelfSufficiency: DATE_IN_FUTURE (reachedOn)`);
    expect(first.code).toBe(65);

    // Resumable: the same file again appends nothing (the refused rows are refused again).
    const again = await runCli(['import-history', file], env, 900_000);
    expect(again.stdout.split('\n')[0]).toMatch(
      new RegExp(`^imported 0 rows for ${CITIZENS + 2} citizens in [\\d.]+ s; ${history.rows.length + 1} were already there; 3 refused$`),
    );

    app = await startTestApp({ databaseUrl: database.url });
    // The read models catch up with the imported events in the background: read at least as far as the store's head.
    const head = await app.store.headPosition();
    const measure = async (code: string, query: string) => {
      const response = await app!.request('GET', `/effects/measures/${code}?measurementDate=2023-01-01&consistentWith=${head}${query}`, { user: auditor });
      expect(response.status).toBe(200);
      return response.body;
    };

    const selfSufficiency = await measure('self-sufficiency-12m', '&by=cityDistrict');
    const expected = new Map<string, { people: number; count: number }>();
    for (const person of history.people) {
      const district = refData.districts.get(person.districtCode)!;
      const key = `${district.geography}/${district.cityDistrict}`;
      const cell = expected.get(key) ?? { people: 0, count: 0 };
      expected.set(key, { people: cell.people + 1, count: cell.count + (person.selfSufficientAt12m ? 1 : 0) });
    }
    // The citizen of the refused rows: opened, never enrolled, so in no cohort.
    expect(selfSufficiency.total).toMatchObject({ people: CITIZENS, count: history.people.filter((p) => p.selfSufficientAt12m).length });
    expect(
      Object.fromEntries(selfSufficiency.cells.map((c: { key: string; people: number; count: number }) => [c.key, { people: c.people, count: c.count }])),
    ).toEqual(Object.fromEntries(expected));
    // Every district opened: nobody in an "unknown" city district, so no note about one.
    expect(selfSufficiency.note).toBeNull();

    // Readable labels in Danish: the city district's name beside its key, the same figures.
    const danish = await measure('self-sufficiency-12m', '&by=cityDistrict&lang=da');
    expect(danish).toMatchObject({
      lang: 'da',
      measure: { title: 'Selvforsørgende 12 måneder efter indskrivning' },
      total: selfSufficiency.total,
      cells: selfSufficiency.cells,
    });
    expect(danish.labels).toMatchObject({ total: 'I alt', 'KK-10-BYDELE/VALBY': 'Valby', 'KK-10-BYDELE/OSTERBRO': 'Østerbro' });
    const csv = await app.request('GET', `/effects/measures/self-sufficiency-12m?measurementDate=2023-01-01&by=cityDistrict&lang=en&format=csv`, {
      user: auditor,
    });
    expect(csv.body.split('\r\n')[0]).toMatch(/,median,label$/);
    expect(csv.body).toMatch(/,cityDistrict,KK-10-BYDELE\/VALBY,\d+,\d+,[\d.]+,,Valby\r\n/);

    const delays = await measure('information-delay', '');
    expect(delays.total).toMatchObject({ people: CITIZENS, count: history.people.filter((p) => p.lateInformation).length });
  }, 1_200_000);
});
