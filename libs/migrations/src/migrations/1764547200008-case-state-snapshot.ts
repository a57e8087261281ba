import type { MigrationInterface, QueryRunner } from 'typeorm';
import { CASE_STATE_SNAPSHOT_MIGRATIONS } from '@samvirke/audit/replay/case-state-snapshots';
import { irreversible, legacySql, type LegacyRecord } from '../legacy';

/** Folded case states for as-of replay (libs/audit/src/replay/case-state-snapshots.ts). */
export class CaseStateSnapshot1764547200008 implements MigrationInterface {
  readonly legacy: LegacyRecord = { table: 'case_state_snapshot_migrations', id: '0001-case-state-snapshot' };
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(legacySql(CASE_STATE_SNAPSHOT_MIGRATIONS, this.legacy.id));
  }
  async down(): Promise<void> {
    irreversible(this.constructor.name);
  }
}
