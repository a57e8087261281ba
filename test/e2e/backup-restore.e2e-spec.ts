import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client, Pool } from 'pg';
import { PostgresEventStore } from '@samvirke/event-store/postgres';
import { ProjectionRunner } from '@samvirke/projections';
import { PersonalDataVault, openingEventStore } from '@samvirke/privacy';
import { READ_MODEL_PROJECTIONS } from '@samvirke/read-models';
import { freePort } from '@samvirke/platform';
import { createApiChild, openCasesForLoad, type ApiChild } from '../support/api-child';
import { baseEnv } from '../support/api-process';
import { runCli } from '../support/cli-process';
import { startEmbeddedPostgresProcess } from '../support/embedded-postgres-process';
import { createOwnDatabase, type OwnDatabase } from '../support/own-database';
import { snapshotReadModels } from '../support/read-model-snapshot';
import { testPrivacyConfig, testPrivacyEnv } from '../support/test-privacy';
import type { TestUser } from '../support/tokens';
import { isAcknowledged, runWriteLoad } from '../support/write-load';

/**
 * `npm run cli -- backup` while the API takes writes, then `restore` into a fresh database: the
 * restored store is one consistent cut of the source (every stream a prefix of the source's), its
 * hash chain verifies, its read models (restored with their checkpoints, then caught up) equal a
 * rebuild from position 0, and a new append sorts after every restored event. Restore refuses a
 * database that holds data (unless --force) and a backup whose table files do not match their
 * sha256. The same backup restores into a fresh embedded PostgreSQL (18, a new cluster with a low
 * transaction counter), which the restore advances past the backup's high-water.
 */
const coordinator: TestUser = { userId: 'backup-coord', agency: 'BIF', roles: ['coordinator'] };

interface Manifest {
  server: { versionNum: number };
  xid: { snapshotXmax: string };
  tables: Array<{ schema: string; table: string; rows: number; file: string }>;
  projections: Array<{ name: string }>;
}

function readManifest(file: string): Manifest {
  return JSON.parse(execFileSync('tar', ['-xzOf', file, 'manifest.json'], { encoding: 'utf8' })) as Manifest;
}

const cliEnv = (extra: Record<string, string>) => ({
  ...baseEnv(),
  LOG_LEVEL: 'warn',
  // The run's keys (also outside run-tests.js): the rebuild CLI opens what the API children sealed.
  ...testPrivacyEnv(),
  ...extra,
});

type EventRow = { event_id: string; stream_id: string; stream_revision: string; transaction_id: string; global_position: string; hash: string };

async function eventRows(url: string): Promise<EventRow[]> {
  const client = new Client({ connectionString: url });
  client.on('error', () => undefined);
  await client.connect();
  try {
    const { rows } = await client.query<EventRow>(
      `SELECT event_id::text, stream_id, stream_revision::text, transaction_id::text, global_position::text, encode(hash, 'hex') AS hash
         FROM es_events ORDER BY transaction_id, global_position`,
    );
    return rows;
  } finally {
    await client.end();
  }
}

