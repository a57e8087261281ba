'use strict';
const { randomUUID } = require('node:crypto');
const { callApi } = require('../http/json-request');
const { openCoordinatedCase } = require('../http/case-setup');
const { cloneEvents } = require('../synthetic-events/clone-recorded-events');

const EVENTS_PER_APPEND = 99;

/**
 * A case with `eventCount` events: opened, shared, acknowledged and planned through the API once,
 * then that share + acknowledgement + action copied straight into the stream through the event
 * store (10,000 commands through HTTP would each re-read the growing stream, which takes longer
 * than the whole quick profile). Owned by a social-services coordinator, so it stays out of the
 * BIF coordinator's worklist.
 */
async function buildLargeCase(baseUrl, tokens, store, eventCount) {
  const caseId = await openCoordinatedCase(baseUrl, tokens, 299_999, { opener: 'socialCoordinator' });
  const base = `/cases/${caseId}`;
  const entryId = randomUUID();
  await callApi(baseUrl, 'POST', `${base}/entries`, tokens.socialCoordinator, {
    entryId,
    sharedWith: ['KBH-POLITI'],
    legalBasis: 'RPL115-1-1',
    purpose: 'crime-prevention',
    sensitivity: 'normal',
    summary: 'Borger møder stabilt op i praktik',
  });
  await callApi(baseUrl, 'POST', `${base}/entries/${entryId}/acknowledgements`, tokens.police);
  await callApi(baseUrl, 'POST', `${base}/actions`, tokens.socialCoordinator, {
    actionId: randomUUID(),
    title: 'Opfølgning på bolig',
    responsibleAgency: 'SOF',
    dueDate: new Date(Date.now() + 20 * 86_400_000).toISOString().slice(0, 10),
  });
  const streamId = `case-${caseId}`;
  const recorded = await store.readStream(streamId);
  const template = recorded.slice(-3);
  let revision = recorded[recorded.length - 1].streamRevision;
  let position;
  const keep = new Set([caseId.toLowerCase()]);
  while (revision + 1 < eventCount) {
    const room = Math.min(EVENTS_PER_APPEND, eventCount - revision - 1);
    const batch = [];
    // The last group may be cut short (a share without its acknowledgement is still valid).
    while (batch.length < room) batch.push(...cloneEvents(template.slice(0, room - batch.length), { keep }).events);
    const result = await store.appendToStream(streamId, batch, revision);
    revision = result.nextRevision;
    position = result.position;
  }
  return { caseId, events: revision + 1, lastPosition: position };
}

/** Waits until every named projection's checkpoint is at or past `position`. */
async function waitForProjections(pool, names, position, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const { rows } = await pool.query('SELECT name, checkpoint FROM projection_state WHERE name = ANY ($1::text[])', [names]);
    const behind = names.filter((name) => {
      const row = rows.find((r) => r.name === name);
      return !row || !row.checkpoint || row.checkpoint < position;
    });
    if (behind.length === 0) return;
    if (Date.now() > deadline) throw new Error(`projections ${behind.join(', ')} did not catch up within ${timeoutMs / 1000} s`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/**
 * ANALYZE, as autovacuum does within its naptime (a minute) of a burst like the large case's:
 * thousands of rows into one case's read-model rows in seconds, which no real case does. Without
 * it the reads are planned on the statistics from before the burst (a case of a few rows: sort
 * everything rather than walk the index), a state that lasts until autovacuum's next round.
 */
async function analyzeAfterBurst(pool) {
  await pool.query('ANALYZE');
}

module.exports = { buildLargeCase, waitForProjections, analyzeAfterBurst };
