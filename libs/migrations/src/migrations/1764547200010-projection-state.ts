import type { MigrationInterface, QueryRunner } from 'typeorm';
import { PROJECTION_CATALOGUE_MIGRATIONS } from '@samvirke/projections/runner/catalogue';
import { irreversible, legacySql, type LegacyRecord } from '../legacy';

/** The projection catalogue and the read_models schema (libs/projections/src/runner/catalogue.ts). The read models' own tables are not migrations: each generation's schema is made at run time from the projection's schemaSql. */
export class ProjectionState1764547200010 implements MigrationInterface {
  readonly legacy: LegacyRecord = { table: 'projection_schema_migrations', id: '0001-projection-state' };
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(legacySql(PROJECTION_CATALOGUE_MIGRATIONS, this.legacy.id));
  }
  async down(): Promise<void> {
    irreversible(this.constructor.name);
  }
}
