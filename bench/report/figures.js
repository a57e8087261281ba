'use strict';
const { row, target, MB } = require('./result-rows');

const PEER = 'Emmett PostgreSQL event store 0.42';
const CEILING = 'plain INSERT via pg (no checks)';
const HTTP_PEER = 'Emmett CommandHandler behind node:http (peer)';

function appendRows(appends, writers) {
  if (!appends)
    return [row({ figure: 'Appends (all)', value: null, unit: 'events/s', note: 'phase failed', target: target('ratio', '>=', 0.6, '>= 0.6 of ceiling') })];
  const { ceiling, samvirke, peer } = appends;
  const peerOk = peer && !peer.error;
  const label = `${writers} writers, 1 event/append`;
  return [
    row({
      figure: `Appends: Samvirke adapter vs ceiling (${label})`,
      value: samvirke.eventsPerSecond,
      unit: 'events/s',
      reference: CEILING,
      referenceValue: ceiling.eventsPerSecond,
      target: target('ratio', '>=', 0.6, '>= 0.6 of ceiling'),
    }),
    row({
      figure: `Appends: Samvirke adapter vs peer (${label})`,
      value: samvirke.eventsPerSecond,
      unit: 'events/s',
      reference: PEER,
      referenceValue: peerOk ? peer.eventsPerSecond : null,
      target: target('ratio', '>', 1, 'ahead of peer (> 1)'),
      note: peerOk ? undefined : `peer failed: ${peer?.error}`,
    }),
    row({
      figure: 'Appends: peer vs ceiling',
      value: peerOk ? peer.eventsPerSecond : null,
      unit: 'events/s',
      reference: CEILING,
      referenceValue: ceiling.eventsPerSecond,
      note: peerOk ? undefined : 'peer failed',
    }),
    row({ figure: 'Appends: ceiling', value: ceiling.eventsPerSecond, unit: 'events/s' }),
    row({ figure: 'Appends: Samvirke adapter p50', value: samvirke.latency.p50, unit: 'ms', reference: 'ceiling p50', referenceValue: ceiling.latency.p50 }),
    row({ figure: 'Appends: Samvirke adapter p99', value: samvirke.latency.p99, unit: 'ms', reference: 'ceiling p99', referenceValue: ceiling.latency.p99 }),
    row({ figure: 'Appends: peer p50', value: peerOk ? peer.latency.p50 : null, unit: 'ms', reference: 'ceiling p50', referenceValue: ceiling.latency.p50 }),
    row({ figure: 'Appends: peer p99', value: peerOk ? peer.latency.p99 : null, unit: 'ms', reference: 'ceiling p99', referenceValue: ceiling.latency.p99 }),
  ];
}

function httpRows(http, appends) {
  if (!http)
    return [
      row({ figure: 'HTTP commands (all)', value: null, unit: 'req/s', note: 'phase failed', target: target('value', '>=', 3000, '>= 3,000/s at 64 clients') }),
    ];
  const rows = [];
  const adapter = appends ? appends.samvirke.eventsPerSecond : null;
  for (const run of http.runs) {
    const c = run.connections;
    const at64 = c === 64;
    rows.push(
      row({
        figure: `HTTP commands, ${c} client${c === 1 ? '' : 's'}: throughput`,
        value: run.requestsPerSecond,
        unit: 'req/s',
        reference: 'adapter appends/s (32 writers)',
        referenceValue: adapter,
        target: at64 ? target('value', '>=', 3000, '>= 3,000/s') : null,
      }),
      row({ figure: `HTTP commands, ${c}: p50`, value: run.latency.p50, unit: 'ms' }),
      row({
        figure: `HTTP commands, ${c}: p99`,
        value: run.latency.p99,
        unit: 'ms',
        reference: at64 ? 'target' : null,
        referenceValue: at64 ? 50 : null,
        target: at64 ? target('value', '<', 50, '< 50 ms') : null,
      }),
      row({ figure: `HTTP commands, ${c}: p99.9`, value: run.latency.p999, unit: 'ms' }),
      row({ figure: `HTTP commands, ${c}: errors`, value: run.errors, unit: `of ${run.ok + run.errors}` }),
    );
  }
  const fixed = http.fixedRate;
  rows.push(
    row({ figure: `HTTP commands at ${fixed.overallRate} req/s: p50`, value: fixed.latency.p50, unit: 'ms' }),
    row({
      figure: `HTTP commands at ${fixed.overallRate} req/s: p99`,
      value: fixed.latency.p99,
      unit: 'ms',
      reference: 'target',
      referenceValue: 10,
      target: target('value', '<', 10, '< 10 ms'),
    }),
    row({
      figure: `HTTP commands at ${fixed.overallRate} req/s: achieved rate, errors ${fixed.errors}`,
      value: fixed.requestsPerSecond,
      unit: 'req/s',
      reference: 'asked',
      referenceValue: fixed.overallRate,
    }),
    row({
      figure: 'API peak RSS (VmHWM) over the HTTP runs',
      value: http.apiPeakRss / MB,
      unit: 'MB',
      reference: 'target',
      referenceValue: 300,
      target: target('value', '<', 300, '< 300 MB'),
    }),
  );
  return rows;
}

