'use strict';
/**
 * Runs in its own process (forked by rebuild-benchmark.js), so the memory it reports is the
 * rebuild's alone: ProjectionRunner.rebuild for each projection in turn, then ProjectionRunner.rebuildAll
 * (every projection from one read of the log, as `projections:rebuild all` does), with RSS sampled
 * every 20 ms and taken at 25% and 100% of each rebuild's events, and the live V8 heap at the same
 * two points, each right after a full collection (the process runs with --expose-gc): RSS also moves
 * with the heap size V8 chooses, the live heap only with what the rebuild keeps.
 */
const { getHeapStatistics } = require('node:v8');
const { openRebuild } = require('./rebuild-setup');

async function main() {
  const { databaseUrl } = JSON.parse(process.argv[2]);
  // As `npm run cli -- projections:rebuild` runs it, with the keys the bench's APIs sealed under.
  const rebuild = openRebuild(databaseUrl, { application: 'samvirke-bench-rebuild', countEvents: true });
  const { runner, pool, projections } = rebuild;
  const notificationsCatchUp = await catchUpNotifications(runner, pool, projections);
  const results = [];
  for (const projection of projections) {
    const measured = await measure((onProgress) =>
      runner.rebuild(projection.name, { onProgress }).then(
        (result) => ({ events: result.eventsApplied }),
        (error) => ({ error: error.message }),
      ),
    );
    results.push({ projection: projection.name, ...measured });
  }
  const joint = await measure(async (onProgress) => {
    const outcomes = await runner.rebuildAll(
      projections.map((p) => p.name),
      { onProgress },
    );
    const failed = outcomes.filter((o) => o.error);
    return failed.length > 0
      ? { error: failed.map((o) => `${o.projection}: ${o.error.message}`).join('; ') }
      : { projections: outcomes.map((o) => ({ projection: o.projection, events: o.result.eventsApplied })) };
  });
  await rebuild.close();
  process.send({ results, joint, notificationsCatchUp }, () => process.exit(0));
}

/**
 * The notifications projection also writes public tables: the notifications and their outbox rows,
 * which a rebuild finds made (by the live runner, when the events came) and leaves alone. The events
 * filled in for this phase were appended with the API stopped, so none of theirs exist yet, and the
 * first pass over them makes them all: that is the projection catching up, not a rebuild. It runs
 * once here, timed as what it is, so the rebuild timed below is one.
 */
async function catchUpNotifications(runner, pool, projections) {
  if (!projections.some((projection) => projection.name === 'notifications')) return undefined;
  const counts = async () =>
    (
      await pool.query(
        'SELECT (SELECT count(*) FROM public.notification)::int AS notifications, (SELECT count(*) FROM public.notification_outbox)::int AS outbox',
      )
    ).rows[0];
  const before = await counts();
  const measured = await measure((onProgress) =>
    runner.rebuild('notifications', { onProgress }).then(
      (result) => ({ events: result.eventsApplied }),
      (error) => ({ error: error.message }),
    ),
  );
  const after = await counts();
  return { ...measured, notificationsMade: after.notifications - before.notifications, outboxRowsMade: after.outbox - before.outbox };
}

/**
 * Runs one rebuild (one projection, or all of them together) with RSS sampled every 20 ms and taken
 * once a quarter of the events are done (for several projections: a quarter of their summed totals).
 */
async function measure(rebuild) {
  if (global.gc) global.gc();
  const startRss = process.memoryUsage().rss;
  let peakRss = startRss;
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 20);
  let rssAtQuarter = null;
  let liveHeapAtQuarter = null;
  const liveHeap = () => {
    global.gc?.();
    return getHeapStatistics().used_heap_size;
  };
  const latest = new Map();
  const onProgress = (progress) => {
    latest.set(progress.projection, progress);
    const all = [...latest.values()];
    const done = all.reduce((sum, p) => sum + p.done, 0);
    const total = all.reduce((sum, p) => sum + (p.total ?? 0), 0);
    if (rssAtQuarter === null && total && done >= total / 4) {
      rssAtQuarter = process.memoryUsage().rss;
      if (global.gc) liveHeapAtQuarter = liveHeap();
    }
  };
  const began = process.hrtime.bigint();
  const outcome = await rebuild(onProgress);
  const seconds = Number(process.hrtime.bigint() - began) / 1e9;
  clearInterval(sampler);
  const endRss = process.memoryUsage().rss;
  peakRss = Math.max(peakRss, endRss);
  // After the timing: the collection is not part of the rebuild's seconds.
  const endLiveHeap = global.gc ? liveHeap() : null;
  return { seconds, startRss, rssAtQuarter, endRss, peakRss, liveHeapAtQuarter, endLiveHeap, ...outcome };
}

main().catch((error) => {
  process.send({ error: error.stack ?? String(error) }, () => process.exit(1));
});
