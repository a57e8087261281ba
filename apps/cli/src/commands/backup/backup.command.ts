import { createHash } from 'node:crypto';
import { createWriteStream, existsSync, mkdtempSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Client } from 'pg';
import { to as copyTo } from 'pg-copy-streams';
import { loadConfig, openDatabase } from '@samvirke/platform';
import {
  APP_SCHEMA,
  BACKUP_FORMAT,
  BACKUP_FORMAT_VERSION,
  MANIFEST_FILE,
  qualified,
  quoteColumns,
  type BackupManifest,
  type BackupProjection,
  type BackupTable,
} from './backup-format';
import { writeTarGz } from './tar';

const EXIT_REFUSED = 65;

export interface BackupOutput {
  out: (line: string) => void;
  err: (line: string) => void;
}

const standardOutput: BackupOutput = { out: (line) => process.stdout.write(`${line}\n`), err: (line) => process.stderr.write(`${line}\n`) };

/**
 * `npm run cli -- backup FILE`: every table of the application schema and the read models' active
 * generations, read in one REPEATABLE READ READ ONLY transaction (one snapshot: the events, the keys,
 * the audit log and each read model with its checkpoint as they were at one instant, whatever is
 * being written meanwhile), COPY'd out table by table into one gzipped tar with a manifest. A
 * read-only transaction takes no transaction id, so it does not hold back the projections' read horizon.
 */
