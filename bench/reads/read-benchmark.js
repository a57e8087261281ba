'use strict';
const { LatencyRecorder } = require('../measure/latency-recorder');

/**
 * Latency of one read endpoint, one request at a time (what a user waits for, not what the server
 * sustains). An endpoint the API does not have (Nest's "Cannot GET") is reported as missing rather
 * than failing the run, since read models are still being added.
 */
async function measureRead(baseUrl, path, token, samples, maxSeconds) {
  const call = async () => {
    const response = await fetch(`${baseUrl}${path}`, { headers: { authorization: token } });
    const text = await response.text();
    return { status: response.status, text };
  };
  const first = await call();
  if (first.status === 404 && /Cannot GET/.test(first.text)) return { available: false, note: 'endpoint not available' };
  if (first.status !== 200) return { available: false, note: `answered ${first.status}: ${first.text.slice(0, 200)}` };
  for (let i = 0; i < 3; i++) await call();
  const latency = new LatencyRecorder();
  let failures = 0;
  // A slow endpoint gets fewer samples rather than a run that never ends.
  const deadline = Date.now() + maxSeconds * 1000;
  for (let i = 0; i < samples && Date.now() < deadline; i++) {
    const done = latency.start();
    const { status } = await call();
    done();
    if (status !== 200) failures++;
  }
  return { available: true, failures, bytes: first.text.length, ...latency.summary() };
}

/** The same as-of reconstruction without HTTP: readStream up to the instant, then the case's evolve. */
async function measureAsOfInProcess(store, caseModule, caseId, asOf, samples, maxSeconds) {
  const latency = new LatencyRecorder();
  let folded = 0;
  const deadline = Date.now() + maxSeconds * 1000;
  for (let i = 0; i < samples + 10 && Date.now() < deadline; i++) {
    const done = i >= 10 ? latency.start() : undefined;
    const events = await store.readStream(`case-${caseId}`, { asOf });
    let state = caseModule.initialCaseState();
    state = caseModule.evolveAll(state, events);
    folded = events.length;
    if (done) done();
  }
  return { available: true, events: folded, ...latency.summary() };
}

/** The page.next cursor after about `items` items of a timeline (walked 200 at a time), or null when it is shorter than one page. */
async function cursorAt(baseUrl, path, token, items) {
  let after = null;
  let cursor = null;
  for (let seen = 0; seen < items; seen += 200) {
    const response = await fetch(`${baseUrl}${path}?limit=200&total=false${after ? `&after=${after}` : ''}`, { headers: { authorization: token } });
    if (response.status !== 200) return cursor;
    const next = (await response.json()).page.next;
    if (!next) return cursor;
    cursor = next;
    after = next;
  }
  return cursor;
}

module.exports = { measureRead, measureAsOfInProcess, cursorAt };
