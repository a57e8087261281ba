import { createReadStream, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Pool, type PoolClient } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { loadConfig, openDatabase } from '@samvirke/platform';
import { migrateDatabase, migrationClasses } from '@samvirke/migrations';
import { READ_MODEL_SCHEMA, createGenerationSchema, pointViewsAt } from '@samvirke/projections';
import { READ_MODEL_PROJECTIONS } from '@samvirke/read-models';
import { APP_SCHEMA, BACKUP_FORMAT, BACKUP_FORMAT_VERSION, MANIFEST_FILE, qualified, quoteColumns, type BackupManifest } from './backup-format';
import { extractTarGz } from './tar';
import type { BackupOutput } from './backup.command';

const EXIT_REFUSED = 65;

/**
 * Transaction ids burnt per statement while advancing the counter (each one a subtransaction that
 * writes one row to a temporary table and is rolled back: about 40,000 a second on this machine).
 */
const XIDS_PER_STATEMENT = 100_000;
/** Beyond this the restore refuses and names the `pg_resetwal` step instead (about 20 minutes of burning). */
export const MAX_XIDS_TO_BURN = 50_000_000n;

const standardOutput: BackupOutput = { out: (line) => process.stdout.write(`${line}\n`), err: (line) => process.stderr.write(`${line}\n`) };

class RestoreRefused extends Error {}

/**
 * `npm run cli -- restore FILE [--force]`: checks every table file against the manifest's sha256
 * before touching the database, refuses a database that holds data unless --force (which drops it
 * first), advances the transaction-id counter past the backup's high-water (the global log orders by
 * it), recreates the schema at the backup's migration, loads every table and the read models'
 * generations in one transaction, and then applies the migrations newer than the backup.
 */
