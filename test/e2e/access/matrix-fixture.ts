import { randomUUID } from 'node:crypto';
import type { TestApp } from '../../support/test-app';
import { testCitizen, type TestCitizen } from '../../support/citizens';
import { caseIdOfCitizen } from '../../support/referrals';
import type { TestUser } from '../../support/tokens';
import { mayReadCase, mayReadCitizenName, mayReadEntry, mayReadFlow, type CaseFacts, type EntryFacts, type MatrixRole, type MatrixUser } from './access-oracle';
import { copenhagenDate } from '@samvirke/case';

/**
 * The permission matrix's world: three cases of different shapes built over HTTP, the users who
 * look at them, and every piece of text that must only reach some of those users. Every id and
 * text carries this run's tag, so a grep of a response cannot match another test's data.
 *
 * - Case A: referred by a BIF coordinator (BIF is the referral intake, so on it at once), who then
 *   coordinates it; BIF, KBH-POLITI and SOF on it; enrolled in EXIT (sealed identity); shares
 *   BIF→SOF, BIF→KBH-POLITI, a sealed-identity share BIF→SOF, a police share KBH-POLITI→SOF, and a
 *   request BIF→KBH-POLITI.
 * - Case B: referred by SOF, no coordinator (in the intake queue); BIF (the intake) brings SOF and
 *   BUF in without taking the case; BIF, SOF and BUF on it; a share SOF→BUF.
 * - Case C: referred by KBH-FAENGSLER; BIF (the intake) brings OKF in and hands the case to an OKF
 *   coordinator, at which the prison joins; BIF, OKF and KBH-FAENGSLER on it; shares
 *   KBH-FAENGSLER→OKF and OKF→BIF, and a request OKF→KBH-FAENGSLER.
 */
export const AGENCIES = ['BIF', 'SOF', 'BUF', 'KFF', 'OKF', 'KBH-POLITI', 'KRIMINALFORSORGEN', 'KBH-FAENGSLER'] as const;
const ROLES: MatrixRole[] = ['coordinator', 'liaison', 'auditor', 'reference-admin'];
/** A district only the demo scenario uses; the fixture's totals are checked under it. */
export const FIXTURE_DISTRICT = 'AMAGER-VEST-3';

export interface FixtureCase extends CaseFacts {
  label: 'A' | 'B' | 'C';
  citizen: TestCitizen;
  openStatus: 'open' | 'closed';
  level: number;
  programmes: string[];
  /** Acts for the case when the matrix needs a neutral writer (the ack target, a repair). */
  owner: MatrixUser;
  entries: Array<EntryFacts & { entryId: string; token: string }>;
  requests: Array<EntryFacts & { requestId: string; token: string }>;
  /** Case-level text anyone who sees the case may read. */
  entryPointEmail: string;
}

/** Text that must appear in a response only when `visibleTo` says so. */
export interface Secret {
  token: string;
  what: string;
  visibleTo(user: MatrixUser): boolean;
}

export interface Fixture {
  tag: string;
  cases: FixtureCase[];
  users: MatrixUser[];
  secrets: Secret[];
  /** The position of the last write: pass as consistentWith once. */
  lastPosition: string;
}

export function matrixUsers(tag: string, caseA: string): { users: MatrixUser[]; coordA: MatrixUser; coordC: MatrixUser } {
  const users: MatrixUser[] = [];
  for (const agency of AGENCIES) {
    for (const role of ROLES) users.push({ label: `${agency} ${role}`, userId: `${role}-${agency.toLowerCase()}-${tag}`, agency, roles: [role] });
  }
  const coordA: MatrixUser = { label: 'BIF coordinator of case A', userId: `coord-a-${tag}`, agency: 'BIF', roles: ['coordinator'] };
  const coordC: MatrixUser = { label: 'OKF coordinator of case C', userId: `coord-c-${tag}`, agency: 'OKF', roles: ['coordinator'] };
  users.push(
    coordA,
    coordC,
    { label: 'SOF liaison named on case A', userId: `named-sof-${tag}`, agency: 'SOF', roles: ['liaison'], namedAccess: [caseA] },
    { label: 'KFF liaison named on case A (agency not on A)', userId: `named-kff-${tag}`, agency: 'KFF', roles: ['liaison'], namedAccess: [caseA] },
    { label: 'KBH-FAENGSLER coordinator+liaison', userId: `multi-kbhf-${tag}`, agency: 'KBH-FAENGSLER', roles: ['coordinator', 'liaison'] },
  );
  return { users, coordA, coordC };
}

