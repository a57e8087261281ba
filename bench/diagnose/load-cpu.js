'use strict';
/**
 * `node bench/diagnose/load-cpu.js [--events 400] [--commands 200]`: the CPU (process.cpuUsage) this
 * process spends per case command through handleStreamCommand on the real PostgreSQL store, with
 * and without the per-stream state cache, on one case of about `--events` events (written first).
 * CPU time, not wall time: it holds on shared, busy cores where timings do not. Needs
 * BENCH_DATABASE_URL (a server; a throw-away database is made on it) and a built dist/.
 */
const { mkdtempSync, rmSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { join } = require('node:path');
const { randomUUID } = require('node:crypto');
const { Pool } = require('pg');
const { distModule } = require('../build/compiled-app');
const { openBenchDatabase } = require('../database/bench-database');

const option = (name, fallback) => {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 ? Number(process.argv[index + 1]) : fallback;
};

async function main() {
  const events = option('events', 400);
  const commands = option('commands', 200);
  const { PostgresEventStore } = distModule('libs/event-store/src/postgres/index.js');
  const { handleStreamCommand, StreamStateCache } = distModule('libs/event-store/src/index.js');
  const { caseDecider } = distModule('libs/case/src/decider.js');
  const { caseStreamId } = distModule('libs/case/src/application/case-identity.js');
  const { loadReferenceData } = distModule('libs/reference-data/src/index.js');
  const { migrateDatabase } = distModule('libs/migrations/src/index.js');
  const { PersonalDataVault, loadPrivacyConfig } = distModule('libs/privacy/src/index.js');
  const { writeSealedTestCase } = distModule('libs/privacy/src/erasure/sealed-test-case.js');
  const database = await openBenchDatabase((line) => process.stderr.write(`[load-cpu] ${line}\n`));
  const dataDir = mkdtempSync(join(tmpdir(), 'samvirke-load-cpu-'));
  const pool = new Pool({ connectionString: database.url, max: 2 });
  const store = new PostgresEventStore({ connectionString: database.url, maxConnections: 2 });
  try {
    await migrateDatabase(database.url);
    const vault = new PersonalDataVault(pool, loadPrivacyConfig({}, dataDir));
    const { caseId } = await writeSealedTestCase(store, vault, { openedAt: new Date('2031-01-01T09:00:00Z') });
    const streamId = caseStreamId(caseId);
    const context = { now: new Date('2031-02-01T09:00:00Z'), refData: loadReferenceData() };
    let job = 0;
    const run = (stateCache) => {
      const employmentId = `job-${job++}`;
      return handleStreamCommand(store, caseDecider, {
        streamId,
        command: { type: 'StartEmployment', data: { employmentId, kind: 'ordinary', startedOn: '2031-01-15' } },
        context,
        idempotencyKey: randomUUID(),
        requestFingerprint: randomUUID(),
        metadata: { actor: 'bench', agency: 'BIF', correlationId: randomUUID() },
        ...(stateCache ? { stateCache } : {}),
      });
    };
    while (job < events) await run();
    const measure = async (label, stateCache) => {
      for (let i = 0; i < 20; i++) await run(stateCache); // warm-up
      const before = process.cpuUsage();
      for (let i = 0; i < commands; i++) await run(stateCache);
      const used = process.cpuUsage(before);
      process.stdout.write(`| ${label} | ${(await store.streamRevision(streamId)) + 1} | ${Math.round((used.user + used.system) / commands)} |\n`);
    };
    process.stdout.write(`| load | events in the case at the end | µs of CPU per command (this process) |\n|---|---|---|\n`);
    await measure('whole stream read and folded (before)', undefined);
    await measure('cached state, newer events only (after)', new StreamStateCache());
    await measure('whole stream read and folded (before), again', undefined);
  } finally {
    await store.close();
    await pool.end();
    await database.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  process.stderr.write(`load-cpu: ${error.stack ?? error}\n`);
  process.exit(1);
});
