'use strict';
const { Client } = require('pg');
const { LatencyRecorder } = require('../measure/latency-recorder');
const { runCommandMix } = require('../http/http-benchmark');

/**
 * From append to notification (issue 18): the command mix at a given rate (its shares go to the
 * police), with the police liaison's Server-Sent Events stream open. Every accepted write answers
 * with its global position, and a notification stores its event's position, so each notification
 * is matched to the write that caused it:
 * - inbox: a separate connection reads new rows of `public.notification` (what GET /notifications
 *   serves) every ~2 ms; lag = the first poll that sees the row − arrival of the write's answer;
 * - SSE: lag = arrival of the message on the stream − arrival of the write's answer.
 */
async function measureNotificationLatency(databaseUrl, baseUrl, mix, { rate, seconds, token }) {
  const client = new Client({ connectionString: databaseUrl, application_name: 'samvirke-bench-notify' });
  await client.connect();
  const start = await client.query('SELECT coalesce(max(seq), 0)::text AS seq FROM public.notification');
  let lastSeq = start.rows[0].seq;
  const writesAt = new Map();
  mix.onWrite = (position, at) => writesAt.set(position, at);
  const inbox = new LatencyRecorder();
  const sse = new LatencyRecorder();
  const positions = new Map(); // notification id -> event position
  const streamed = new Map(); // notification id -> arrival on the stream
  let inboxSeen = 0;
  let sseSeen = 0;
  const settle = (id) => {
    const position = positions.get(id);
    const at = streamed.get(id);
    if (position === undefined || at === undefined) return;
    const wrote = writesAt.get(position);
    if (wrote !== undefined) sse.record(Math.max(0, at - wrote));
    positions.delete(id);
    streamed.delete(id);
  };

  const controller = new AbortController();
  const response = await fetch(`${baseUrl}/notifications/stream`, {
    headers: { accept: 'text/event-stream', authorization: token },
    signal: controller.signal,
  });
  if (response.status !== 200) throw new Error(`GET /notifications/stream → ${response.status}`);
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  const streaming = (async () => {
    let buffer = '';
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return;
        const now = performance.now();
        buffer += decoder.decode(value, { stream: true });
        let end;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const data = block.split('\n').find((line) => line.startsWith('data: '));
          if (!data) continue;
          const { id } = JSON.parse(data.slice(6));
          sseSeen++;
          streamed.set(id, now);
          settle(id);
        }
      }
    } catch {
      // aborted at the end
    }
  })();

  let polling = true;
  const poller = (async () => {
    while (polling) {
      const result = await client.query('SELECT id, seq::text AS seq, event_position FROM public.notification WHERE seq > $1::bigint ORDER BY seq', [lastSeq]);
      const now = performance.now();
      for (const row of result.rows) {
        lastSeq = row.seq;
        const wrote = writesAt.get(row.event_position);
        if (wrote === undefined) continue;
        inboxSeen++;
        inbox.record(Math.max(0, now - wrote));
        positions.set(row.id, row.event_position);
        settle(row.id);
      }
      await new Promise((resolve) => setTimeout(resolve, 2));
    }
  })();

  const load = await runCommandMix(baseUrl, mix, { connections: 32, seconds, overallRate: rate });
  mix.onWrite = undefined;
  const drainUntil = Date.now() + 10_000;
  while (Date.now() < drainUntil && (positions.size > 0 || streamed.size > 0 || inboxSeen === 0)) await new Promise((resolve) => setTimeout(resolve, 50));
  polling = false;
  await poller;
  controller.abort();
  await streaming;
  await client.end();
  return {
    rate,
    achievedRate: load.requestsPerSecond,
    errors: load.errors,
    writes: writesAt.size,
    inbox: { ...inbox.summary(), notifications: inboxSeen },
    sse: { ...sse.summary(), messages: sseSeen, unmatched: positions.size + streamed.size },
  };
}

module.exports = { measureNotificationLatency };