/**
 * Figure 2 beside its peer (bench/http/emmett-peer): the same mix, cases and autocannon settings, our
 * figure as the value and the peer's as the reference, so the ratio is ours / peer. No target: the
 * peer verifies no token, audits nothing and seals nothing, so it is the floor, not a rival to beat.
 * A missing side leaves its value (or reference) empty with the reason; the other side's rows stay.
 */
function httpPeerRows(peer, http, fixedRate) {
  const note = [!http && 'HTTP phase failed', !peer && 'peer phase failed'].filter(Boolean).join('; ') || undefined;
  const rows = [];
  for (const c of [1, 16, 64]) {
    const ours = http?.runs.find((run) => run.connections === c);
    const theirs = peer?.runs.find((run) => run.connections === c);
    rows.push(
      row({
        figure: `HTTP commands vs peer, ${c} client${c === 1 ? '' : 's'}: throughput`,
        value: ours?.requestsPerSecond ?? null,
        unit: 'req/s',
        reference: HTTP_PEER,
        referenceValue: theirs?.requestsPerSecond ?? null,
        note,
      }),
      row({
        figure: `HTTP commands vs peer, ${c}: p50`,
        value: ours?.latency.p50 ?? null,
        unit: 'ms',
        reference: 'peer p50',
        referenceValue: theirs?.latency.p50 ?? null,
        note,
      }),
      row({
        figure: `HTTP commands vs peer, ${c}: p99`,
        value: ours?.latency.p99 ?? null,
        unit: 'ms',
        reference: 'peer p99',
        referenceValue: theirs?.latency.p99 ?? null,
        note,
      }),
      row({
        figure: `HTTP peer, ${c}: errors`,
        value: theirs?.errors ?? null,
        unit: theirs ? `of ${theirs.ok + theirs.errors}` : 'requests',
        note: peer ? undefined : note,
      }),
    );
  }
  const oursFixed = http?.fixedRate;
  const theirsFixed = peer?.fixedRate;
  const rate = oursFixed?.overallRate ?? theirsFixed?.overallRate ?? fixedRate;
  rows.push(
    row({
      figure: `HTTP commands vs peer at ${rate} req/s: p50`,
      value: oursFixed?.latency.p50 ?? null,
      unit: 'ms',
      reference: 'peer p50',
      referenceValue: theirsFixed?.latency.p50 ?? null,
      note,
    }),
    row({
      figure: `HTTP commands vs peer at ${rate} req/s: p99`,
      value: oursFixed?.latency.p99 ?? null,
      unit: 'ms',
      reference: 'peer p99',
      referenceValue: theirsFixed?.latency.p99 ?? null,
      note,
    }),
    row({
      figure: `HTTP peer at ${rate} req/s: achieved rate, errors ${theirsFixed ? theirsFixed.errors : '–'}`,
      value: theirsFixed?.requestsPerSecond ?? null,
      unit: 'req/s',
      reference: 'asked',
      referenceValue: rate,
      note: peer ? undefined : note,
    }),
    row({
      figure: 'API peak RSS (VmHWM) over the HTTP runs vs the peer',
      value: http ? http.apiPeakRss / MB : null,
      unit: 'MB',
      reference: 'peer peak RSS',
      referenceValue: peer ? peer.peakRss / MB : null,
      note,
    }),
  );
  return rows;
}

