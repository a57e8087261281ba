import 'reflect-metadata';
import { parentPort } from 'node:worker_threads';
import { Pool } from 'pg';
import { PostgresEventStore } from '@samvirke/event-store/postgres';
import { createEventStoreDbEventStore } from '@samvirke/event-store/eventstoredb';
import type { EventStore } from '@samvirke/event-store';
import { ProjectionRunner } from '@samvirke/projections';
import { CASE_STREAM_PREFIX } from '@samvirke/case/application/case-identity';
import { ConfigError, DatabaseUnreachableError, createLogger, loadConfig, openDatabase, surviveConnectionLoss } from '@samvirke/platform';
import { READ_MODEL_PROJECTIONS } from '@samvirke/read-models';
import { migrateDatabase } from '@samvirke/migrations';
import {
  PersonalDataVault,
  PrivacyConfigError,
  assertMasterKeysOpenDatabase,
  loadPrivacyConfig,
  openingEventStore,
  warnWhenUnopenable,
} from '@samvirke/privacy';
import { NotificationConfigError, NotificationRuntime, loadNotificationConfig } from '@samvirke/notifications';

/**
 * The projection runner as its own process, for deployments that scale reads and projections
 * separately (run the API with PROJECTIONS_IN_API=false). Same projections, same catalogue: the API
 * reads the checkpoints this process commits. Several workers may run; a projection's batches are
 * exactly-once whichever process commits them (see ProjectionRunner).
 */
async function main(): Promise<void> {
  let config, notificationConfig, privacyConfig;
  try {
    config = loadConfig();
    notificationConfig = loadNotificationConfig(process.env);
    privacyConfig = loadPrivacyConfig(process.env, config.dataDir);
  } catch (error) {
    if (error instanceof ConfigError || error instanceof NotificationConfigError || error instanceof PrivacyConfigError) {
      process.stderr.write(`samvirke-worker: ${error.message}\n`);
      process.exit(78);
    }
    throw error;
  }
  const logger = createLogger(config.logLevel, undefined, config.logFormat).child({ process: 'worker' });
  let database;
  try {
    database = await openDatabase(config);
  } catch (error) {
    process.stderr.write(`samvirke-worker: ${error instanceof DatabaseUnreachableError ? error.message : (error as Error).message}\n`);
    process.exit(69);
  }
  // The same migrations as the API's start; started together, they take turns (libs/migrations).
  const migrated = await migrateDatabase(database.connectionString, { applicationName: 'samvirke-worker' });
  if (migrated.applied.length + migrated.adopted.length > 0) logger.info(migrated, 'database migrated');
  const pool = new Pool({
    connectionString: database.connectionString,
    max: config.databasePoolSize,
    statement_timeout: config.databaseStatementTimeoutMs,
    idle_in_transaction_session_timeout: 10_000,
    pipeline: true,
  });
  surviveConnectionLoss(pool);
  try {
    // A database sealed under other master keys: refuse, as for a bad setting (libs/privacy, key-store.ts).
    await assertMasterKeysOpenDatabase(pool, privacyConfig.masterKeyring);
  } catch (error) {
    if (!(error instanceof PrivacyConfigError)) throw error;
    process.stderr.write(`samvirke-worker: ${error.message}\n`);
    process.exit(78);
  }
  let eventStore: EventStore;
  if (config.eventStoreConnectionString) {
    eventStore = createEventStoreDbEventStore(config.eventStoreConnectionString, { streamPrefixes: [CASE_STREAM_PREFIX] });
  } else {
    const postgres = new PostgresEventStore({
      connectionString: database.connectionString,
      maxConnections: config.databasePoolSize,
      application: 'samvirke-worker',
    });
    eventStore = postgres;
  }
  // Projections get CaseOpened's sealed birth date and district opened (issue 21), with the API's keys.
  const vault = new PersonalDataVault(pool, privacyConfig);
  const runner = new ProjectionRunner({
    eventStore: openingEventStore(eventStore, vault, { onUnopenable: warnWhenUnopenable((fields, message) => logger.warn(fields, message)) }),
    pool,
    projections: READ_MODEL_PROJECTIONS,
    logger: logger.child({ component: 'projections' }),
  });
  // Mail, webhooks and the inbox's audit rows from the outbox (the migrations above made their tables).
  const notifications = new NotificationRuntime(pool, notificationConfig, {
    connectionString: database.connectionString,
    logger: logger.child({ component: 'notifications' }),
    clock: { now: () => new Date() },
  });
  await notifications.start();
  await runner.start();
  logger.info({ projections: runner.projectionNames, notificationDelivery: notificationConfig.deliveryEnabled }, 'worker running projections');
  // As the API's projection thread: the read models' tables and views exist now, so the API may answer.
  parentPort?.postMessage('ready');

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'worker stopping');
    const force = setTimeout(() => process.exit(1), config.shutdownTimeoutMs);
    force.unref();
    await runner.stop();
    await notifications.stop();
    await eventStore.close();
    await pool.end();
    await database.close();
    process.exit(0);
  };
  process.once('SIGTERM', () => void stop('SIGTERM'));
  process.once('SIGINT', () => void stop('SIGINT'));
  // As the API's projection thread (apps/api/src/projection-thread.ts): the API asks it to stop.
  parentPort?.on('message', (message) => {
    if (message === 'stop') void stop('parent');
  });
}

main().catch((error: unknown) => {
  process.stderr.write(`samvirke-worker: failed to start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
