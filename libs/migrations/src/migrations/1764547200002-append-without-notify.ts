import type { MigrationInterface, QueryRunner } from 'typeorm';
import { EVENT_STORE_MIGRATIONS } from '@samvirke/event-store/postgres/schema';
import { irreversible, legacySql, type LegacyRecord } from '../legacy';

/** es_append without NOTIFY (libs/event-store/src/postgres/schema.ts). */
export class AppendWithoutNotify1764547200002 implements MigrationInterface {
  readonly legacy: LegacyRecord = { table: 'es_schema_migrations', id: '0002-append-without-notify' };
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(legacySql(EVENT_STORE_MIGRATIONS, this.legacy.id));
  }
  async down(): Promise<void> {
    irreversible(this.constructor.name);
  }
}