function lagRows(lag, where = '') {
  if (!lag)
    return [row({ figure: `Projection lag${where} (all)`, value: null, unit: 'ms', note: 'phase failed', target: target('value', '<', 100, 'p99 < 100 ms') })];
  const rows = [];
  for (const [name, summary] of Object.entries(lag.perProjection)) {
    const note = summary.notVisibleAfter10s > 0 ? `${summary.notVisibleAfter10s} writes not visible after 10 s` : undefined;
    rows.push(
      row({ figure: `Projection lag${where} ${name} at ${Math.round(lag.achievedRate)} cmd/s: p50`, value: summary.p50, unit: 'ms', note }),
      row({
        figure: `Projection lag${where} ${name}: p99`,
        value: summary.p99,
        unit: 'ms',
        reference: 'target',
        referenceValue: 100,
        target: target('value', '<', 100, 'p99 < 100 ms'),
        note,
      }),
    );
  }
  return rows;
}

/** The API with PROJECTIONS_IN_API=false and apps/worker running the projections. */
function workerRows(worker) {
  const where = ' (projections in apps/worker)';
  if (!worker) return [row({ figure: `HTTP commands, 64 clients${where}: throughput`, value: null, unit: 'req/s', note: 'phase failed' })];
  const { run, lag } = worker;
  return [
    row({
      figure: `HTTP commands, 64 clients${where}: throughput`,
      value: run.requestsPerSecond,
      unit: 'req/s',
      reference: 'target',
      referenceValue: 3000,
      target: target('value', '>=', 3000, '>= 3,000/s'),
    }),
    row({
      figure: `HTTP commands, 64${where}: p99`,
      value: run.latency.p99,
      unit: 'ms',
      reference: 'target',
      referenceValue: 50,
      target: target('value', '<', 50, '< 50 ms'),
    }),
    row({ figure: `HTTP commands, 64${where}: errors`, value: run.errors, unit: `of ${run.ok + run.errors}` }),
    ...lagRows(lag, where),
  ];
}

