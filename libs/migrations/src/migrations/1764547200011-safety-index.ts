import type { MigrationInterface, QueryRunner } from 'typeorm';
import { SAFETY_INDEX_MIGRATIONS } from '@samvirke/effects/safety-index/safety-index-store';
import { irreversible, legacySql, type LegacyRecord } from '../legacy';

/** The imported safety-index figures (libs/effects/src/safety-index/safety-index-store.ts). */
export class SafetyIndex1764547200011 implements MigrationInterface {
  readonly legacy: LegacyRecord = { table: 'effects_migrations', id: '001_safety_index' };
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(legacySql(SAFETY_INDEX_MIGRATIONS, this.legacy.id));
  }
  async down(): Promise<void> {
    irreversible(this.constructor.name);
  }
}
