'use strict';
/**
 * `node bench/rebuild/compare-rebuilds.js <database url> [--rounds N]`: every projection rebuilt one
 * after another (five reads of the log) against all of them from one read, side by side on the same
 * store, alternating the two so that load from elsewhere falls on both.
 * Reads the log through the opening store with the bench's keys (as rebuild-child.js). Prints
 * events/s per round; writes nothing to bench/results. Fill the store first (demo-seed, or a bench run).
 */
const { openRebuild } = require('./rebuild-setup');

async function main() {
  const [databaseUrl, ...rest] = process.argv.slice(2);
  const rounds = Number(rest[rest.indexOf('--rounds') + 1]) || 3;
  const rebuild = openRebuild(databaseUrl, { application: 'samvirke-bench-compare' });
  const { store, runner } = rebuild;
  const names = rebuild.projections.map((p) => p.name);
  const caseEvents = Number((await store.pool.query("SELECT count(*) AS n FROM es_events WHERE stream_id LIKE 'case-%'")).rows[0].n);
  const print = (text) => process.stdout.write(`${text}\n`);
  print(`${caseEvents} case events; ${rounds} rounds`);

  const timed = async (work) => {
    const began = process.hrtime.bigint();
    const outcomes = await work();
    for (const outcome of outcomes) if (outcome.error) throw outcome.error;
    return Number(process.hrtime.bigint() - began) / 1e9;
  };

  for (let round = 0; round < rounds; round++) {
    for (const mode of round % 2 === 0 ? ['turns', 'joint'] : ['joint', 'turns']) {
      let seconds = 0;
      if (mode === 'joint') seconds = await timed(() => runner.rebuildAll(names));
      else for (const name of names) seconds += await timed(() => runner.rebuildAll([name]));
      print(`joint round ${round + 1} ${mode}: ${seconds.toFixed(1)} s, ${Math.round(caseEvents / seconds).toLocaleString('en-US')} log events/s`);
    }
  }
  await rebuild.close();
}

main().catch((error) => {
  process.stderr.write(`${error.stack ?? error}\n`);
  process.exit(1);
});