function rebuildRows(rebuild) {
  if (!rebuild)
    return [row({ figure: 'Rebuild (all)', value: null, unit: 'events/s', note: 'phase failed', target: target('value', '>=', 50_000, '>= 50,000/s') })];
  const { events, projections, copy, joint, notificationsCatchUp: catchUp } = rebuild;
  const rows = [];
  const totalSeconds = projections.reduce((sum, p) => sum + p.seconds, 0);
  rows.push(
    row({ figure: `Rebuild: COPY ceiling over ${events.toLocaleString('en-US')} events`, value: copy.eventsPerSecond, unit: 'events/s' }),
    row({
      figure: `Rebuild: all ${projections.length} projections in turn, log events/s`,
      value: events / totalSeconds,
      unit: 'events/s',
      reference: 'COPY ceiling',
      referenceValue: copy.eventsPerSecond,
    }),
  );
  if (catchUp) {
    // Runs before 2026-12-07 have none: their notifications row timed this first pass (see rebuild-child.js).
    rows.push(
      row({
        figure: 'Notifications: first pass over the filled events (the projection catching up, making their notifications)',
        value: catchUp.error ? null : events / catchUp.seconds,
        unit: 'events/s',
        reference: 'COPY ceiling',
        referenceValue: copy.eventsPerSecond,
        note:
          catchUp.error ??
          `made ${catchUp.notificationsMade.toLocaleString('en-US')} notifications and ${catchUp.outboxRowsMade.toLocaleString('en-US')} outbox rows; the rebuild below finds them made`,
      }),
    );
  }
  for (const p of projections) {
    rows.push(
      row({
        // Events of the log brought into the read model per second: a projection that names its event
        // types reads only those (p.events of them), so its time covers the whole log all the same.
        figure: `Rebuild ${p.projection}`,
        value: p.error ? null : events / p.seconds,
        unit: 'events/s',
        reference: 'COPY ceiling',
        referenceValue: copy.eventsPerSecond,
        target: target('value', '>=', 50_000, '>= 50,000/s'),
        note: p.error ?? (p.events < events ? `log events/s: it reads only the ${p.events.toLocaleString('en-US')} events of the types it names` : undefined),
      }),
      row({
        figure: `Rebuild ${p.projection}: RSS at 100% / at 25%`,
        value: p.rssAtQuarter ? p.endRss / p.rssAtQuarter : null,
        unit: '×',
        target: target('value', '<=', 1.1, 'flat (<= 1.10)'),
        note: p.rssAtQuarter ? undefined : 'no 25% sample',
      }),
      liveHeapRow(`Rebuild ${p.projection}`, p),
    );
  }
  if (joint) {
    // Every projection from one read of the log (runs before 2026-12-06 have no joint row).
    rows.push(
      row({
        figure: `Rebuild: all ${projections.length} projections together (one read), log events/s`,
        value: joint.error ? null : events / joint.seconds,
        unit: 'events/s',
        reference: 'COPY ceiling',
        referenceValue: copy.eventsPerSecond,
        target: target('value', '>=', 50_000, '>= 50,000/s'),
        note: joint.error,
      }),
      row({
        figure: 'Rebuild: all together, RSS at 100% / at 25%',
        value: joint.rssAtQuarter ? joint.endRss / joint.rssAtQuarter : null,
        unit: '×',
        target: target('value', '<=', 1.1, 'flat (<= 1.10)'),
        note: joint.rssAtQuarter ? undefined : 'no 25% sample',
      }),
      liveHeapRow('Rebuild: all together', joint),
    );
  }
  const peaks = [...projections, ...(joint ? [joint] : [])].map((p) => p.peakRss);
  rows.push(row({ figure: 'Rebuild: peak RSS of the rebuilding process', value: Math.max(...peaks) / MB, unit: 'MB' }));
  return rows;
}

function readRows(reads) {
  if (!reads) return [row({ figure: 'Reads (all)', value: null, unit: 'ms', note: 'phase failed', target: target('value', '<', 10, 'timeline p99 < 10 ms') })];
  const pair = (label, result, goal, reference) => {
    if (!result.available) return [row({ figure: `${label}: p99`, value: null, unit: 'ms', note: result.note, target: goal })];
    return [
      row({ figure: `${label}: p50`, value: result.p50, unit: 'ms' }),
      row({
        figure: `${label}: p99`,
        value: result.p99,
        unit: 'ms',
        reference: reference?.name ?? (goal ? 'target' : null),
        referenceValue: reference?.value ?? goal?.threshold ?? null,
        target: goal,
      }),
    ];
  };
  const events = reads.largeCaseEvents.toLocaleString('en-US');
  return [
    ...pair(`Timeline page (50 items), ${events}-event case`, reads.timeline, target('value', '<', 10, 'p99 < 10 ms')),
    ...(reads.timelineKeyset
      ? pair(
          `Timeline page by cursor deep in the case (after=, total=false), ${events}-event case`,
          reads.timelineKeyset,
          target('value', '<', 10, 'p99 < 10 ms'),
        )
      : []),
    ...pair(
      `As-of state over HTTP (auditor), ${events} events`,
      reads.asOfHttp,
      target('value', '<', 50, '< 50 ms'),
      reads.asOfInProcess.available ? { name: 'in-process readStream + evolve p99', value: reads.asOfInProcess.p99 } : undefined,
    ),
    ...pair(`As-of in-process (readStream + evolve), ${events} events`, reads.asOfInProcess, target('value', '<', 50, '< 50 ms')),
    ...pair(`Worklist, coordinator with ${reads.worklistCases} cases`, reads.worklist, null),
  ];
}