export function asTestUser(user: MatrixUser): TestUser {
  return { userId: user.userId, agency: user.agency, roles: [...user.roles], ...(user.namedAccess ? { namedAccess: [...user.namedAccess] } : {}) };
}

const today = () => copenhagenDate(new Date());

/** `databaseUrl`: the database the app writes to (the CPR lookup of its referrals is there). */
export async function buildFixture(api: TestApp, databaseUrl: string): Promise<Fixture> {
  const tag = randomUUID().replace(/-/g, '').slice(0, 10);
  let lastPosition = '';
  const write = async (method: string, path: string, user: MatrixUser, body?: unknown) => {
    const response = await api.request(method, path, { user: asTestUser(user), body });
    if (response.status !== 200 && response.status !== 201 && !(path === '/cases' && response.status === 202)) {
      throw new Error(`fixture: ${user.label} ${method} ${path} → ${response.status} ${JSON.stringify(response.body)}`);
    }
    if (response.status !== 202) lastPosition = response.body.position as string;
    return response.body as { caseId: string; position: string };
  };
  const builder = (label: string, agency: string, role: MatrixRole): MatrixUser => ({
    label,
    userId: `builder-${label.replace(/\W+/g, '-')}-${tag}`,
    agency,
    roles: [role],
  });
  const policeBuilder = builder('police liaison', 'KBH-POLITI', 'liaison');
  const sofBuilder = builder('SOF intake coordinator', 'SOF', 'coordinator');
  const prisonCoordinator = builder('prison coordinator', 'KBH-FAENGSLER', 'coordinator');
  const prisonLiaison = builder('prison liaison', 'KBH-FAENGSLER', 'liaison');
  const intakeCoordinator = builder('BIF intake coordinator', 'BIF', 'coordinator');

  // A referral answers 202 with no case id: the case is found by the CPR, as the system finds it.
  const open = async (user: MatrixUser, citizen: TestCitizen) => {
    await write('POST', '/cases', user, {
      cpr: citizen.cpr,
      name: citizen.name,
      birthDate: citizen.birthDate,
      districtCode: FIXTURE_DISTRICT,
      reason: `Henvisning REASON-${tag}`,
    });
    return await caseIdOfCitizen(citizen.cpr, databaseUrl);
  };
  const share = async (caseId: string, user: MatrixUser, label: string, sharedWith: string[], sensitivity: EntryFacts['sensitivity'] = 'normal') => {
    const entryId = randomUUID();
    const token = `ENTRY-${label}-${tag}`;
    await write('POST', `/cases/${caseId}/entries`, user, {
      entryId,
      sharedWith,
      legalBasis: 'RPL115-1-1',
      purpose: 'crime-prevention',
      sensitivity,
      summary: `Oplysning ${token}`,
    });
    return { entryId, token, caseId, authorAgency: user.agency, sharedWith, sensitivity };
  };
  const request = async (caseId: string, user: MatrixUser, label: string, toAgency: string) => {
    const requestId = randomUUID();
    const token = `QUESTION-${label}-${tag}`;
    const dueDate = copenhagenDate(new Date(Date.now() + 7 * 86_400_000));
    await write('POST', `/cases/${caseId}/requests`, user, { requestId, toAgency, question: `Spørgsmål ${token}`, dueDate, legalBasis: 'RPL115-1-1' });
    return { requestId, token, caseId, authorAgency: user.agency, sharedWith: [toAgency], sensitivity: 'normal' as const };
  };
  const entryPoint = (label: string) => ({ unit: `Enhed ${label}`, phone: '+45 3333 0000', email: `ep-${label.toLowerCase()}-${tag}@example.org` });

  // Case A: the BIF coordinator opens it (their agency's intake) and takes it.
  const citizenA = testCitizen(2004);
  // Named access names a case id, which exists only once case A is opened: the users are made
  // first (coord-a opens the case) and the named ones pointed at case A right after.
  const { users, coordA, coordC } = matrixUsers(tag, 'case-a-not-open-yet');
  const caseA = await open(coordA, citizenA);
  for (const user of users.filter((candidate) => candidate.namedAccess)) user.namedAccess = [caseA];
  await write('POST', `/cases/${caseA}/coordinator`, coordA, { coordinatorId: coordA.userId, agency: 'BIF' });
  await write('POST', `/cases/${caseA}/assessments`, coordA, { level: 3, rationale: 'Gentagen kriminalitet', assessedOn: today() });
  await write('POST', `/cases/${caseA}/agencies/KBH-POLITI`, coordA, { entryPoint: entryPoint('A') });
  await write('POST', `/cases/${caseA}/agencies/SOF`, coordA, {});
  await write('POST', `/cases/${caseA}/programmes`, coordA, { programmeCode: 'EXIT', startedOn: today() });
  const entriesA = [
    await share(caseA, coordA, 'A1-BIF-SOF', ['SOF']),
    await share(caseA, coordA, 'A2-BIF-POLITI', ['KBH-POLITI']),
    await share(caseA, coordA, 'A3-SEALED-BIF-SOF', ['SOF'], 'sealed-identity'),
    await share(caseA, policeBuilder, 'A4-POLITI-SOF', ['SOF']),
  ];
  const requestsA = [await request(caseA, coordA, 'A-BIF-POLITI', 'KBH-POLITI')];

  // Case B: in the intake queue; nobody coordinates it. The intake brings SOF (the referrer) and BUF in.
  const citizenB = testCitizen(2004);
  const caseB = await open(sofBuilder, citizenB);
  await write('POST', `/cases/${caseB}/agencies/SOF`, intakeCoordinator, {});
  await write('POST', `/cases/${caseB}/assessments`, sofBuilder, { level: 4, rationale: 'Vold', assessedOn: today() });
  await write('POST', `/cases/${caseB}/agencies/BUF`, sofBuilder, { entryPoint: entryPoint('B') });
  const entriesB = [await share(caseB, sofBuilder, 'B1-SOF-BUF', ['BUF'])];

  // Case C: the prison refers it; the intake (BIF) brings OKF in and hands it to an OKF coordinator,
  // at which the prison joins.
  const citizenC = testCitizen(2004);
  const caseC = await open(prisonCoordinator, citizenC);
  await write('POST', `/cases/${caseC}/agencies/OKF`, intakeCoordinator, { entryPoint: entryPoint('C') });
  await write('POST', `/cases/${caseC}/coordinator`, intakeCoordinator, { coordinatorId: coordC.userId, agency: 'OKF' });
  await write('POST', `/cases/${caseC}/assessments`, coordC, { level: 3, rationale: 'Løsladelse nærmer sig', assessedOn: today() });
  const entriesC = [await share(caseC, prisonLiaison, 'C1-FAENGSLER-OKF', ['OKF']), await share(caseC, coordC, 'C2-OKF-BIF', ['BIF'])];
  const requestsC = [await request(caseC, coordC, 'C-OKF-FAENGSLER', 'KBH-FAENGSLER')];

  const cases: FixtureCase[] = [
    {
      label: 'A',
      caseId: caseA,
      citizen: citizenA,
      agencies: ['BIF', 'KBH-POLITI', 'SOF'],
      coordinatorId: coordA.userId,
      identitySealed: true,
      openStatus: 'open',
      level: 3,
      programmes: ['EXIT'],
      owner: coordA,
      entries: entriesA,
      requests: requestsA,
      entryPointEmail: entryPoint('A').email,
    },
    {
      label: 'B',
      caseId: caseB,
      citizen: citizenB,
      agencies: ['BIF', 'SOF', 'BUF'],
      coordinatorId: null,
      identitySealed: false,
      openStatus: 'open',
      level: 4,
      programmes: [],
      owner: sofBuilder,
      entries: entriesB,
      requests: [],
      entryPointEmail: entryPoint('B').email,
    },
    {
      label: 'C',
      caseId: caseC,
      citizen: citizenC,
      agencies: ['BIF', 'OKF', 'KBH-FAENGSLER'],
      coordinatorId: coordC.userId,
      identitySealed: false,
      openStatus: 'open',
      level: 3,
      programmes: [],
      owner: coordC,
      entries: entriesC,
      requests: requestsC,
      entryPointEmail: entryPoint('C').email,
    },
  ];
  return { tag, cases, users, secrets: secretsOf(cases, tag), lastPosition };
}

