import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { baseEnv } from './api-process';
import { runCli } from './cli-process';

/**
 * Every stored value of a database as text, read through SQL: each row of each table and
 * materialized view in every schema but PostgreSQL's own, in the server's text form of each column
 * (what pg_dump writes too: bytea as hex, jsonb as its text). Tests grep it for personal data that
 * should be gone. It replaces shelling out to pg_dump, which refuses a server of a newer major
 * version than itself (the machine's pg_dump 15 against the embedded PostgreSQL 18).
 */
export async function dumpAllRows(connectionString: string): Promise<string> {
  const client = new Client({ connectionString, types: { getTypeParser: () => (value: string) => value } });
  client.on('error', () => undefined);
  await client.connect();
  try {
    const relations = await client.query<{ schema: string; name: string }>(
      `SELECT n.nspname AS schema, c.relname AS name
         FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE c.relkind IN ('r', 'm')
          AND n.nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast')
          AND n.nspname NOT LIKE 'pg_temp%'
        ORDER BY 1, 2`,
    );
    const parts: string[] = [];
    for (const { schema, name } of relations.rows) {
      const qualified = `${client.escapeIdentifier(schema)}.${client.escapeIdentifier(name)}`;
      // Other test files share the database and drop their own scratch schemas and tables while this
      // reads (pg_dump would hold locks; this reads table by table): a relation gone by the time it is
      // read held nothing of this test's, so it is skipped rather than failing the dump.
      const rows = await client.query({ text: `SELECT * FROM ${qualified}`, rowMode: 'array' }).catch((error: { code?: string }) => {
        if (error.code === '42P01' || error.code === '3F000') return undefined;
        throw error;
      });
      if (rows === undefined) continue;
      parts.push(`-- ${schema}.${name}`);
      for (const row of rows.rows as unknown[][]) parts.push(row.map((value) => (value === null ? '\\N' : String(value))).join('\t'));
    }
    return parts.join('\n');
  } finally {
    await client.end();
  }
}

/**
 * What `npm run cli -- backup` writes of the database, as text: the manifest and every table's COPY
 * file, unpacked by the system's tar. The backup is the copy of the database an operator takes off
 * the machine, so the erasure tests grep it as well as the live rows. Works on both test paths (the
 * machine's PostgreSQL and the embedded one) because the backup needs no pg_dump.
 */
export async function dumpViaBackup(connectionString: string): Promise<string> {
  const work = mkdtempSync(join(tmpdir(), 'samvirke-dump-'));
  try {
    const file = join(work, 'backup.tar.gz');
    const result = await runCli(['backup', file], { ...baseEnv(), DATABASE_URL: connectionString, DATA_DIR: work, LOG_LEVEL: 'warn' });
    if (result.code !== 0) throw new Error(`npm run cli -- backup exited ${result.code}: ${result.stderr}`);
    return execFileSync('tar', ['-xzOf', file], { encoding: 'utf8', maxBuffer: 1 << 30 });
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
