import { Inject, Module, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import type { Pool } from 'pg';
import type { Logger } from 'pino';
import { EVENT_STORE, type EventStore } from '@samvirke/event-store';
import { PostgresEventStore } from '@samvirke/event-store/postgres';
import { APP_LOGGER, APP_METRICS, CLOCK, DATABASE_POOL, type AppMetrics, type Clock } from '@samvirke/platform';
import { loadReferenceData } from '@samvirke/reference-data';
import { PersonalDataVault } from '../vault/personal-data-vault';
import { CaseGate } from '@samvirke/commands';
import { ErasureService } from '../erasure/erasure.service';
import { PostgresCaseDirectory, ScanningCaseDirectory } from '../retention/case-directory';
import { PostgresLiveKeyInventory } from '../retention/live-key-inventory';
import { loadRetentionIntervalHours, loadRetentionPolicy, type RetentionPolicy } from '../retention/retention-policy';
import { RetentionJob } from '../retention/retention.job';
import { RetentionScheduler } from '../retention/retention.scheduler';
import { AuditLogAccessReport, CITIZEN_ACCESS_REPORT, type AccessReportSource } from '../citizen-copy/access-report-source';
import { CitizenCopyBuilder } from '../citizen-copy/citizen-copy';
import { ChromiumPdfRenderer, CITIZEN_COPY_PDF } from '../citizen-copy/citizen-copy-pdf';
import { CITIZEN_COPY_REFERENCE, CitizenCopyController } from './citizen-copy.controller';

export const RETENTION_POLICY = Symbol('RETENTION_POLICY');

/**
 * Erasure (the service; its HTTP route is a case command in libs/command-api), retention and the citizen's copy. Needs from the app the global EVENT_STORE,
 * DATABASE_POOL, CLOCK, APP_LOGGER, APP_METRICS, PersonalDataVault and PERSONAL_DATA_SEALER,
 * @nestjs/schedule's SchedulerRegistry (ScheduleModule.forRoot() in the app), and the
 * authentication guard (which also keeps auditors from writing). The read audit (AuditModule) should
 * be in the app too: it records the citizen's copy as an export and provides the access report.
 *
 * Reads RETENTION_POLICY and RETENTION_INTERVAL_HOURS when the app is built, so a bad value stops the
 * start with one line naming the variable. The retention schedule starts with the app (every 24 h by
 * default, the first run one interval after start; 0 turns it off) and is waited for at shutdown.
 */
@Module({
  controllers: [CitizenCopyController],
  providers: [
    {
      provide: ErasureService,
      inject: [CaseGate, PersonalDataVault, CLOCK, APP_METRICS],
      useFactory: (gate: CaseGate, vault: PersonalDataVault, clock: Clock, metrics: AppMetrics) => new ErasureService(gate, vault, clock, metrics.erasures),
    },
    { provide: RETENTION_POLICY, useFactory: () => loadRetentionPolicy(process.env, loadReferenceData().agencies) },
    {
      provide: RetentionJob,
      inject: [EVENT_STORE, DATABASE_POOL, ErasureService, RETENTION_POLICY],
      useFactory: (store: EventStore, pool: Pool, erasure: ErasureService, policy: RetentionPolicy) =>
        new RetentionJob({
          store,
          // es_streams lives beside the read models only with the PostgreSQL event store.
          directory: store instanceof PostgresEventStore ? new PostgresCaseDirectory(pool) : new ScanningCaseDirectory(store),
          keys: new PostgresLiveKeyInventory(pool),
          erasure,
          policy,
          agencies: loadReferenceData().agencies,
        }),
    },
    {
      provide: RetentionScheduler,
      inject: [RetentionJob, CLOCK, APP_LOGGER, SchedulerRegistry, APP_METRICS],
      useFactory: (job: RetentionJob, clock: Clock, logger: Logger, scheduler: SchedulerRegistry, metrics: AppMetrics) =>
        new RetentionScheduler(job, clock, logger.child({ component: 'retention' }), loadRetentionIntervalHours(process.env), scheduler, metrics),
    },
    { provide: CITIZEN_COPY_REFERENCE, useFactory: () => loadReferenceData() },
    // The citizen's copy as PDF: printed by Chromium where one is installed (CHROMIUM_PATH), else 503.
    { provide: CITIZEN_COPY_PDF, useFactory: () => new ChromiumPdfRenderer(process.env['CHROMIUM_PATH'] || '/usr/bin/chromium') },
    { provide: CITIZEN_ACCESS_REPORT, inject: [DATABASE_POOL], useFactory: (pool: Pool) => new AuditLogAccessReport(pool) },
    {
      provide: CitizenCopyBuilder,
      inject: [EVENT_STORE, PersonalDataVault, CITIZEN_ACCESS_REPORT],
      useFactory: (store: EventStore, vault: PersonalDataVault, reports: AccessReportSource) =>
        new CitizenCopyBuilder(store, vault, reports, loadReferenceData().agencies),
    },
  ],
  exports: [ErasureService, RetentionJob, RetentionScheduler],
})
export class PrivacyHttpModule implements OnApplicationBootstrap, OnApplicationShutdown {
  constructor(@Inject(RetentionScheduler) private readonly scheduler: RetentionScheduler) {}

  onApplicationBootstrap(): void {
    this.scheduler.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.scheduler.stop();
  }
}
