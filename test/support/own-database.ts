import { randomBytes } from 'node:crypto';
import { Client } from 'pg';

/**
 * A database of one test's own on the run's PostgreSQL server, for tests that need a store no other
 * test writes to (counting every event of the store, rebuilding every read model). Dropped with
 * FORCE, so a connection left open by a killed child process cannot keep it alive.
 */
export interface OwnDatabase {
  url: string;
  drop(): Promise<void>;
}

function serverUrl(): string {
  const url = process.env.TEST_SERVER_DATABASE_URL ?? process.env.DATABASE_URL;
  if (!url) throw new Error('TEST_SERVER_DATABASE_URL is not set: run the tests with `npm test`, which provides a server');
  return url;
}

async function onServer(sql: string): Promise<void> {
  const client = new Client({ connectionString: serverUrl() });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

export async function createOwnDatabase(prefix: string): Promise<OwnDatabase> {
  // Only [a-z0-9_] reaches the identifier: the prefix is checked, the suffix is hex.
  if (!/^[a-z][a-z0-9_]{0,30}$/.test(prefix)) throw new Error(`database prefix "${prefix}" must be a short lower-case identifier`);
  const name = `${prefix}_${randomBytes(5).toString('hex')}`;
  await onServer(`CREATE DATABASE ${name}`);
  const url = new URL(serverUrl());
  url.pathname = `/${name}`;
  let dropped = false;
  return {
    url: url.toString(),
    async drop() {
      if (dropped) return;
      dropped = true;
      await onServer(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    },
  };
}