function secretsOf(cases: FixtureCase[], tag: string): Secret[] {
  const secrets: Secret[] = [];
  for (const facts of cases) {
    const caseLevel = (user: MatrixUser) => mayReadCase(user, facts);
    const name = (user: MatrixUser) => mayReadCitizenName(user, facts);
    secrets.push(
      { token: facts.caseId, what: `case ${facts.label} id`, visibleTo: caseLevel },
      { token: facts.entryPointEmail, what: `case ${facts.label} entry point`, visibleTo: caseLevel },
      { token: facts.citizen.name, what: `case ${facts.label} citizen name`, visibleTo: name },
      { token: facts.citizen.cpr, what: `case ${facts.label} CPR`, visibleTo: name },
      { token: facts.citizen.cpr.replace('-', ''), what: `case ${facts.label} CPR`, visibleTo: name },
    );
    for (const entry of facts.entries) {
      const visibleTo = (user: MatrixUser) => mayReadEntry(user, facts, entry);
      // The id travels with the exchange's flow (who sent what to whom, when), which the case's own
      // coordinator sees for every exchange; the text only with the entry.
      const flowVisibleTo = (user: MatrixUser) => mayReadFlow(user, facts, entry);
      secrets.push(
        { token: entry.token, what: `summary of ${entry.token}`, visibleTo },
        { token: entry.entryId, what: `id of ${entry.token}`, visibleTo: flowVisibleTo },
      );
    }
    for (const request of facts.requests) {
      const visibleTo = (user: MatrixUser) => mayReadEntry(user, facts, request);
      const flowVisibleTo = (user: MatrixUser) => mayReadFlow(user, facts, request);
      secrets.push(
        { token: request.token, what: `question ${request.token}`, visibleTo },
        { token: request.requestId, what: `id of ${request.token}`, visibleTo: flowVisibleTo },
      );
    }
  }
  // The opening reason is case-level text; every case shares the tag, so it is only checked as "no case visible".
  secrets.push({ token: `REASON-${tag}`, what: 'an opening reason', visibleTo: (user) => cases.some((facts) => mayReadCase(user, facts)) });
  return secrets;
}

/** Every secret the user must not see that appears in `json`, with `echoed` (ids the caller sent) removed first. */
export function leaksIn(json: string, user: MatrixUser, secrets: Secret[], echoed: string[] = []): string[] {
  let text = json;
  for (const id of echoed) text = text.split(id).join('<requested-id>');
  return secrets.filter((secret) => !secret.visibleTo(user) && text.includes(secret.token)).map((secret) => secret.what);
}
