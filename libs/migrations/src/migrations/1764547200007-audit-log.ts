import type { MigrationInterface, QueryRunner } from 'typeorm';
import { AUDIT_LOG_MIGRATIONS } from '@samvirke/access/read-audit/audit-log.migrations';
import { irreversible, legacySql, type LegacyRecord } from '../legacy';

/** The append-only access log (libs/access/src/read-audit/audit-log.migrations.ts). */
export class AuditLog1764547200007 implements MigrationInterface {
  readonly legacy: LegacyRecord = { table: 'audit_schema_migrations', id: '0001-audit-log' };
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(legacySql(AUDIT_LOG_MIGRATIONS, this.legacy.id));
  }
  async down(): Promise<void> {
    irreversible(this.constructor.name);
  }
}
