import type { MigrationInterface, QueryRunner } from 'typeorm';
import { EVENT_STORE_MIGRATIONS } from '@samvirke/event-store/postgres/schema';
import { irreversible, legacySql, type LegacyRecord } from '../legacy';

/** es_append refuses a transaction that already holds an id (libs/event-store/src/postgres/schema.ts). */
export class AppendRefusesATransactionWithAnId1764547200005 implements MigrationInterface {
  readonly legacy: LegacyRecord = { table: 'es_schema_migrations', id: '0005-append-refuses-a-transaction-with-an-id' };
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(legacySql(EVENT_STORE_MIGRATIONS, this.legacy.id));
  }
  async down(): Promise<void> {
    irreversible(this.constructor.name);
  }
}
