import type { MigrationInterface, QueryRunner } from 'typeorm';
import { PRIVACY_MIGRATIONS } from '@samvirke/privacy/keys/migrations';
import { irreversible, legacySql, type LegacyRecord } from '../legacy';

/** The data-key table of the personal-data vault (libs/privacy/src/keys/migrations.ts). */
export class PrivacyDataKeys1764547200006 implements MigrationInterface {
  readonly legacy: LegacyRecord = { table: 'privacy_schema_migrations', id: '001_privacy_data_keys' };
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(legacySql(PRIVACY_MIGRATIONS, this.legacy.id));
  }
  async down(): Promise<void> {
    irreversible(this.constructor.name);
  }
}
