import type { MigrationInterface, QueryRunner } from 'typeorm';
import { EVENT_STORE_MIGRATIONS } from '@samvirke/event-store/postgres/schema';
import { irreversible, legacySql, type LegacyRecord } from '../legacy';

/** The event store: es_streams, es_events, es_append (libs/event-store/src/postgres/schema.ts). */
export class EventStore1764547200001 implements MigrationInterface {
  readonly legacy: LegacyRecord = { table: 'es_schema_migrations', id: '0001-event-store' };
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(legacySql(EVENT_STORE_MIGRATIONS, this.legacy.id));
  }
  async down(): Promise<void> {
    irreversible(this.constructor.name);
  }
}
