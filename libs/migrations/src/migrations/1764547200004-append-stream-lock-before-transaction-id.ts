import type { MigrationInterface, QueryRunner } from 'typeorm';
import { EVENT_STORE_MIGRATIONS } from '@samvirke/event-store/postgres/schema';
import { irreversible, legacySql, type LegacyRecord } from '../legacy';

/** es_append locks the stream before taking a transaction id (libs/event-store/src/postgres/schema.ts). */
export class AppendStreamLockBeforeTransactionId1764547200004 implements MigrationInterface {
  readonly legacy: LegacyRecord = { table: 'es_schema_migrations', id: '0004-append-stream-lock-before-transaction-id' };
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(legacySql(EVENT_STORE_MIGRATIONS, this.legacy.id));
  }
  async down(): Promise<void> {
    irreversible(this.constructor.name);
  }
}
