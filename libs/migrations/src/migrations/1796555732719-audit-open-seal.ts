import type { MigrationInterface, QueryRunner } from 'typeorm';
import { irreversible } from '../legacy';

/**
 * The audit log records break-glass openings of sealed identities: action 'open-seal' (who, which
 * case, the stated reason in criteria). The recent successful ones are what lets that user see the
 * sealed material for a few hours, looked up on every authenticated request: hence the partial index.
 */
export class AuditOpenSeal1796555732719 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
ALTER TABLE audit_log DROP CONSTRAINT audit_log_action_check;
ALTER TABLE audit_log ADD CONSTRAINT audit_log_action_check CHECK (action IN ('read', 'search', 'export', 'change', 'notify', 'open-seal'));
CREATE INDEX IF NOT EXISTS audit_log_open_seal ON audit_log (user_id, agency, recorded_at) WHERE action = 'open-seal';
`);
  }
  async down(): Promise<void> {
    irreversible(this.constructor.name);
  }
}
