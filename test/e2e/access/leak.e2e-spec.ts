import { randomUUID } from 'node:crypto';
import { copenhagenDate } from '@samvirke/case';
import type { HttpAnswer } from '../../support/api-child';
import { testCitizen, type TestCitizen } from '../../support/citizens';
import { isOnlyAuditor, mayReadCase, mayReadEntry, type MatrixUser } from './access-oracle';
import { asTestUser, buildFixture, FIXTURE_DISTRICT, leaksIn, type Fixture, type FixtureCase } from './matrix-fixture';
import { startLeakApi, type CaseState, type LeakApi } from './leak-api';
import { differences, groupFindings, type Finding } from './leak-findings';
import { writeTable } from './matrix-write-table';
import {
  operationsOf,
  referenceListFor,
  resolve,
  valueFor,
  variantsOf,
  variantValues,
  type OpenApiDocument,
  type Operation,
  type ValueContext,
} from './openapi-requests';

/**
 * Issue 15's leak test, generated from the OpenAPI document of the running (built) API: every
 * operation x every user of the permission matrix's world (every agency x role, plus coordinators of
 * a case, named access and a two-role user) x (a case the user is on, a case it is not on, a case
 * that does not exist). A new endpoint is covered by being in the document.
 *
 * It holds the API to three promises:
 * 1. A case you may not see answers exactly as a case that does not exist: same status, same body
 *    (with the ids you sent masked), same headers (less the per-request ones, leak-findings.ts).
 *    Within a case you see, the same holds for an entry or request you may not see against one
 *    that does not exist. A request naming a citizen by CPR answers the same status whether that
 *    citizen has a case you cannot see or none at all.
 * 2. No answer carries what the caller may not see: names, CPR numbers, entry and request texts,
 *    entry points, ids of cases, entries and requests (matrix-fixture.ts's secrets).
 * 3. No write to a hidden case, or to a hidden entry, changes anything: not the case stream's
 *    revision, not the citizen's keys, not any read model's rows of the case.
 *
 * Requests are valid (openapi-requests.ts), so they reach authorization: a permitted caller's
 * write to a case it is on that is refused with 400 is a failure of this test's generator, and is
 * reported as one, since a 400 for both a hidden and a missing case proves nothing.
 *
 * Reads go to every fixture case; writes, to keep the run to a few thousand requests, go to one
 * case the user is on and one it is not on. Writes to hidden cases run first, on the intact world;
 * writes to the user's own case run last, since those are allowed to change it.
 */
const CONCURRENCY = 6;
const ENTRY_PARAMS = ['entryId', 'requestId'] as const;

type Situation = 'on' | 'hidden' | 'missing' | 'hidden entry' | 'missing entry';

interface Target {
  situation: Situation;
  caseId: string;
  facts?: FixtureCase;
  citizen?: TestCitizen;
  /** Ids for path parameters other than caseId (entryId, holdId, ...), when the case has one. */
  ids: Record<string, string>;
}

interface Sent {
  method: string;
  path: string;
  body?: unknown;
  /** Every value the request carries that the answer may name back, with a placeholder. */
  values: Map<string, string>;
}

async function inPool<T>(tasks: Array<() => Promise<T>>, size = CONCURRENCY): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(size, tasks.length) }, async () => {
      while (next < tasks.length) await tasks[next++]();
    }),
  );
}

/** Stands for no user in particular, for a change seen only after all the writes. */
const EVERYONE: MatrixUser = { label: 'the writes above together', userId: '-', agency: '-', roles: [] };

/** Which columns differ between two canonical row lists of a read model (or that rows came or went). */
function changedColumns(before: string, after: string): string {
  const rows = (json: string) => (JSON.parse(json) as string[]).map((row) => JSON.parse(row) as Record<string, unknown>);
  const a = rows(before);
  const b = rows(after);
  if (a.length !== b.length) return `${a.length} rows before, ${b.length} after`;
  const columns = new Set<string>();
  a.forEach((row, i) => Object.keys(row).forEach((column) => JSON.stringify(row[column]) !== JSON.stringify(b[i][column]) && columns.add(column)));
  return [...columns].sort().join(', ');
}

