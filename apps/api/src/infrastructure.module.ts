import { Global, Inject, Module, type DynamicModule, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { createHmac } from 'node:crypto';
import { Pool } from 'pg';
import type { Logger } from 'pino';
import { EVENT_STORE, decodePosition, timedEventStore, type EventStore } from '@samvirke/event-store';
import { PostgresEventStore, ReadHorizonMonitor } from '@samvirke/event-store/postgres';
import { createEventStoreDbEventStore } from '@samvirke/event-store/eventstoredb';
import { ProjectionRunner, postgresEventCounter, type Projection } from '@samvirke/projections';
import { PROJECTION_PROGRESS, type ProjectionProgress } from '@samvirke/projections/http/read-model-query';
import { CASE_STREAM_PREFIX } from '@samvirke/case/application/case-identity';
import { READ_MODEL_PROJECTIONS } from '@samvirke/read-models';
import {
  APP_CONFIG,
  APP_LOGGER,
  APP_METRICS,
  AppMetrics,
  CLOCK,
  METRICS_COLLECTORS,
  type MetricsCollector,
  DATABASE_POOL,
  HealthRegistry,
  systemClock,
  type AppConfig,
  type Clock,
  surviveConnectionLoss,
} from '@samvirke/platform';
import type { AuthConfig } from '@samvirke/access';
import type { AuditConfig } from '@samvirke/access/read-audit/audit-config';
import { PersonalDataVault, openingEventStore, warnWhenUnopenable, type PrivacyConfig } from '@samvirke/privacy';
import { PERSONAL_DATA_SEALER, type PersonalDataSealer } from '@samvirke/case/application/personal-data-port';
import { CaseGate } from '@samvirke/commands';
import { loadReferenceData } from '@samvirke/reference-data';
import { migrateDatabase } from '@samvirke/migrations';
import type { NotificationConfig } from '@samvirke/notifications';

export interface ApiRuntime {
  config: AppConfig;
  /** The resolved PostgreSQL (DATABASE_URL or the embedded one) for read models and the default event store. */
  connectionString: string;
  logger: Logger;
  authConfig: AuthConfig;
  privacyConfig: PrivacyConfig;
  clock?: Clock;
  /** Loaded from the environment at start (AUDIT_RETENTION_DAYS) when not given. */
  auditConfig?: AuditConfig;
  /** Loaded from the environment at start (SMTP_URL, WEBHOOK_TIMEOUT_MS, ...) when not given. */
  notificationConfig?: NotificationConfig;
  /** Defaults to every read model; tests may run a subset. */
  projections?: Projection[];
}

function sealerFor(vault: PersonalDataVault, config: PrivacyConfig): PersonalDataSealer {
  // Request fingerprints use a key derived from the CPR secret, so they are useless without it.
  const fingerprintKey = createHmac('sha256', config.cprHmacSecret.reveal()).update('request-fingerprint-v1').digest();
  return {
    seal: (subject, plaintext) => vault.seal(subject, plaintext),
    cprHash: (cpr) => vault.cprHash(cpr),
    claimCaseOfCitizen: (cpr) => vault.claimCaseOfCitizen(cpr),
    fingerprint: (text) => createHmac('sha256', fingerprintKey).update(text).digest('hex'),
  };
}

function createEventStore(runtime: ApiRuntime): EventStore {
  if (runtime.config.eventStoreConnectionString) {
    return createEventStoreDbEventStore(runtime.config.eventStoreConnectionString, { streamPrefixes: [CASE_STREAM_PREFIX] });
  }
  return new PostgresEventStore({
    connectionString: runtime.connectionString,
    maxConnections: runtime.config.databasePoolSize,
    statementTimeoutMs: runtime.config.databaseStatementTimeoutMs,
    application: 'samvirke-api',
  });
}

/**
 * Opens the shared infrastructure once for the whole app: the event store, the read-model pool,
 * the clock, the logger, the health registry. Everything else receives these by injection.
 */
@Global()
@Module({})
export class InfrastructureModule implements OnModuleInit, OnApplicationShutdown {
  constructor(
    @Inject(EVENT_STORE) private readonly eventStore: EventStore,
    @Inject(DATABASE_POOL) private readonly pool: Pool,
    private readonly health: HealthRegistry,
    private readonly projections: ProjectionRunner,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(APP_LOGGER) private readonly logger: Logger,
    @Inject(APP_METRICS) private readonly metrics: AppMetrics,
  ) {}

  /** Names the open transaction that holds the global log back, when one does (PostgreSQL event store only). */
  private horizon: ReadHorizonMonitor | undefined;

  static register(runtime: ApiRuntime): DynamicModule {
    const providers = [
      { provide: APP_LOGGER, useValue: runtime.logger },
      { provide: CLOCK, useValue: runtime.clock ?? systemClock },
      { provide: APP_METRICS, useFactory: () => new AppMetrics() },
      {
        // The one write path for case streams (libs/commands): HTTP commands, legal holds, erasure, retention.
        provide: CaseGate,
        inject: [EVENT_STORE, CLOCK],
        useFactory: (store: EventStore, clock: Clock) => new CaseGate(store, loadReferenceData(), clock),
      },
      {
        provide: EVENT_STORE,
        inject: [APP_METRICS],
        useFactory: (metrics: AppMetrics) =>
          timedEventStore(createEventStore(runtime), (seconds, outcome) => metrics.appendDuration.observe({ outcome }, seconds)),
      },
      {
        provide: DATABASE_POOL,
        useFactory: async () => {
          // Every component's tables before anything uses the database (libs/migrations).
          const migrated = await migrateDatabase(runtime.connectionString, { applicationName: 'samvirke-api' });
          if (migrated.applied.length + migrated.adopted.length > 0) runtime.logger.info(migrated, 'database migrated');
          const pool = new Pool({
            connectionString: runtime.connectionString,
            max: runtime.config.databasePoolSize,
            connectionTimeoutMillis: 5_000,
            statement_timeout: runtime.config.databaseStatementTimeoutMs,
            idle_in_transaction_session_timeout: 10_000,
            application_name: 'samvirke-read-models',
            // Projections send their writes without waiting for each answer (ProjectionTransaction.write).
            pipeline: true,
          });
          surviveConnectionLoss(pool);
          return pool;
        },
      },
      {
        provide: PersonalDataVault,
        inject: [DATABASE_POOL, CLOCK],
        useFactory: (pool: Pool, clock: Clock) => new PersonalDataVault(pool, runtime.privacyConfig, { clock }),
      },
      {
        provide: PERSONAL_DATA_SEALER,
        inject: [PersonalDataVault],
        useFactory: (vault: PersonalDataVault) => sealerFor(vault, runtime.privacyConfig),
      },
      {
        provide: ProjectionRunner,
        inject: [EVENT_STORE, DATABASE_POOL, PersonalDataVault],
        useFactory: (eventStore: EventStore, pool: Pool, vault: PersonalDataVault) =>
          new ProjectionRunner({
            // Projections get CaseOpened's sealed birth date and district opened (issue 21).
            eventStore: openingEventStore(eventStore, vault, { onUnopenable: warnWhenUnopenable((fields, message) => runtime.logger.warn(fields, message)) }),
            pool,
            projections: runtime.projections ?? READ_MODEL_PROJECTIONS,
            logger: runtime.logger.child({ component: 'projections' }),
            // Lag on /health and /metrics, capped so a scrape costs a bounded scan.
            countEvents: eventStore instanceof PostgresEventStore ? postgresEventCounter(eventStore.pool, 100_000) : undefined,
          }),
      },
      {
        provide: PROJECTION_PROGRESS,
        inject: [ProjectionRunner],
        useFactory: (runner: ProjectionRunner): ProjectionProgress => ({
          waitForPosition: (names, position, timeoutMs) => runner.waitForPosition(names, position, timeoutMs),
          defaultWaitMs: runtime.config.consistencyWaitMs,
        }),
      },
      {
        provide: METRICS_COLLECTORS,
        inject: [ProjectionRunner, APP_METRICS],
        useFactory: (runner: ProjectionRunner, metrics: AppMetrics): MetricsCollector[] => [
          async () => {
            const health = await runner.health();
            for (const [name, projection] of Object.entries(health.projections)) {
              metrics.projectionPosition.set({ projection: name }, projection.checkpoint ? Number(decodePosition(projection.checkpoint).minor) : 0);
              metrics.projectionFailed.set({ projection: name }, projection.status === 'failed' ? 1 : 0);
              if (projection.lagEvents !== undefined) metrics.projectionLag.set({ projection: name }, projection.lagEvents);
            }
          },
        ],
      },
      HealthRegistry,
    ];
    return { module: InfrastructureModule, providers, exports: providers.map((p) => ('provide' in p ? p.provide : p)) };
  }

  async onModuleInit(): Promise<void> {
    this.health.register('database', async () => {
      try {
        await this.pool.query('SELECT 1');
        return { up: true };
      } catch {
        return { up: false, detail: 'database unreachable' };
      }
    });
    this.health.register('eventStore', () => this.eventStore.health());
    // In the API by default; with PROJECTIONS_IN_API=false a worker runs them, and the API only
    // reads their checkpoints (read-your-writes) from the shared catalogue.
    if (this.config.projectionsInApi) await this.projections.start();
    this.health.register('projections', () => this.projections.componentHealth());
    if (this.eventStore instanceof PostgresEventStore) {
      this.horizon = new ReadHorizonMonitor(this.pool, this.logger, { onCheck: (holder) => this.metrics.readHorizonAge.set(holder?.ageSeconds ?? 0) });
      this.horizon.start();
    }
  }

  async onApplicationShutdown(): Promise<void> {
    this.horizon?.stop();
    await this.projections.stop().catch(() => undefined);
    await this.eventStore.close().catch(() => undefined);
    await this.pool.end().catch(() => undefined);
  }
}
