import type { MigrationInterface, QueryRunner } from 'typeorm';
import { irreversible } from '../legacy';

/**
 * Effect measure definitions as versioned data (libs/effects): every version an effects administrator
 * records is kept, so a report names the version it used and can be run again with an older one. The
 * shipped definitions (libs/effects/src/data/measures.json) are added as version 1 at run time.
 */
export class MeasureDefinitions1796545060052 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE IF NOT EXISTS effects_measure_definitions (
            code text NOT NULL,
            version integer NOT NULL CHECK (version > 0),
            definition jsonb NOT NULL,
            recorded_at timestamptz NOT NULL,
            recorded_by text NOT NULL,
            PRIMARY KEY (code, version)
          )`);
  }
  async down(): Promise<void> {
    irreversible(this.constructor.name);
  }
}