export async function runBackup(file: string, output: BackupOutput = standardOutput): Promise<number> {
  if (existsSync(file)) {
    output.err(`backup: ${file} exists; name a new file`);
    return EXIT_REFUSED;
  }
  const config = loadConfig();
  if (config.eventStoreConnectionString) {
    output.err(
      'backup: the events are in EventStoreDB (EVENTSTORE_CONNECTION_STRING): this backs up the PostgreSQL side only; back up EventStoreDB as the README says',
    );
  }
  const database = await openDatabase(config, undefined, { role: 'command' });
  const work = mkdtempSync(join(tmpdir(), 'samvirke-backup-'));
  const client = new Client({ connectionString: database.connectionString, application_name: 'samvirke-cli-backup' });
  client.on('error', () => undefined);
  const started = Date.now();
  try {
    await client.connect();
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    await client.query("SET LOCAL statement_timeout = 0; SET LOCAL idle_in_transaction_session_timeout = 0; SET LOCAL search_path = ''");
    // The first query fixes the snapshot; its xmax bounds every transaction id the backup can hold.
    const info = await client.query<{ xmax: string; version: string; num: string }>(
      "SELECT pg_snapshot_xmax(pg_current_snapshot())::text AS xmax, current_setting('server_version') AS version, current_setting('server_version_num') AS num",
    );
    const exists = async (table: string) =>
      (
        await client.query('SELECT 1 FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = $1 AND c.relname = $2', [
          APP_SCHEMA,
          table,
        ])
      ).rowCount === 1;
    if (!(await exists('samvirke_migrations'))) {
      output.err('backup: this database has no samvirke_migrations table: it is not a Samvirke database (or never started)');
      return EXIT_REFUSED;
    }
    const migrations = (await client.query<{ name: string }>('SELECT name FROM public.samvirke_migrations ORDER BY timestamp, id')).rows.map((row) => row.name);
    const maxEvent = (await exists('es_events'))
      ? (await client.query<{ max: string | null }>('SELECT max(transaction_id)::text AS max FROM public.es_events')).rows[0].max
      : null;

    const appTables = (
      await client.query<{ name: string }>(
        `SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
          WHERE n.nspname = $1 AND c.relkind IN ('r', 'p') AND NOT c.relispartition ORDER BY 1`,
        [APP_SCHEMA],
      )
    ).rows.map((row) => row.name);
    const references = (
      await client.query<{ child: string; parent: string }>(
        `SELECT c.relname AS child, p.relname AS parent FROM pg_constraint k
           JOIN pg_class c ON c.oid = k.conrelid JOIN pg_class p ON p.oid = k.confrelid
           JOIN pg_namespace n ON n.oid = c.relnamespace
          WHERE k.contype = 'f' AND n.nspname = $1 AND k.conrelid <> k.confrelid`,
        [APP_SCHEMA],
      )
    ).rows;
    const ordered = dependencyOrder(appTables, references);

    const projections: BackupProjection[] = [];
    if (await exists('projection_state')) {
      const states = await client.query<{ name: string; version: number; active_generation: number; active_schema: string }>(
        'SELECT name, version, active_generation, active_schema FROM public.projection_state ORDER BY name',
      );
      for (const state of states.rows) {
        const tables = (
          await client.query<{ name: string }>(
            "SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = $1 AND c.relkind = 'r' ORDER BY 1",
            [state.active_schema],
          )
        ).rows.map((row) => row.name);
        // A rebuild that swapped after this snapshot drops the old generation: lock its tables now, so
        // the drop waits for the backup (and gives up after its lock timeout, harmlessly). A generation
        // already gone is left out; that read model rebuilds from the events after a restore.
        if (tables.length === 0) continue;
        await client.query('SAVEPOINT lock_generation');
        try {
          for (const table of tables) await client.query(`LOCK TABLE ${qualified(state.active_schema, table)} IN ACCESS SHARE MODE`);
          await client.query('RELEASE SAVEPOINT lock_generation');
        } catch (error) {
          if (!['42P01', '3F000'].includes((error as { code?: string }).code ?? '')) throw error;
          await client.query('ROLLBACK TO SAVEPOINT lock_generation');
          continue;
        }
        projections.push({ name: state.name, version: state.version, generation: state.active_generation, schema: state.active_schema, tables });
      }
    }

    const sequences: BackupManifest['sequences'] = [];
    const sequenceNames = await client.query<{ name: string }>(
      "SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = $1 AND c.relkind = 'S' ORDER BY 1",
      [APP_SCHEMA],
    );
    for (const { name } of sequenceNames.rows) {
      const value = await client.query<{ last_value: string; is_called: boolean }>(`SELECT last_value::text, is_called FROM ${qualified(APP_SCHEMA, name)}`);
      sequences.push({ name, lastValue: value.rows[0].last_value, isCalled: value.rows[0].is_called });
    }

    const tables: BackupTable[] = [];
    const toCopy = [
      ...ordered.map((table) => ({ schema: APP_SCHEMA, table })),
      ...projections.flatMap((projection) => projection.tables.map((table) => ({ schema: projection.schema, table }))),
    ];
    for (const [index, { schema, table }] of toCopy.entries()) {
      const columns = (
        await client.query<{ name: string }>(
          `SELECT a.attname AS name FROM pg_attribute a
            WHERE a.attrelid = to_regclass($1) AND a.attnum > 0 AND NOT a.attisdropped AND a.attgenerated = '' ORDER BY a.attnum`,
          [qualified(schema, table)],
        )
      ).rows.map((row) => row.name);
      const entry = `${String(index + 1).padStart(3, '0')}-${schema}.${table}.copy`;
      const path = join(work, entry);
      const hash = createHash('sha256');
      let rows = 0;
      const count = new Transform({
        transform(chunk: Buffer, _encoding, callback) {
          hash.update(chunk);
          // COPY's text format ends every row with a newline and escapes those inside values.
          for (const byte of chunk) if (byte === 10) rows += 1;
          callback(null, chunk);
        },
      });
      await pipeline(client.query(copyTo(`COPY ${qualified(schema, table)} (${quoteColumns(columns)}) TO STDOUT`)), count, createWriteStream(path));
      tables.push({ file: entry, schema, table, columns, rows, bytes: statSync(path).size, sha256: hash.digest('hex') });
    }
    await client.query('COMMIT');

    const manifest: BackupManifest = {
      format: BACKUP_FORMAT,
      formatVersion: BACKUP_FORMAT_VERSION,
      createdAt: new Date().toISOString(),
      server: { version: info.rows[0].version, versionNum: Number(info.rows[0].num) },
      migration: migrations[migrations.length - 1],
      migrations,
      xid: { snapshotXmax: info.rows[0].xmax, maxEventTransactionId: maxEvent },
      tables,
      sequences,
      projections,
    };
    const manifestPath = join(work, MANIFEST_FILE);
    writeFileSync(manifestPath, `${JSON.stringify(manifest, null, 2)}\n`);
    const partial = `${file}.partial`;
    rmSync(partial, { force: true });
    await writeTarGz(
      partial,
      [
        { name: MANIFEST_FILE, path: manifestPath, size: statSync(manifestPath).size },
        ...tables.map((table) => ({ name: table.file, path: join(work, table.file), size: table.bytes })),
      ],
      new Date(manifest.createdAt),
    );
    renameSync(partial, file);
    const events = tables.find((table) => table.schema === APP_SCHEMA && table.table === 'es_events')?.rows ?? 0;
    const rows = tables.reduce((sum, table) => sum + table.rows, 0);
    output.out(
      `backed up ${tables.length} tables (${rows} rows, ${events} events, ${projections.length} read models) at migration ${manifest.migration} ` +
        `to ${file} (${statSync(file).size} bytes) in ${((Date.now() - started) / 1000).toFixed(1)} s; transaction id high-water ${manifest.xid.snapshotXmax}`,
    );
    return 0;
  } finally {
    await client.end().catch(() => undefined);
    await database.close();
    rmSync(work, { recursive: true, force: true });
  }
}

/** Tables ordered so each comes after the ones its foreign keys reference (name order otherwise). */
export function dependencyOrder(tables: string[], references: Array<{ child: string; parent: string }>): string[] {
  const ordered: string[] = [];
  const placed = new Set<string>();
  const visit = (table: string, path: Set<string>) => {
    if (placed.has(table) || path.has(table)) return;
    path.add(table);
    for (const { parent } of references.filter((reference) => reference.child === table)) if (tables.includes(parent)) visit(parent, path);
    placed.add(table);
    ordered.push(table);
  };
  for (const table of [...tables].sort()) visit(table, new Set());
  return ordered;
}