export async function runRestore(file: string, options: { force: boolean }, output: BackupOutput = standardOutput): Promise<number> {
  if (!existsSync(file)) {
    output.err(`restore: no file ${file}`);
    return EXIT_REFUSED;
  }
  const work = mkdtempSync(join(tmpdir(), 'samvirke-restore-'));
  try {
    const manifest = await unpackAndCheck(file, work);
    const known = migrationClasses().map((migration) => migration.name);
    if (!manifest.migrations.every((name, index) => known[index] === name)) {
      throw new RestoreRefused(
        `the backup is at migration ${manifest.migration}, which this version does not know (or knows in another order): restore it with the version that took it`,
      );
    }
    const config = loadConfig();
    const database = await openDatabase(config, undefined, { role: 'command' });
    const pool = new Pool({ connectionString: database.connectionString, max: 1, application_name: 'samvirke-cli-restore' });
    pool.on('error', () => undefined);
    const started = Date.now();
    try {
      const client = await pool.connect();
      let released = false;
      try {
        await client.query('SET statement_timeout = 0; SET idle_in_transaction_session_timeout = 0');
        const holding = await holdsData(client);
        if (holding.length > 0 && !options.force) {
          throw new RestoreRefused(`the database holds data (${holding.join(', ')}): restore into an empty database, or add --force to replace it`);
        }
        const burnt = await advanceTransactionIds(client, BigInt(manifest.xid.snapshotXmax), output);
        await dropEverything(client);
        client.release();
        released = true;
        await migrateDatabase(database.connectionString, { applicationName: 'samvirke-cli-restore', upTo: manifest.migration });
        const loaded = await pool.connect();
        let restoredProjections: string[];
        try {
          restoredProjections = await load(loaded, manifest, work);
        } finally {
          loaded.release();
        }
        const later = await migrateDatabase(database.connectionString, { applicationName: 'samvirke-cli-restore' });
        const rows = manifest.tables.reduce((sum, table) => sum + table.rows, 0);
        const events = manifest.tables.find((table) => table.schema === APP_SCHEMA && table.table === 'es_events')?.rows ?? 0;
        const skipped = manifest.projections.map((projection) => projection.name).filter((name) => !restoredProjections.includes(name));
        output.out(
          `restored ${manifest.tables.length} tables (${rows} rows, ${events} events) from ${manifest.createdAt} at migration ${manifest.migration}` +
            `${later.applied.length > 0 ? `, then applied ${later.applied.join(', ')}` : ''}; ` +
            `transaction ids ${burnt > 0n ? `advanced by ${burnt}` : 'already'} past ${manifest.xid.snapshotXmax}; ` +
            `read models restored: ${restoredProjections.join(', ') || 'none'}${skipped.length > 0 ? `; rebuilt from the events on the next start: ${skipped.join(', ')}` : ''} ` +
            `in ${((Date.now() - started) / 1000).toFixed(1)} s`,
        );
        return 0;
      } finally {
        if (!released) client.release();
      }
    } finally {
      await pool.end().catch(() => undefined);
      await database.close();
    }
  } catch (error) {
    if (error instanceof RestoreRefused) {
      output.err(`restore: ${error.message}`);
      return EXIT_REFUSED;
    }
    throw error;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

async function unpackAndCheck(file: string, work: string): Promise<BackupManifest> {
  let entries: Awaited<ReturnType<typeof extractTarGz>>;
  try {
    entries = await extractTarGz(createReadStream(file), work);
  } catch (error) {
    throw new RestoreRefused(`${file} is not a readable backup: ${error instanceof Error ? error.message : String(error)}`);
  }
  const manifestEntry = entries.get(MANIFEST_FILE);
  if (!manifestEntry) throw new RestoreRefused(`${file} has no ${MANIFEST_FILE}: it is not a Samvirke backup`);
  let manifest: BackupManifest;
  try {
    manifest = JSON.parse(readFileSync(manifestEntry.path, 'utf8')) as BackupManifest;
  } catch {
    throw new RestoreRefused(`the ${MANIFEST_FILE} of ${file} is not JSON: the backup is damaged`);
  }
  if (manifest.format !== BACKUP_FORMAT) throw new RestoreRefused(`${file} is not a Samvirke backup`);
  if (manifest.formatVersion !== BACKUP_FORMAT_VERSION)
    throw new RestoreRefused(`${file} is backup format ${manifest.formatVersion}; this version reads ${BACKUP_FORMAT_VERSION}`);
  if (!/^\d+$/.test(manifest.xid?.snapshotXmax ?? '') || !Array.isArray(manifest.migrations) || manifest.migrations.length === 0) {
    throw new RestoreRefused(`the ${MANIFEST_FILE} of ${file} is incomplete: the backup is damaged`);
  }
  for (const table of manifest.tables) {
    const entry = entries.get(table.file);
    if (!entry) throw new RestoreRefused(`${file} lacks ${table.file} (${table.schema}.${table.table}): the backup is incomplete`);
    if (entry.size !== table.bytes || entry.sha256 !== table.sha256) {
      throw new RestoreRefused(
        `${table.file} (${table.schema}.${table.table}) does not match its sha256 in the manifest: the backup is damaged or was changed; nothing was restored`,
      );
    }
  }
  return manifest;
}

/** What makes a database one not to overwrite without --force: any event, data key or audit entry. */
async function holdsData(client: PoolClient): Promise<string[]> {
  const found: string[] = [];
  for (const table of ['es_events', 'privacy_data_keys', 'audit_log']) {
    const exists = await client.query<{ exists: boolean }>('SELECT to_regclass($1) IS NOT NULL AS exists', [qualified(APP_SCHEMA, table)]);
    if (!exists.rows[0].exists) continue;
    const any = await client.query<{ any: boolean }>(`SELECT EXISTS (SELECT 1 FROM ${qualified(APP_SCHEMA, table)}) AS any`);
    if (any.rows[0].any) found.push(table);
  }
  return found;
}

/**
 * Advances the cluster's transaction-id counter until the next id is at least `target`, so every new
 * append sorts after every restored event. Restoring into the cluster the backup came from (or any
 * cluster that has run longer) burns nothing. Each burnt id is a rolled-back subtransaction, so the
 * outer transaction keeps no list of them. Too large a gap is refused with the offline alternative.
 */
async function advanceTransactionIds(client: PoolClient, target: bigint, output: BackupOutput): Promise<bigint> {
  const current = BigInt((await client.query<{ xid: string }>('SELECT pg_current_xact_id()::text AS xid')).rows[0].xid);
  const gap = target - current - 1n;
  if (gap <= 0n) return 0n;
  if (gap > MAX_XIDS_TO_BURN) {
    const epoch = target >> 32n;
    const xid = target & 0xffffffffn;
    throw new RestoreRefused(
      `this cluster's transaction counter (${current}) is ${gap} short of the backup's high-water ${target}, more than ${MAX_XIDS_TO_BURN} to burn: ` +
        `stop the cluster, run \`pg_resetwal -e ${epoch} -x ${xid < 3n ? 3n : xid} DATADIR\`, start it and restore again`,
    );
  }
  output.err(`restore: advancing the transaction counter by ${gap} (from ${current} to ${target})`);
  await client.query('CREATE TEMPORARY TABLE IF NOT EXISTS samvirke_restore_burn (x integer)');
  let burnt = 0n;
  while (burnt < gap) {
    const n = gap - burnt > BigInt(XIDS_PER_STATEMENT) ? XIDS_PER_STATEMENT : Number(gap - burnt);
    await client.query(
      `DO $$ BEGIN FOR i IN 1..${n} LOOP
         BEGIN INSERT INTO samvirke_restore_burn VALUES (1); RAISE EXCEPTION USING ERRCODE = 'P0001';
         EXCEPTION WHEN raise_exception THEN NULL; END;
       END LOOP; END $$`,
    );
    burnt += BigInt(n);
  }
  await client.query('DROP TABLE samvirke_restore_burn');
  return burnt;
}

/** Drops what the migrations, the read models and earlier runs made, so the restore starts from nothing. */
async function dropEverything(client: PoolClient): Promise<void> {
  const schemas = await client.query<{ name: string }>("SELECT nspname AS name FROM pg_namespace WHERE nspname = $1 OR nspname ~ '^rm_[a-z0-9_]+_g[0-9]+$'", [
    READ_MODEL_SCHEMA,
  ]);
  const appObjects = await client.query<{ n: string }>(
    `SELECT (SELECT count(*) FROM pg_class c WHERE c.relnamespace = $1::regnamespace) + (SELECT count(*) FROM pg_proc p WHERE p.pronamespace = $1::regnamespace) AS n`,
    [APP_SCHEMA],
  );
  await client.query('BEGIN');
  for (const { name } of schemas.rows) await client.query(`DROP SCHEMA "${name}" CASCADE`);
  if (Number(appObjects.rows[0].n) > 0) {
    await client.query(`DROP SCHEMA ${APP_SCHEMA} CASCADE`);
    await client.query(`CREATE SCHEMA ${APP_SCHEMA}`);
  }
  await client.query('COMMIT');
}

/**
 * One transaction: empties what the migrations seeded, recreates each read model's generation whose
 * projection version this code has (the others are left to rebuild from the events on start), COPYs
 * every table in, and sets the sequences. Returns the read models restored.
 */
async function load(client: PoolClient, manifest: BackupManifest, work: string): Promise<string[]> {
  await client.query('BEGIN');
  try {
    await client.query('SET LOCAL statement_timeout = 0');
    const restored: string[] = [];
    for (const entry of manifest.projections) {
      const projection = READ_MODEL_PROJECTIONS.find((candidate) => candidate.name === entry.name && candidate.version === entry.version);
      if (!projection) continue;
      await createGenerationSchema(client, projection, entry.generation);
      await pointViewsAt(client, projection, entry.schema);
      restored.push(entry.name);
    }
    await client.query(`SET LOCAL search_path TO ${APP_SCHEMA}`);
    const seeded: string[] = [];
    for (const table of manifest.tables.filter((candidate) => candidate.schema === APP_SCHEMA)) {
      const any = await client.query<{ any: boolean }>(`SELECT EXISTS (SELECT 1 FROM ${qualified(APP_SCHEMA, table.table)}) AS any`);
      if (any.rows[0].any) seeded.push(qualified(APP_SCHEMA, table.table));
    }
    if (seeded.length > 0) await client.query(`TRUNCATE ${seeded.join(', ')}`);
    for (const table of manifest.tables) {
      if (table.schema !== APP_SCHEMA && !manifest.projections.some((p) => p.schema === table.schema && restored.includes(p.name))) continue;
      const stream = client.query(copyFrom(`COPY ${qualified(table.schema, table.table)} (${quoteColumns(table.columns)}) FROM STDIN`));
      await pipeline(createReadStream(join(work, table.file)), stream);
      if (stream.rowCount !== table.rows) throw new Error(`${table.schema}.${table.table}: loaded ${stream.rowCount} rows, the manifest says ${table.rows}`);
    }
    // A read model this code cannot restore (another projection version) starts again from the events;
    // a rebuild that was under way when the backup was taken is not part of it.
    await client.query('DELETE FROM public.projection_state WHERE NOT (name = ANY ($1::text[]))', [restored]);
    await client.query(
      `UPDATE public.projection_state SET building_generation = NULL, building_version = NULL, building_checkpoint = NULL,
              status = CASE WHEN status = 'rebuilding' THEN 'running' ELSE status END, updated_at = now()`,
    );
    for (const sequence of manifest.sequences) {
      await client.query('SELECT setval($1::regclass, $2::bigint, $3)', [qualified(APP_SCHEMA, sequence.name), sequence.lastValue, sequence.isCalled]);
    }
    await client.query('COMMIT');
    return restored;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
}
