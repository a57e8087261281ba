import type { MigrationInterface, QueryRunner } from 'typeorm';
import { irreversible } from '../legacy';

/** VINK's staff knowledge (libs/effects): one row per staff unit, training and phase; nothing about a person. */
export class StaffKnowledge1796544000001 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE IF NOT EXISTS effects_staff_knowledge (
            programme text NOT NULL,
            agency text NOT NULL,
            unit text NOT NULL,
            training_id text NOT NULL,
            phase text NOT NULL CHECK (phase IN ('before', 'after')),
            assessed_on date NOT NULL,
            staff_assessed integer NOT NULL CHECK (staff_assessed > 0),
            mean_score numeric NOT NULL CHECK (mean_score >= 0 AND mean_score <= 100),
            recorded_at timestamptz NOT NULL,
            recorded_by text NOT NULL,
            PRIMARY KEY (programme, agency, unit, training_id, phase)
          )`);
  }
  async down(): Promise<void> {
    irreversible(this.constructor.name);
  }
}