function consoleRows(console) {
  const goal = target('value', '<', 1000, 'p99 < 1 s');
  const size = target('value', '<', 300, '< 300 kB compressed');
  if (!console || !console.available) {
    const note = console?.note ?? 'phase failed';
    return [
      row({ figure: 'Console: worklist from navigation to rendered, in Chromium: p99', value: null, unit: 'ms', note, target: goal }),
      row({ figure: 'Console: JavaScript sent (first load, compressed)', value: null, unit: 'kB', note, target: size }),
    ];
  }
  const label = `Console: worklist of a coordinator with ${console.worklistCases} cases, navigation to rendered, in Chromium`;
  return [
    row({ figure: `${label}: p50`, value: console.p50, unit: 'ms' }),
    row({ figure: `${label}: p99`, value: console.p99, unit: 'ms', reference: 'target', referenceValue: 1000, target: goal }),
    row({
      figure: `Console: JavaScript sent (first load, ${console.javascript.encodings.join('/')})`,
      value: console.javascript.sentBytes / 1024,
      unit: 'kB',
      reference: 'unpacked',
      referenceValue: console.javascript.bodyBytes / 1024,
      target: size,
    }),
  ];
}

function notificationRows(notifications) {
  const goal = () => target('value', '<', 1000, 'p99 < 1 s');
  if (!notifications) return [row({ figure: 'Notification latency (all)', value: null, unit: 'ms', note: 'phase failed', target: goal() })];
  const { inbox, sse, achievedRate } = notifications;
  const note = (part) => (part.count === 0 ? 'no notification measured' : undefined);
  return [
    row({ figure: `Notifications: append to inbox at ${Math.round(achievedRate)} cmd/s: p50`, value: inbox.p50, unit: 'ms', note: note(inbox) }),
    row({
      figure: 'Notifications: append to inbox: p99',
      value: inbox.p99,
      unit: 'ms',
      reference: 'target',
      referenceValue: 1000,
      target: goal(),
      note: note(inbox),
    }),
    row({ figure: `Notifications: append to SSE stream at ${Math.round(achievedRate)} cmd/s: p50`, value: sse.p50, unit: 'ms', note: note(sse) }),
    row({
      figure: 'Notifications: append to SSE stream: p99',
      value: sse.p99,
      unit: 'ms',
      reference: 'target',
      referenceValue: 1000,
      target: goal(),
      note: note(sse),
    }),
  ];
}

function figuresFrom(raw, profile) {
  return [
    ...appendRows(raw.appends, profile.appendWriters),
    ...httpRows(raw.http, raw.appends),
    ...httpPeerRows(raw.httpPeer, raw.http, profile.fixedRate),
    ...lagRows(raw.lag),
    ...notificationRows(raw.notifications),
    ...workerRows(raw.worker),
    ...rebuildRows(raw.rebuild),
    ...readRows(raw.reads),
    ...consoleRows(raw.console),
  ];
}

/** The live V8 heap after full collections at 100% / at 25% of a rebuild (runs before 2026-12-06 evening have none). */
function liveHeapRow(figure, measured) {
  const present = measured.liveHeapAtQuarter && measured.endLiveHeap;
  return row({
    figure: `${figure}: live heap after a full GC at 100% / at 25%`,
    value: present ? measured.endLiveHeap / measured.liveHeapAtQuarter : null,
    unit: '×',
    target: target('value', '<=', 1.1, 'flat (<= 1.10)'),
    note: present ? `${(measured.liveHeapAtQuarter / MB).toFixed(0)} → ${(measured.endLiveHeap / MB).toFixed(0)} MB` : 'not measured',
  });
}

module.exports = { figuresFrom };
