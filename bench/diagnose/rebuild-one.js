'use strict';
/**
 * `node [--cpu-prof] bench/diagnose/rebuild-one.js <database url> <projection | read>`: rebuilds one
 * projection on a filled store (a database kept by `BENCH_KEEP_DATABASE=1`, say) and prints its
 * events/s, or with `read` only reads the case log through the opening store as a rebuild does. The
 * bench's keys open the sealed values. With `--cpu-prof` the profile says where a rebuild's time goes.
 */
const { openRebuild } = require('../rebuild/rebuild-setup');

async function main() {
  const [url, name] = process.argv.slice(2);
  if (!url || !name) throw new Error('usage: node bench/diagnose/rebuild-one.js <database url> <projection | read>');
  const rebuild = openRebuild(url, { application: 'samvirke-bench-rebuild-one' });
  const began = process.hrtime.bigint();
  let events = 0;
  let applied;
  try {
    if (name === 'read') {
      for (let after; ;) {
        const page = await rebuild.eventStore.readAll({ after, maxCount: 2_000, streamPrefixes: ['case-'] });
        events += page.events.length;
        if (page.events.length < 2_000) break;
        after = page.nextAfter;
      }
    } else {
      applied = (await rebuild.runner.rebuild(name)).eventsApplied;
    }
    const seconds = Number(process.hrtime.bigint() - began) / 1e9;
    if (applied !== undefined) {
      // As the bench reports a rebuild: events of the log per second (a projection naming its event types reads only those).
      const { rows } = await rebuild.pool.query("SELECT count(*)::int AS n FROM es_events WHERE stream_id LIKE 'case-%'");
      events = rows[0].n;
    }
    const note = applied !== undefined && applied !== events ? ` (${applied} of them of the types it reads)` : '';
    process.stdout.write(`${name}: ${events} log events${note} in ${seconds.toFixed(2)} s, ${Math.round(events / seconds).toLocaleString('en-US')} events/s\n`);
  } finally {
    await rebuild.close();
  }
}

main().catch((error) => {
  process.stderr.write(`${error.stack ?? error}\n`);
  process.exit(1);
});
