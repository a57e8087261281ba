import { Module, type DynamicModule, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import type { Pool } from 'pg';
import type { Logger } from 'pino';
import { EVENT_STORE, type EventStore } from '@samvirke/event-store';
import { APP_LOGGER, DATABASE_POOL } from '@samvirke/platform/nest/tokens';
import { PersonalDataVault } from '@samvirke/privacy';
import { VerificationController } from './tamper-evidence/verification.controller';
import { CaseReplay } from './replay/case-replay';
import { CaseStateSnapshots } from './replay/case-state-snapshots';
import { caseFoldVersion } from '@samvirke/case';
import { ReplayController } from './replay/replay.controller';
import { ReadableHistoryController } from './history/readable-history.controller';
import { loadAuditConfig, type AuditConfig } from '@samvirke/access/read-audit/audit-config';
import { AuditLog } from '@samvirke/access/read-audit/audit-log';
import { AuditLogController } from './audit-log/audit-log.controller';
import { ReadAuditInterceptor } from '@samvirke/access/read-audit/read-audit.interceptor';
import { AuditRetentionJob } from './audit-retention.job';

export const AUDIT_CONFIG = Symbol('AUDIT_CONFIG');

/**
 * Read audit, tamper evidence and replay. Importing this module turns the read audit on for the
 * whole app: it registers ReadAuditInterceptor as APP_INTERCEPTOR itself, so the app cannot have the
 * auditors' endpoints without the audit (do not register it a second time: every request would be
 * logged twice). Needs the global DATABASE_POOL, EVENT_STORE, CLOCK, APP_LOGGER and
 * PersonalDataVault, and the authentication guard that puts the user on the request.
 */
@Module({})
export class AuditModule implements OnModuleInit, OnApplicationShutdown {
  constructor(
    private readonly retention: AuditRetentionJob,
    private readonly snapshots: CaseStateSnapshots,
  ) {}

  static register(config: AuditConfig = loadAuditConfig()): DynamicModule {
    return {
      module: AuditModule,
      controllers: [AuditLogController, VerificationController, ReplayController, ReadableHistoryController],
      providers: [
        { provide: AUDIT_CONFIG, useValue: config },
        { provide: AuditLog, inject: [DATABASE_POOL], useFactory: (pool: Pool) => new AuditLog(pool, config) },
        {
          provide: CaseStateSnapshots,
          inject: [DATABASE_POOL, PersonalDataVault, APP_LOGGER],
          useFactory: (pool: Pool, vault: PersonalDataVault, logger: Logger) =>
            new CaseStateSnapshots(pool, caseFoldVersion(), vault.derivedMacKey('case-state-snapshot-v1'), (streamId, revision) =>
              logger.error({ streamId, revision }, 'case state snapshot failed its integrity check; ignored, the case is folded from its first event'),
            ),
        },
        {
          provide: CaseReplay,
          inject: [EVENT_STORE, PersonalDataVault, AuditLog, CaseStateSnapshots],
          useFactory: (store: EventStore, vault: PersonalDataVault, auditLog: AuditLog, snapshots: CaseStateSnapshots) =>
            new CaseReplay(store, vault, auditLog, snapshots),
        },
        // Audit-log retention, at start and then on its interval (registered with @nestjs/schedule).
        AuditRetentionJob,
        ReadAuditInterceptor,
        { provide: APP_INTERCEPTOR, useExisting: ReadAuditInterceptor },
      ],
      exports: [AuditLog, ReadAuditInterceptor, AUDIT_CONFIG],
    };
  }

  async onModuleInit(): Promise<void> {
    void this.retention.run();
    this.retention.start();
  }

  /** A run in progress is waited for. */
  async onApplicationShutdown(): Promise<void> {
    try {
      await this.retention.stop();
    } finally {
      await this.snapshots.close();
    }
  }
}
