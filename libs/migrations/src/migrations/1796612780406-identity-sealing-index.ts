import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The events a sealed identity is decided from (IDENTITY_SEALING_EVENT_TYPES in
 * libs/access/src/policy/sealed-identity.ts: programme enrolments), found by stream without reading
 * the rest of it. Every auditor's read of a case asks whether its identity is sealed; on a case of
 * 10,000 events that question scanned all of them (3-9 ms in PostgreSQL per read), and now walks an
 * index holding only enrolments. Partial, so appends of every other event type do not write to it.
 * Adding a type to that list needs a migration that widens the predicate: the replay's int-spec
 * fails while a listed type is left out.
 */
export class IdentitySealingIndex1796612780406 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE INDEX es_events_identity_sealing ON es_events (stream_id, stream_revision) WHERE event_type IN ('EnrolledInProgramme')`);
  }
  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX es_events_identity_sealing');
  }
}
