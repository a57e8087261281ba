import type { MigrationInterface, QueryRunner } from 'typeorm';
import { irreversible } from '../legacy';

/**
 * The CPR lookup outside the log (libs/privacy CitizenCaseLookup): keyed CPR hash -> the citizen's
 * current case, deleted by a citizen erasure. Backfilled from the CaseOpened events of streams opened
 * before it existed (their case id was derived from the hash, which the event carries), leaving out
 * every case whose citizen was erased, so an erased citizen's CPR leads nowhere from the start.
 * An EventStoreDB store has no es_events here: its lookup starts empty (see the README).
 */
export class CitizenCaseLookup1796545097955 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE IF NOT EXISTS citizen_case_lookup (
            cpr_hash text PRIMARY KEY CHECK (cpr_hash ~ '^[0-9a-f]{64}$'),
            case_id uuid NOT NULL UNIQUE,
            recorded_at timestamptz NOT NULL
          )`);
    await queryRunner.query(`INSERT INTO citizen_case_lookup (cpr_hash, case_id, recorded_at)
          SELECT opened.data->>'cprHash', substring(opened.stream_id FROM 6)::uuid, opened.recorded_at
            FROM es_events opened
           WHERE opened.event_type = 'CaseOpened'
             AND opened.stream_id ~ '^case-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$'
             AND (opened.data->>'cprHash') ~ '^[0-9a-f]{64}$'
             AND NOT EXISTS (
                   SELECT 1 FROM es_events erased
                    WHERE erased.stream_id = opened.stream_id
                      AND erased.event_type = 'CitizenDataErased'
                      AND erased.data->>'scope' = 'citizen')
          ON CONFLICT DO NOTHING`);
  }
  async down(): Promise<void> {
    irreversible(this.constructor.name);
  }
}
