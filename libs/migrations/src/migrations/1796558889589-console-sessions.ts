import type { MigrationInterface, QueryRunner } from 'typeorm';
import { irreversible } from '../legacy';

/**
 * The console's sign-in sessions (apps/api/src/console/console-sessions.ts), shared by every API
 * instance and kept over a restart. The cookie's session id is never stored: only its SHA-256. The
 * identity provider's ID token is sealed (AES-256-GCM under a key derived from the master keyring;
 * `key_version` names the master key). Rows past their idle or absolute expiry are deleted by the API.
 */
export class ConsoleSessions1796558889589 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE IF NOT EXISTS console_sessions (
            id_hash text PRIMARY KEY CHECK (id_hash ~ '^[0-9a-f]{64}$'),
            actor jsonb NOT NULL,
            id_token_sealed bytea,
            key_version text,
            created_at timestamptz NOT NULL,
            last_used_at timestamptz NOT NULL,
            CHECK ((id_token_sealed IS NULL) = (key_version IS NULL))
          )`);
    await queryRunner.query('CREATE INDEX IF NOT EXISTS console_sessions_last_used_at ON console_sessions (last_used_at)');
    await queryRunner.query('CREATE INDEX IF NOT EXISTS console_sessions_created_at ON console_sessions (created_at)');
  }
  async down(): Promise<void> {
    irreversible(this.constructor.name);
  }
}
