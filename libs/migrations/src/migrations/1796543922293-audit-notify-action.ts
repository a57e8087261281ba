import type { MigrationInterface, QueryRunner } from 'typeorm';
import { irreversible } from '../legacy';

/** The audit log records notifications delivered (libs/notifications): action 'notify' (to whom, when, about which case). */
export class AuditNotifyAction1796543922293 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
ALTER TABLE audit_log DROP CONSTRAINT audit_log_action_check;
ALTER TABLE audit_log ADD CONSTRAINT audit_log_action_check CHECK (action IN ('read', 'search', 'export', 'change', 'notify'));
`);
  }
  async down(): Promise<void> {
    irreversible(this.constructor.name);
  }
}