describe('npm run cli -- backup / restore', () => {
  const work = mkdtempSync(join(tmpdir(), 'samvirke-backup-test-'));
  const backupFile = join(work, 'during-writes.tar.gz');
  let source: OwnDatabase;
  let target: OwnDatabase;
  let api: ApiChild | undefined;

  beforeAll(async () => {
    source = await createOwnDatabase('backup_src');
    target = await createOwnDatabase('backup_dst');
  });
  afterAll(async () => {
    await api?.dispose();
    await source?.drop();
    await target?.drop();
    rmSync(work, { recursive: true, force: true });
  }, 60_000);

  it('takes a backup during writes that restores to a verifying chain, read models equal to a rebuild, and later appends after it', async () => {
    // The fresh embedded cluster below starts near transaction id 750: make sure the source's
    // counter is well past that, so restoring there has to advance it.
    const burner = new Client({ connectionString: source.url });
    await burner.connect();
    await burner.query(
      "CREATE TEMP TABLE burn (x int); DO $$ BEGIN FOR i IN 1..5000 LOOP BEGIN INSERT INTO burn VALUES (1); RAISE EXCEPTION USING ERRCODE = 'P0001'; EXCEPTION WHEN raise_exception THEN NULL; END; END LOOP; END $$",
    );
    await burner.end();

    api = await createApiChild({ databaseUrl: source.url });
    await api.start(180_000);
    const caseIds = await openCasesForLoad(api, coordinator, 4, 'NORREBRO-1').catch((error: Error) => {
      throw new Error(`${error.message}\n${api!.process().output().slice(-4000)}`);
    });
    const source_ = api;
    let backup: Promise<Awaited<ReturnType<typeof runCli>>> | undefined;
    let acknowledged = 0;
    let acknowledgedAtBackupEnd: number | undefined;
    const ledger = await runWriteLoad({
      caseIds,
      concurrency: 6,
      maxDurationMs: 90_000,
      send: async (write) =>
        (await source_.request(write.method, write.path, { user: coordinator, body: write.body, headers: { 'Idempotency-Key': write.idempotencyKey } })).status,
      // Keep writing through the backup and for 10 acknowledged writes after it ended.
      shouldStop: (entries) => acknowledgedAtBackupEnd !== undefined && entries.filter(isAcknowledged).length >= acknowledgedAtBackupEnd + 10,
      onOutcome: (entries) => {
        acknowledged = entries.filter(isAcknowledged).length;
        if (backup || acknowledged < 20) return;
        backup = runCli(['backup', backupFile], cliEnv({ DATABASE_URL: source.url, DATA_DIR: work }));
        void backup.then(() => (acknowledgedAtBackupEnd = acknowledged));
      },
    });
    expect(ledger.filter(isAcknowledged).length).toBeGreaterThanOrEqual(30);
    const taken = await backup!;
    expect({ code: taken.code, stderr: taken.stderr }).toEqual({ code: 0, stderr: '' });
    expect(taken.stdout).toMatch(/^backed up \d+ tables \(\d+ rows, \d+ events, \d+ read models\)/);
    await api.stop('SIGTERM');

    const manifest = readManifest(backupFile);
    const sourceEvents = await eventRows(source.url);
    const backedUpEvents = manifest.tables.find((t) => t.schema === 'public' && t.table === 'es_events')!.rows;
    // Writes went on after the snapshot: the source holds events the backup does not.
    expect(sourceEvents.length).toBeGreaterThan(backedUpEvents);
    expect(manifest.projections.map((p) => p.name).sort()).toEqual(READ_MODEL_PROJECTIONS.map((p) => p.name).sort());

    const restored = await runCli(['restore', backupFile], cliEnv({ DATABASE_URL: target.url, DATA_DIR: work }));
    expect({ code: restored.code, stderr: restored.stderr }).toEqual({ code: 0, stderr: '' });
    expect(restored.stdout).toMatch(/^restored \d+ tables/);

    // One consistent cut: every restored event is the source's, byte for byte (hash, position), and
    // each stream holds revisions 0..n with nothing missing.
    const restoredEvents = await eventRows(target.url);
    expect(restoredEvents.length).toBe(backedUpEvents);
    const bySourceId = new Map(sourceEvents.map((row) => [row.event_id, row]));
    expect(restoredEvents.filter((row) => JSON.stringify(bySourceId.get(row.event_id)) !== JSON.stringify(row))).toEqual([]);
    const revisions = new Map<string, number[]>();
    for (const row of restoredEvents) revisions.set(row.stream_id, [...(revisions.get(row.stream_id) ?? []), Number(row.stream_revision)]);
    for (const [stream, list] of revisions) expect({ stream, list: list.sort((a, b) => a - b) }).toEqual({ stream, list: list.map((_, i) => i) });
    for (const row of sourceEvents) {
      const kept = revisions.get(row.stream_id)?.length ?? 0;
      if (Number(row.stream_revision) < kept) expect(restoredEvents.some((r) => r.event_id === row.event_id)).toBe(true);
    }

    const verified = await runCli(['verify'], cliEnv({ DATABASE_URL: target.url, DATA_DIR: work }));
    expect(verified.stdout.trim()).toBe(`OK: ${backedUpEvents} events verified`);
    expect(verified.code).toBe(0);

    // The restored read models resume from their restored checkpoints and equal a rebuild from 0.
    const store = new PostgresEventStore({ connectionString: target.url, maxConnections: 2, application: 'backup-test' });
    const pool = new Pool({ connectionString: target.url, max: 2 });
    pool.on('error', () => undefined);
    try {
      const runner = new ProjectionRunner({
        eventStore: openingEventStore(store, new PersonalDataVault(pool, testPrivacyConfig())),
        pool,
        projections: READ_MODEL_PROJECTIONS,
      });
      const head = await store.committedHeadPosition();
      expect(head).toBeDefined();
      await runner.start();
      const caughtUp = await runner.waitForPosition(runner.projectionNames, head!, 90_000);
      await runner.stop();
      expect(caughtUp).toBe(true);
      const live = await snapshotReadModels(pool, READ_MODEL_PROJECTIONS);
      expect(Object.values(live).some((rows) => rows.length > 0)).toBe(true);
      const rebuilt = await runCli(['projections:rebuild', 'all'], cliEnv({ DATABASE_URL: target.url, DATA_DIR: work }));
      expect(rebuilt.code).toBe(0);
      expect(await snapshotReadModels(pool, READ_MODEL_PROJECTIONS)).toEqual(live);
    } finally {
      await store.close();
      await pool.end();
    }

    // A new case opened on the restored store sorts after every restored event.
    const restoredApi = await createApiChild({ databaseUrl: target.url });
    try {
      await restoredApi.start(180_000);
      await openCasesForLoad(restoredApi, coordinator, 1, 'NORREBRO-1');
    } finally {
      await restoredApi.dispose();
    }
    const after = await eventRows(target.url);
    const lastRestored = restoredEvents.map((row) => BigInt(row.transaction_id)).reduce((a, b) => (a > b ? a : b));
    const added = after.filter((row) => !restoredEvents.some((r) => r.event_id === row.event_id));
    expect(added.length).toBeGreaterThan(0);
    expect(added.filter((row) => BigInt(row.transaction_id) <= lastRestored)).toEqual([]);
  }, 480_000);

  it('refuses a database that holds data unless --force, and a backup whose table files do not match their sha256', async () => {
    const again = await runCli(['restore', backupFile], cliEnv({ DATABASE_URL: target.url, DATA_DIR: work }));
    expect(again.code).toBe(65);
    expect(again.stderr).toMatch(/^restore: the database holds data \(es_events, privacy_data_keys.*add --force/);

    // One byte of one table changed, the manifest left as it was.
    const unpacked = join(work, 'unpacked');
    mkdirSync(unpacked);
    execFileSync('tar', ['-xzf', backupFile, '-C', unpacked]);
    const streams = readdirSync(unpacked).find((name) => name.endsWith('-public.es_streams.copy'))!;
    const text = readFileSync(join(unpacked, streams), 'utf8');
    const changed = text.replace(/\t(\d)/, (_match, digit: string) => `\t${(Number(digit) + 1) % 10}`);
    expect(changed).not.toBe(text);
    writeFileSync(join(unpacked, streams), changed);
    const tampered = join(work, 'tampered.tar.gz');
    execFileSync('tar', ['-czf', tampered, '-C', unpacked, ...readdirSync(unpacked)]);
    const eventsBefore = (await eventRows(target.url)).length;
    const refused = await runCli(['restore', '--force', tampered], cliEnv({ DATABASE_URL: target.url, DATA_DIR: work }));
    expect(refused.code).toBe(65);
    expect(refused.stderr).toMatch(/public\.es_streams\) does not match its sha256 in the manifest/);
    expect((await eventRows(target.url)).length).toBe(eventsBefore);

    const forced = await runCli(['restore', '--force', backupFile], cliEnv({ DATABASE_URL: target.url, DATA_DIR: work }));
    expect({ code: forced.code, stderr: forced.stderr }).toEqual({ code: 0, stderr: '' });
    expect((await eventRows(target.url)).length).toBe(readManifest(backupFile).tables.find((t) => t.table === 'es_events')!.rows);
  }, 240_000);

  it('restores into a fresh embedded PostgreSQL, advancing its transaction counter, and backs it up again', async () => {
    const dataDir = join(work, 'embedded');
    const manifest = readManifest(backupFile);
    // No DATABASE_URL: the CLI starts the embedded PostgreSQL under DATA_DIR (a new cluster) and stops it after.
    const restored = await runCli(['restore', backupFile], cliEnv({ DATA_DIR: dataDir }), 180_000);
    expect({ code: restored.code, stderr: restored.stderr.replace(/^restore: advancing the transaction counter by \d+ .*\n/, '') }).toEqual({
      code: 0,
      stderr: '',
    });
    expect(restored.stdout).toMatch(/transaction ids advanced by \d+ past/);
    const verified = await runCli(['verify'], cliEnv({ DATA_DIR: dataDir }));
    expect(verified.code).toBe(0);

    const embeddedBackup = join(work, 'embedded.tar.gz');
    const taken = await runCli(['backup', embeddedBackup], cliEnv({ DATA_DIR: dataDir }));
    expect({ code: taken.code, stderr: taken.stderr }).toEqual({ code: 0, stderr: '' });
    expect(readManifest(embeddedBackup).server.versionNum).toBeGreaterThanOrEqual(180000);

    const embedded = await startEmbeddedPostgresProcess({ dataDir: join(dataDir, 'postgres'), port: await freePort() });
    try {
      const client = new Client({ connectionString: embedded.connectionString });
      await client.connect();
      try {
        const next = await client.query<{ xid: string; max: string }>(
          'SELECT pg_current_xact_id()::text AS xid, (SELECT max(transaction_id)::text FROM es_events) AS max',
        );
        expect(BigInt(next.rows[0].xid)).toBeGreaterThanOrEqual(BigInt(manifest.xid.snapshotXmax));
        expect(BigInt(next.rows[0].xid)).toBeGreaterThan(BigInt(next.rows[0].max));
      } finally {
        await client.end();
      }
    } finally {
      await embedded.stop();
    }
  }, 240_000);
});
