import type { MigrationInterface, QueryRunner } from 'typeorm';
import { irreversible } from '../legacy';

/**
 * Snapshots also keep the state's JSON view as auditors read it (`view`, json: kept as written), the
 * SSP level of that state (`ssp_level`, null when it has no assessment) and an authentication code
 * over both (`view_mac`), so an as-of answer with nothing recorded after its snapshot sends the
 * stored text as it is (libs/audit/src/replay/case-state-snapshots.ts). The snapshots written before
 * have no view; they are only a cache, so they go.
 */
export class CaseStateSnapshotView1796578298038 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DELETE FROM case_state_snapshot');
    await queryRunner.query('ALTER TABLE case_state_snapshot ADD COLUMN view json NOT NULL, ADD COLUMN ssp_level integer, ADD COLUMN view_mac text NOT NULL');
  }
  async down(): Promise<void> {
    irreversible(this.constructor.name);
  }
}
