import type { MigrationInterface, QueryRunner } from 'typeorm';
import { irreversible } from '../legacy';

/** The safety index of housing estates (reference data estates.json), as the districts' one (libs/effects). */
export class EstateSafetyIndex1796544000002 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE IF NOT EXISTS effects_estate_safety_index (
            estate_code text NOT NULL,
            year integer NOT NULL,
            felt_safety numeric NOT NULL,
            victimisation jsonb NOT NULL,
            imported_at timestamptz NOT NULL,
            PRIMARY KEY (estate_code, year)
          )`);
  }
  async down(): Promise<void> {
    irreversible(this.constructor.name);
  }
}