const isAllowedWriter = (user: MatrixUser) => user.roles.includes('coordinator') || user.roles.includes('liaison');
const routeMissing = (answer: HttpAnswer) => answer.status === 404 && /^Cannot [A-Z]+ /.test(String((answer.body as { message?: unknown })?.message ?? ''));

describe('leak test: every OpenAPI operation x every user x (case on, hidden, missing)', () => {
  let api: LeakApi;
  let fixture: Fixture;
  let doc: OpenApiDocument;
  let operations: Operation[];
  const referenceCodes = new Map<string, string[]>();
  /** Ids of sub-resources made on each fixture case (actionId, holdId, ...), by case id. */
  const subResources = new Map<string, Record<string, string>>();
  /** Values for path parameters that name an item of a collection (/reference-data/{list}). */
  const collectionValues = new Map<string, string>();
  const findings: Finding[] = [];
  const reachedAuthorization = new Set<string>();
  const counts = { requests: 0, comparisons: 0, leakChecks: 0, stateChecks: 0 };
  const notes: string[] = [];
  const today = copenhagenDate(new Date());

  const find = (operation: string, situation: string, user: MatrixUser, difference: string) => findings.push({ operation, situation, user, difference });

  beforeAll(async () => {
    api = await startLeakApi();
    fixture = await buildFixture(api.asTestApp(), api.child.databaseUrl);
    const document = await api.request('GET', '/docs/openapi.json');
    if (document.status !== 200) throw new Error(`GET /docs/openapi.json → ${document.status}`);
    doc = document.body as OpenApiDocument;
    operations = operationsOf(doc);
    const auditor = fixture.users.find((user) => isOnlyAuditor(user)) as MatrixUser;

    // Reference codes, by list: the generator draws agency, programme, district, ... codes from them.
    const index = await api.request('GET', '/reference-data', { user: asTestUser(auditor) });
    for (const list of (index.body as { lists: Array<{ name: string; href: string }> }).lists) {
      const answer = await api.request('GET', list.href, { user: asTestUser(auditor) });
      const listed = (answer.body as { items?: unknown })?.items;
      const items = Array.isArray(listed) ? (listed as Array<{ code?: unknown }>) : [];
      referenceCodes.set(
        list.name,
        items.map((item) => item.code).filter((code): code is string => typeof code === 'string'),
      );
    }

    // A path parameter that is neither an id nor a reference code names an item of the collection
    // one level up (/reference-data/{list}, /effects/measures/{code}): take the collection's first.
    for (const operation of operations) {
      for (const parameter of operation.pathParams) {
        if (parameter.name === 'caseId' || /Id$/.test(parameter.name) || referenceListFor(parameter.name, referenceCodes.keys())) continue;
        const parent = operation.template.slice(0, operation.template.indexOf(`/{${parameter.name}}`));
        if (collectionValues.has(`${parent} ${parameter.name}`) || !doc.paths[parent]?.get) continue;
        const answer = await api.request('GET', parent, { user: asTestUser(auditor) });
        const value = firstItemValue(answer.body, parameter.name);
        if (value) collectionValues.set(`${parent} ${parameter.name}`, value);
        else notes.push(`no value for {${parameter.name}} from GET ${parent} (${answer.status})`);
      }
    }

    // Sub-resources: for each id a path names (actionId, holdId, ...), the write that creates one
    // with a body field of that name, run once on each fixture case by its owner. Entries and
    // requests come from the fixture, which knows who may see each.
    const idParams = new Set(
      operations.flatMap((operation) => operation.pathParams.map((parameter) => parameter.name)).filter((name) => /Id$/.test(name) && name !== 'caseId'),
    );
    for (const name of idParams) {
      if ((ENTRY_PARAMS as readonly string[]).includes(name)) continue;
      if ([...ABSENT_PATH_VALUES.values()].some((params) => name in params)) continue; // one nobody has, from the write table
      const creator = operations.find(
        (operation) =>
          operation.method === 'POST' &&
          operation.pathParams.length === 1 &&
          operation.pathParams[0].name === 'caseId' &&
          (resolve(operation.body, doc).required ?? []).includes(name),
      );
      if (!creator) {
        notes.push(`no operation creates a {${name}}: random ids only`);
        continue;
      }
      for (const facts of fixture.cases) {
        const request = buildRequest(creator, facts.owner, { situation: 'on', caseId: facts.caseId, facts, ids: {} });
        const id = [...request.values].find(([, placeholder]) => placeholder === `<${name}>`)?.[0];
        const answer = await api.request(request.method, request.path, { user: asTestUser(facts.owner), body: request.body });
        if (answer.status >= 300 || !id) notes.push(`${creator.id} as the owner of case ${facts.label} → ${answer.status}: {${name}} is a random id there`);
        else subResources.set(facts.caseId, { ...subResources.get(facts.caseId), [name]: id });
      }
    }

    // One consistent read, so every later read sees the whole fixture.
    const position = fixture.lastPosition;
    for (const facts of fixture.cases) {
      const answer = await api.request('GET', `/cases/${facts.caseId}?consistentWith=${position}`, { user: asTestUser(auditor) });
      if (answer.status !== 200) throw new Error(`read models did not catch up: ${answer.status}`);
    }
    if (!(await api.projectionsCaughtUp())) notes.push('projections had not caught up before the reads');
  }, 180_000);

  afterAll(async () => {
    await api?.dispose();
    const writes = operations?.filter((operation) => operation.isWrite).length ?? 0;
    // eslint-disable-next-line no-console
    console.log(
      `leak test: ${operations?.length ?? 0} operations (${writes} writes), ${reachedAuthorization.size} writes reached authorization with a valid body; ` +
        `${counts.requests} requests, ${counts.comparisons} hidden-vs-missing comparisons, ${counts.leakChecks} answers checked for leaks, ` +
        `${counts.stateChecks} writes to hidden cases or entries checked for changes; ${groupFindings(findings).length} difference groups` +
        (notes.length > 0 ? `\nnotes:\n  ${notes.join('\n  ')}` : ''),
    );
  });

  /**
   * Path values of writes outside any case that must find nothing, as the write table names them (its
   * rows whose params name nothing anybody has: a notification, a dead letter, a case). A value taken
   * from a list instead (a notification listed for the auditor is a unit's, and so every colleague's)
   * made the writes' run depend on what other tests had left on the shared database.
   */
  const ABSENT_PATH_VALUES = new Map(
    Object.entries(writeTable()).flatMap(([key, row]) =>
      row.kind === 'not-a-case' && row.paramsNameNothing && row.params ? [[key, row.params] as const] : [],
    ),
  );

  function firstItemValue(body: unknown, name: string): string | undefined {
    const arrays = body && typeof body === 'object' ? Object.values(body as Record<string, unknown>).filter(Array.isArray) : [];
    const first = (arrays[0] as Array<Record<string, unknown>> | undefined)?.[0];
    const value = first?.[name] ?? first?.['code'] ?? first?.['name'] ?? first?.['id'];
    return typeof value === 'string' ? value : undefined;
  }

  function context(user: MatrixUser, target: Target, values: Map<string, string>, variant: Record<string, string> = {}): ValueContext {
    const ctx: ValueContext = {
      tag: fixture.tag,
      today,
      callerUserId: user.userId,
      callerAgency: user.agency,
      caseAgencies: target.facts?.agencies ?? [],
      referenceCodes,
      citizen: target.citizen,
      uuid(field) {
        const id = randomUUID();
        values.set(id, `<${field}>`);
        return id;
      },
    };
    ctx.variant = variantValues(variant, ctx);
    return ctx;
  }

  function buildRequest(operation: Operation, user: MatrixUser, target: Target, variant: Record<string, string> = {}): Sent {
    const values = new Map<string, string>();
    const ctx = context(user, target, values, variant);
    const pathValue = (name: string): string => {
      if (name === 'caseId') return target.caseId;
      if (target.ids[name]) return target.ids[name];
      const absent = ABSENT_PATH_VALUES.get(operation.id)?.[name];
      if (absent !== undefined) return absent;
      if (/Id$/.test(name)) return randomUUID();
      const list = referenceListFor(name, referenceCodes.keys());
      if (list === 'programmes' && target.facts?.programmes.length) return target.facts.programmes[0];
      if (list) return String(valueFor({ type: 'string' }, doc, ctx, name));
      const parent = operation.template.slice(0, operation.template.indexOf(`/{${name}}`));
      return collectionValues.get(`${parent} ${name}`) ?? 'x';
    };
    let path = operation.template.replace(/\{(\w+)\}/g, (_, name: string) => {
      const value = pathValue(name);
      values.set(value, `<${name}>`);
      return encodeURIComponent(value);
    });
    const query = new URLSearchParams();
    for (const parameter of operation.queryParams) {
      const value =
        parameter.name === 'caseId'
          ? target.caseId
          : parameter.name === 'district'
            ? FIXTURE_DISTRICT
            : String(valueFor(parameter.schema, doc, ctx, parameter.name));
      if (value === undefined) continue;
      if (parameter.name === 'caseId') values.set(value, '<caseId>');
      query.set(parameter.name, value);
    }
    if ([...query.keys()].length > 0) path += `?${query}`;
    const body = operation.body ? valueFor(operation.body, doc, ctx) : undefined;
    if (target.citizen) {
      values.set(target.citizen.cpr, '<cpr>');
      values.set(target.citizen.name, '<name>');
    }
    return { method: operation.method, path, body, values };
  }

  async function send(user: MatrixUser, request: Sent): Promise<HttpAnswer> {
    counts.requests++;
    return api.request(request.method, request.path, { user: asTestUser(user), body: request.body });
  }

  function checkLeaks(operation: string, situation: string, user: MatrixUser, answer: HttpAnswer, request: Sent): void {
    counts.leakChecks++;
    // What the caller sent may come back (an id it named); everything else it may not see must not.
    const echoed = [...request.values.keys()].filter((value) => value.length >= 8);
    for (const what of leaksIn(answer.text, user, fixture.secrets, echoed)) find(operation, situation, user, `answer (${answer.status}) carries ${what}`);
  }

  function compare(
    label: string,
    situation: string,
    user: MatrixUser,
    hidden: { answer: HttpAnswer; request: Sent },
    missing: { answer: HttpAnswer; request: Sent },
  ): void {
    counts.comparisons++;
    if (hidden.answer.status === 400 && missing.answer.status === 400) {
      find(label, situation, user, 'both refused with 400: the generated request does not pass validation, the comparison proves nothing');
      return;
    }
    for (const difference of differences(hidden.answer, hidden.request.values, missing.answer, missing.request.values))
      find(label, `${situation} vs missing`, user, difference);
  }

  const entryParam = (operation: Operation) =>
    operation.pathParams.find((parameter) => (ENTRY_PARAMS as readonly string[]).includes(parameter.name))?.name as (typeof ENTRY_PARAMS)[number] | undefined;

  /** The entries (or requests) of a case, with whether `user` may see each. */
  function itemsOf(facts: FixtureCase, param: (typeof ENTRY_PARAMS)[number], user: MatrixUser): Array<{ id: string; visible: boolean; toUser: boolean }> {
    const items =
      param === 'entryId'
        ? facts.entries.map((entry) => ({ ...entry, id: entry.entryId }))
        : facts.requests.map((request) => ({ ...request, id: request.requestId }));
    return items.map((item) => ({ id: item.id, visible: mayReadEntry(user, facts, item), toUser: item.sharedWith.includes(user.agency) }));
  }

  /** The target for a fixture case as `user` meets it. */
  function caseTarget(operation: Operation, user: MatrixUser, facts: FixtureCase): Target {
    const ids: Record<string, string> = { ...subResources.get(facts.caseId) };
    const param = entryParam(operation);
    if (param) {
      const items = itemsOf(facts, param, user);
      // On a case the user sees: an item addressed to them if there is one (what they may act on).
      const chosen = items.find((item) => item.visible && item.toUser) ?? items.find((item) => item.visible) ?? items[0];
      if (chosen) ids[param] = chosen.id;
    }
    return { situation: mayReadCase(user, facts) ? 'on' : 'hidden', caseId: facts.caseId, facts, ids };
  }

  const missingTarget = (): Target => ({ situation: 'missing', caseId: randomUUID(), ids: {} });

  /** Within a case the user sees, an entry or request it may not see, and one that does not exist. */
  function entryTargets(operation: Operation, user: MatrixUser, facts: FixtureCase): { hidden: Target; missing: Target } | undefined {
    const param = entryParam(operation);
    if (!param || !mayReadCase(user, facts)) return undefined;
    const hiddenItem = itemsOf(facts, param, user).find((item) => !item.visible);
    if (!hiddenItem) return undefined;
    const base = { caseId: facts.caseId, facts };
    return {
      hidden: { ...base, situation: 'hidden entry', ids: { ...subResources.get(facts.caseId), [param]: hiddenItem.id } },
      missing: { ...base, situation: 'missing entry', ids: { ...subResources.get(facts.caseId), [param]: randomUUID() } },
    };
  }

  const label = (operation: Operation, variant: Record<string, string>) =>
    Object.keys(variant).length === 0
      ? operation.id
      : `${operation.id} (${Object.entries(variant)
          .map(([field, value]) => `${field}=${value}`)
          .join(', ')})`;

  let reported = 0;
  function failWithFindings(): void {
    const lines = groupFindings(findings.slice(reported));
    reported = findings.length;
    if (lines.length > 0) throw new Error(`${lines.length} difference groups:\n${lines.join('\n')}`);
  }

  it('reads: a hidden case or entry answers as a missing one, and no answer carries what the caller may not see', async () => {
    const reads = operations.filter((operation) => !operation.isWrite);
    expect(reads.length).toBeGreaterThan(10);
    const tasks: Array<() => Promise<void>> = [];
    for (const user of fixture.users) {
      for (const operation of reads) {
        if (!operation.caseScoped) {
          tasks.push(async () => {
            const request = buildRequest(operation, user, missingTarget());
            checkLeaks(operation.id, 'no case', user, await send(user, request), request);
          });
          continue;
        }
        tasks.push(async () => {
          const missingRequest = buildRequest(operation, user, missingTarget());
          const missing = { request: missingRequest, answer: await send(user, missingRequest) };
          checkLeaks(operation.id, 'missing', user, missing.answer, missingRequest);
          for (const facts of fixture.cases) {
            const target = caseTarget(operation, user, facts);
            const request = buildRequest(operation, user, target);
            const answer = await send(user, request);
            checkLeaks(operation.id, `${target.situation} case ${facts.label}`, user, answer, request);
            if (target.situation === 'hidden') compare(operation.id, 'hidden case', user, { answer, request }, missing);
            const entries = entryTargets(operation, user, facts);
            if (entries) {
              const hiddenRequest = buildRequest(operation, user, entries.hidden);
              const missingEntryRequest = buildRequest(operation, user, entries.missing);
              const hidden = { request: hiddenRequest, answer: await send(user, hiddenRequest) };
              const missingEntry = { request: missingEntryRequest, answer: await send(user, missingEntryRequest) };
              checkLeaks(operation.id, 'hidden entry', user, hidden.answer, hiddenRequest);
              compare(operation.id, 'hidden entry', user, hidden, missingEntry);
            }
          }
        });
      }
    }
    await inPool(tasks);
    failWithFindings();
  }, 240_000);

  it('writes: a hidden case or entry answers as a missing one and nothing changes; valid requests reach authorization', async () => {
    const writes = operations.filter((operation) => operation.isWrite);
    expect(writes.length).toBeGreaterThan(20);

    // Each user's case on and case hidden, spread over the three cases.
    const plan = fixture.users.map((user, index) => {
      const seen = fixture.cases.filter((facts) => mayReadCase(user, facts));
      const unseen = fixture.cases.filter((facts) => !mayReadCase(user, facts));
      return { user, on: seen[index % Math.max(seen.length, 1)], hidden: unseen[index % Math.max(unseen.length, 1)] };
    });

    // Referrals first: a referral of a citizen who has a case is recorded on that case (a
    // ReferralReceived for its coordinator, the reason sealed under the referrer's key), so it is the
    // one write to a hidden case that changes it. Its answer must not depend on whether the caller
    // may see the case, and must carry no case id; the rest of the test then starts from the cases
    // as the referrals left them.
    for (const operation of writes.filter((candidate) => candidate.namesCitizen && !candidate.caseScoped)) {
      for (const variant of variantsOf(operation, doc)) {
        const name = label(operation, variant);
        await Promise.all(
          plan.map(async ({ user, on, hidden }) => {
            if (!hidden || !on) return;
            const hiddenRequest = buildRequest(operation, user, { situation: 'hidden', caseId: '', citizen: hidden.citizen, facts: hidden, ids: {} }, variant);
            const revisionBefore = (await api.caseState(hidden.caseId)).revision;
            const hiddenAnswer = await send(user, hiddenRequest);
            checkLeaks(name, 'hidden citizen', user, hiddenAnswer, hiddenRequest);
            const visibleRequest = buildRequest(operation, user, { situation: 'on', caseId: '', citizen: on.citizen, facts: on, ids: {} }, variant);
            const visibleAnswer = await send(user, visibleRequest);
            counts.comparisons++;
            compare(
              name,
              'citizen with a hidden case vs one with a case the caller sees',
              user,
              { answer: hiddenAnswer, request: hiddenRequest },
              { answer: visibleAnswer, request: visibleRequest },
            );
            if (JSON.stringify(hiddenAnswer.body).includes(hidden.caseId)) find(name, 'hidden citizen', user, 'the answer names the hidden case');
            const appended = await api.eventsAfter(hidden.caseId, revisionBefore);
            if (appended.some((type) => type !== 'ReferralReceived'))
              find(name, 'hidden citizen', user, `answered ${hiddenAnswer.status} and appended ${appended.join(', ')}`);
            // A citizen with no case at all: the same answer again (the referral opens a case for the
            // intake; the referrer is not put on it and learns nothing more).
            const freshCitizen = testCitizen(2004);
            const freshRequest = buildRequest(operation, user, { situation: 'missing', caseId: '', citizen: freshCitizen, ids: {} }, variant);
            const freshAnswer = await send(user, freshRequest);
            checkLeaks(name, 'citizen without a case', user, freshAnswer, freshRequest);
            compare(
              name,
              'citizen with a hidden case vs one without a case',
              user,
              { answer: hiddenAnswer, request: hiddenRequest },
              { answer: freshAnswer, request: freshRequest },
            );
          }),
        );
      }
    }
    if (!(await api.projectionsCaughtUp())) notes.push('projections had not caught up after the referrals');
    const before = new Map<string, CaseState>();
    for (const facts of fixture.cases) before.set(facts.caseId, await api.caseState(facts.caseId));

    // Writes on one case run one at a time, so a change of its state belongs to one request.
    const chains = new Map<string, Array<() => Promise<void>>>();
    const chain = (key: string, task: () => Promise<void>) => chains.set(key, [...(chains.get(key) ?? []), task]);

    /** Sends a write to a case that must not change, and reports any change. */
    async function guardedWrite(caseId: string, operation: string, situation: string, user: MatrixUser, request: Sent): Promise<HttpAnswer> {
      const stateBefore = await api.caseState(caseId);
      const answer = await send(user, request);
      const stateAfter = await api.caseState(caseId);
      counts.stateChecks++;
      if (stateAfter.revision !== stateBefore.revision) {
        const appended = await api.eventsAfter(caseId, stateBefore.revision);
        find(
          operation,
          situation,
          user,
          `answered ${answer.status} and appended ${appended.join(', ') || `${stateAfter.revision - stateBefore.revision} event(s)`}`,
        );
      }
      if (stateAfter.keys !== stateBefore.keys) find(operation, situation, user, `answered ${answer.status} and changed the citizen's keys`);
      return answer;
    }

    // Operation by operation (every user's attempt at one before the next), so each operation meets
    // the world changed only by the leaks of the operations before it, not by its own kind's.
    for (const operation of writes) {
      for (const variant of variantsOf(operation, doc)) {
        for (const { user, on, hidden } of plan) {
          const name = label(operation, variant);
          if (operation.namesCitizen && !operation.caseScoped) continue; // the referrals, above
          if (!operation.caseScoped) continue; // run with the case-on writes, below
          if (hidden) {
            chain(hidden.caseId, async () => {
              const target = caseTarget(operation, user, hidden);
              const request = buildRequest(operation, user, target, variant);
              const answer = await guardedWrite(hidden.caseId, name, 'hidden case', user, request);
              checkLeaks(name, 'hidden case', user, answer, request);
              // The same request to a case that does not exist, with its agencies as the body's context.
              const missingRequest = buildRequest(operation, user, { ...missingTarget(), facts: hidden }, variant);
              compare(name, 'hidden case', user, { answer, request }, { answer: await send(user, missingRequest), request: missingRequest });
            });
          }
          const entries = on ? entryTargets(operation, user, on) : undefined;
          if (on && entries) {
            chain(on.caseId, async () => {
              const hiddenRequest = buildRequest(operation, user, entries.hidden, variant);
              const answer = await guardedWrite(on.caseId, name, `hidden entry on case ${on.label}`, user, hiddenRequest);
              checkLeaks(name, 'hidden entry', user, answer, hiddenRequest);
              const missingRequest = buildRequest(operation, user, entries.missing, variant);
              compare(name, 'hidden entry', user, { answer, request: hiddenRequest }, { answer: await send(user, missingRequest), request: missingRequest });
            });
          }
        }
      }
    }
    await Promise.all(
      [...chains.values()].map(async (tasks) => {
        for (const task of tasks) await task();
      }),
    );

    // Read models follow the log asynchronously: compare them once, after every write above.
    if (!(await api.projectionsCaughtUp())) notes.push('projections had not caught up after the writes to hidden cases');
    for (const facts of fixture.cases) {
      const after = await api.caseState(facts.caseId);
      const was = before.get(facts.caseId) as CaseState;
      for (const view of Object.keys(was.readModels)) {
        if (after.readModels[view] !== was.readModels[view]) {
          const columns = changedColumns(was.readModels[view], after.readModels[view]);
          findings.push({
            operation: '(all writes to hidden cases and entries)',
            situation: `case ${facts.label}`,
            difference: `read model ${view} changed: ${columns}`,
            user: EVERYONE,
          });
        }
      }
    }

    // Last, the writes a user may make to its own case (these may change it), and the writes that
    // name no case. A permitted caller refused with 400 means the generated body is wrong.
    chains.clear();
    const others: Array<() => Promise<void>> = [];
    for (const { user, on } of plan) {
      for (const operation of writes) {
        for (const variant of variantsOf(operation, doc)) {
          const name = label(operation, variant);
          const run = async (target: Target) => {
            const request = buildRequest(operation, user, target, variant);
            const answer = await send(user, request);
            checkLeaks(name, target.situation, user, answer, request);
            if (answer.status !== 400 && !routeMissing(answer)) reachedAuthorization.add(operation.id);
            if (answer.status === 400 && isAllowedWriter(user) && target.situation === 'on') {
              const violations = (answer.body as { violations?: Array<{ field?: string; rule?: string }> })?.violations ?? [];
              find(
                name,
                'case on (permitted caller)',
                user,
                `refused 400 ${violations.map((v) => `${v.field}:${v.rule}`).join(', ')}: the generated body does not pass validation`,
              );
            }
          };
          if (operation.namesCitizen && !operation.caseScoped) {
            if (on) others.push(() => run({ situation: 'on', caseId: '', citizen: on.citizen, facts: on, ids: {} }));
          } else if (!operation.caseScoped) {
            others.push(() => run(missingTarget()));
          } else if (on) {
            chain(on.caseId, () => run(caseTarget(operation, user, on)));
          }
        }
      }
    }
    await Promise.all([
      ...[...chains.values()].map(async (tasks) => {
        for (const task of tasks) await task();
      }),
      inPool(others, 3),
    ]);
    const unreached = writes.filter((operation) => operation.caseScoped && !reachedAuthorization.has(operation.id)).map((operation) => operation.id);
    if (unreached.length > 0) notes.push(`writes whose valid request never got past validation: ${unreached.join(', ')}`);
    failWithFindings();
  }, 360_000);
});
