'use strict';
const { randomInt, randomUUID } = require('node:crypto');
const { safeToday, inDays } = require('./case-setup');

/**
 * The realistic write traffic of the case API, as autocannon requests built one at a time:
 * 30% share information, 25% acknowledge (by the police, of an entry shared with them), 20% add an
 * action, 12.5% record custody (start, then release), 12.5% record employment (start, then end).
 *
 * Every request is valid when it is sent: a case has at most one request in flight (a caseworker
 * works one case at a time, and it keeps "acknowledge" behind its "share"), and each case's custody
 * and employment state is tracked from the answers. So errors in the results are the API's, not the
 * mix's. A request cut off at the end of a run leaves its case's custody and employment unknown;
 * such a case gets only the stateless commands afterwards.
 */
const WEIGHTS = [
  ['share', 0.3],
  ['acknowledge', 0.25],
  ['action', 0.2],
  ['custody', 0.125],
  ['employment', 0.125],
];

class CommandMix {
  constructor(caseIds, tokens) {
    this.tokens = tokens;
    this.cases = caseIds.map((id) => ({ id, busy: false, uncertain: false, inCustody: false, employmentId: null, unacknowledged: [] }));
    /** Called with (position, receivedAtMs, sentAtMs) for every accepted write; the lag phase listens here. */
    this.onWrite = undefined;
    /** Refused writes by command kind, status and the API's reason code, to tell which rule refused them. */
    this.failures = {};
  }

  /** After a run: requests cut off in flight may or may not have been applied. */
  settle() {
    for (const entry of this.cases) {
      if (entry.busy) entry.uncertain = true;
      entry.busy = false;
    }
  }

  idleCase() {
    for (let attempt = 0; attempt < 32; attempt++) {
      const entry = this.cases[randomInt(this.cases.length)];
      if (!entry.busy) return entry;
    }
    return this.cases.find((entry) => !entry.busy) ?? this.cases[randomInt(this.cases.length)];
  }

  kind(entry) {
    let roll = Math.random();
    for (const [kind, weight] of WEIGHTS) {
      roll -= weight;
      if (roll < 0) {
        if (kind === 'acknowledge' && entry.unacknowledged.length === 0) return 'share';
        if ((kind === 'custody' || kind === 'employment') && entry.uncertain) return 'action';
        return kind;
      }
    }
    return 'action';
  }

  build(entry, kind) {
    const base = `/cases/${entry.id}`;
    switch (kind) {
      case 'share': {
        const entryId = randomUUID();
        const body = {
          entryId,
          sharedWith: ['KBH-POLITI'],
          legalBasis: 'RPL115-1-1',
          purpose: 'crime-prevention',
          sensitivity: 'normal',
          summary: 'Borger er startet i praktik hos en lokal virksomhed',
        };
        return { request: this.post(`${base}/entries`, 'coordinator', body), after: () => entry.unacknowledged.push(entryId) };
      }
      case 'acknowledge': {
        const entryId = entry.unacknowledged.shift();
        return { request: this.post(`${base}/entries/${entryId}/acknowledgements`, 'police'), after: () => undefined };
      }
      case 'action': {
        const body = { actionId: randomUUID(), title: 'Jobsamtale', responsibleAgency: 'BIF', dueDate: inDays(14) };
        return { request: this.post(`${base}/actions`, 'coordinator', body), after: () => undefined };
      }
      case 'custody':
        if (entry.inCustody) {
          return {
            request: this.post(`${base}/custody/release`, 'prison', { releasedOn: safeToday(), conditional: true }),
            after: () => (entry.inCustody = false),
          };
        }
        return {
          request: this.post(`${base}/custody`, 'prison', {
            custodyId: randomUUID(),
            kind: 'remand',
            institution: 'Københavns Fængsler',
            startedOn: safeToday(),
            expectedReleaseOn: inDays(120),
          }),
          after: () => (entry.inCustody = true),
        };
      case 'employment':
        if (entry.employmentId) {
          return {
            request: this.post(`${base}/employments/${entry.employmentId}/end`, 'coordinator', { endedOn: safeToday() }),
            after: () => (entry.employmentId = null),
          };
        } else {
          const employmentId = randomUUID();
          return {
            request: this.post(`${base}/employments`, 'coordinator', { employmentId, kind: 'wage-subsidy', startedOn: safeToday() }),
            after: () => (entry.employmentId = employmentId),
          };
        }
      default:
        throw new Error(`unknown command kind ${kind}`);
    }
  }

  /** The command a kind stands for in this case's state (custody and employment alternate). */
  describe(entry, kind) {
    if (kind === 'custody') return entry.inCustody ? 'custody-release' : 'custody-start';
    if (kind === 'employment') return entry.employmentId ? 'employment-end' : 'employment-start';
    return kind;
  }

  post(path, user, body) {
    const headers = { authorization: this.tokens[user], 'idempotency-key': randomUUID() };
    if (body === undefined) return { method: 'POST', path, headers };
    headers['content-type'] = 'application/json';
    return { method: 'POST', path, headers, body: JSON.stringify(body) };
  }

  /** The single autocannon request that stands for the whole mix (autocannon calls it per request). */
  autocannonRequest() {
    return {
      setupRequest: (_request, context) => {
        const entry = this.idleCase();
        entry.busy = true;
        const kind = this.kind(entry);
        const built = { ...this.build(entry, kind), kind: this.describe(entry, kind) };
        context.pending = { entry, after: built.after, kind: built.kind, sentAt: performance.now() };
        return built.request;
      },
      onResponse: (status, body, context) => {
        const pending = context.pending;
        if (!pending) return;
        context.pending = undefined;
        pending.entry.busy = false;
        if (status < 200 || status > 299) {
          const key = `${pending.kind} ${status} ${reasonOf(body)}`;
          this.failures[key] = (this.failures[key] ?? 0) + 1;
          return;
        }
        pending.after();
        if (this.onWrite) {
          const position = /"position":"([0-9a-f]{16}\.[0-9a-f]{16})"/.exec(body);
          if (position) this.onWrite(position[1], performance.now(), pending.sentAt);
        }
      },
    };
  }
}

function reasonOf(body) {
  try {
    const parsed = JSON.parse(body);
    return parsed.reason ?? parsed.code ?? parsed.message ?? '';
  } catch {
    return '';
  }
}

module.exports = { CommandMix };
