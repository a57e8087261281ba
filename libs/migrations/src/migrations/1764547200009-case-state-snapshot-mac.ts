import type { MigrationInterface, QueryRunner } from 'typeorm';
import { CASE_STATE_SNAPSHOT_MIGRATIONS } from '@samvirke/audit/replay/case-state-snapshots';
import { irreversible, legacySql, type LegacyRecord } from '../legacy';

/** Snapshots carry an authentication code (libs/audit/src/replay/case-state-snapshots.ts). */
export class CaseStateSnapshotMac1764547200009 implements MigrationInterface {
  readonly legacy: LegacyRecord = { table: 'case_state_snapshot_migrations', id: '0002-case-state-snapshot-mac' };
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(legacySql(CASE_STATE_SNAPSHOT_MIGRATIONS, this.legacy.id));
  }
  async down(): Promise<void> {
    irreversible(this.constructor.name);
  }
}
