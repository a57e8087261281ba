import { randomUUID } from 'node:crypto';
import { Pool } from 'pg';
import { PostgresEventStore } from '@samvirke/event-store/postgres';
import type { EventStore, ExpectedRevision, GlobalPosition, NewEvent } from '@samvirke/event-store';
import type { CaseEvent } from '@samvirke/case';
import { testDatabaseUrl } from '../../../../../test/support/test-database';
import { READ_MODEL_SCHEMA } from '../projection';
import { ProjectionRunner, type ProjectionRunnerOptions } from '../projection-runner';
import { migrateDatabase } from '@samvirke/migrations';

/** The event store and read-model pool of a test file, on the test run's database. */
export async function openRunnerFixture(): Promise<{ store: PostgresEventStore; pool: Pool; close(): Promise<void> }> {
  const store = new PostgresEventStore({ connectionString: testDatabaseUrl(), maxConnections: 6, pollIntervalMs: 50 });
  await migrateDatabase(testDatabaseUrl());
  const pool = new Pool({ connectionString: testDatabaseUrl(), max: 8, pipeline: true });
  pool.on('error', () => undefined);
  return { store, pool, close: async () => void (await Promise.all([store.close(), pool.end()])) };
}

export interface RunnerFixture {
  readonly store: PostgresEventStore;
  readonly pool: Pool;
  /** A runner on the fixture's pool and store (or `eventStore`), not started; stopped after the block's tests. */
  runner(options: FixtureRunnerOptions): ProjectionRunner;
  /** The same, started. */
  startRunner(options: FixtureRunnerOptions): Promise<ProjectionRunner>;
  /** Appends case events as one write (new ids, metadata of `actor` acting for `agency`); returns its position. */
  appendCaseEvents(stream: string, events: readonly CaseEvent[], options?: CaseAppendOptions): Promise<GlobalPosition>;
}

export type FixtureRunnerOptions = Omit<ProjectionRunnerOptions, 'eventStore' | 'pool'> & { eventStore?: EventStore };

export interface CaseAppendOptions {
  /** Default 'int-test'. */
  actor?: string;
  /** Default 'BIF'. */
  agency?: string;
  /** Default 'any'. */
  expected?: ExpectedRevision;
}

/**
 * The set-up of a runner integration spec, written once: call it at the top of a describe block. It
 * opens the event store and the read-model pool before the block's tests and, after them, stops
 * every runner made through it and closes both. `store` and `pool` are there from the first test on.
 */
export function useRunnerFixture(): RunnerFixture {
  let opened: Awaited<ReturnType<typeof openRunnerFixture>> | undefined;
  const runners: ProjectionRunner[] = [];
  beforeAll(async () => {
    opened = await openRunnerFixture();
  });
  afterAll(async () => {
    await Promise.all(runners.map((runner) => runner.stop()));
    await opened?.close();
  });
  const open = () => {
    if (opened === undefined) throw new Error('the runner fixture opens in beforeAll: use it inside a test or a hook');
    return opened;
  };
  const runner = (options: FixtureRunnerOptions) => {
    const made = new ProjectionRunner({ ...options, eventStore: options.eventStore ?? open().store, pool: open().pool });
    runners.push(made);
    return made;
  };
  return {
    get store() {
      return open().store;
    },
    get pool() {
      return open().pool;
    },
    runner,
    async startRunner(options) {
      const started = runner(options);
      await started.start();
      return started;
    },
    async appendCaseEvents(stream, events, { actor = 'int-test', agency = 'BIF', expected = 'any' } = {}) {
      const result = await open().store.appendToStream(stream, caseNewEvents(events, actor, agency), expected);
      return result.position;
    },
  };
}

/** Case events as new events of the log, each with its own id, done by `actor` acting for `agency`. */
export function caseNewEvents(events: readonly CaseEvent[], actor: string, agency: string): NewEvent[] {
  return events.map((event) => ({
    id: randomUUID(),
    type: event.type,
    schemaVersion: 1,
    data: event.data,
    metadata: { actor, agency, correlationId: randomUUID() },
  }));
}

/** Names no other test uses: projection name, stream prefix, table prefix. */
export function uniqueNames(label: string): { name: string; streamPrefix: string; tablePrefix: string } {
  const suffix = randomUUID().replace(/-/g, '').slice(0, 10);
  return { name: `${label}-${suffix}`, streamPrefix: `${label}${suffix}-`, tablePrefix: `${label.replace(/-/g, '_')}_${suffix}` };
}

export function newEvent(type = 'SomethingHappened'): NewEvent {
  return { id: randomUUID(), type, schemaVersion: 1, data: { n: Math.random() }, metadata: { actor: 'runner-test', correlationId: randomUUID() } };
}

/** Appends `count` events over `streams` streams, 1-3 per append; returns the last append's position and the ids. */
export async function appendEvents(
  store: PostgresEventStore,
  streamPrefix: string,
  count: number,
  streams = 5,
): Promise<{ last: GlobalPosition; ids: string[] }> {
  const ids: string[] = [];
  let last: GlobalPosition | undefined;
  let written = 0;
  while (written < count) {
    const size = Math.min(count - written, 1 + (written % 3));
    const events = Array.from({ length: size }, () => newEvent());
    const result = await store.appendToStream(`${streamPrefix}${written % streams}`, events, 'any');
    ids.push(...events.map((e) => e.id));
    last = result.position;
    written += size;
  }
  return { last: last as GlobalPosition, ids };
}

/** Every row of a read model as readers see it, in a fixed order, for whole-table comparisons. */
export async function readModelRows(pool: Pool, table: string, schema = READ_MODEL_SCHEMA): Promise<unknown[]> {
  const result = await pool.query(`SELECT * FROM ${schema}.${table} ORDER BY 1, 2, 3`);
  return result.rows;
}

export async function waitUntil(condition: () => Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
