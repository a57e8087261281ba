import type { Pool } from 'pg';
import { parseMeasureCatalogue, type MeasureCatalogue, type MeasureDefinition } from './measure-definition';

/** One recorded version of a measure definition. */
export interface MeasureDefinitionVersion {
  readonly code: string;
  readonly version: number;
  readonly recordedAt: string;
  readonly recordedBy: string;
  readonly definition: MeasureDefinition;
}

export class MeasureVersionNotFound extends Error {}
export class MeasureExists extends Error {}

const UNIQUE_VIOLATION = '23505';

/**
 * Measure definitions as versioned data (table effects_measure_definitions). The shipped catalogue
 * seeds version 1 of every code that has none yet (so a release can still ship a new measure, and an
 * administrator's later versions are never overwritten); every later version is an administrator's.
 * Which version a report uses: the one asked for, else the newest recorded on or before the report's
 * asOf, else version 1 (the shipped one, in use before it was seeded), so re-running a published
 * report with its asOf uses the same definition.
 */
export class MeasureDefinitionStore {
  private seeded: Promise<void> | undefined;

  constructor(
    private readonly pool: Pool,
    private readonly shipped: MeasureCatalogue,
  ) {}

  /** Idempotent and safe to run from several processes at once. */
  seed(): Promise<void> {
    this.seeded ??= (async () => {
      const measures = [...this.shipped.measures.values()];
      await this.pool.query(
        `INSERT INTO effects_measure_definitions (code, version, definition, recorded_at, recorded_by)
         SELECT code, 1, definition, now(), $3 FROM unnest($1::text[], $2::jsonb[]) AS m(code, definition)
         WHERE NOT EXISTS (SELECT 1 FROM effects_measure_definitions d WHERE d.code = m.code)
         ON CONFLICT DO NOTHING`,
        [measures.map((m) => m.code), measures.map((m) => JSON.stringify(m)), `shipped ${this.shipped.version}`],
      );
    })().catch((error: unknown) => {
      this.seeded = undefined;
      throw error;
    });
    return this.seeded;
  }

  /** The newest version of every measure recorded on or before `asOf`, in code order. */
  async current(asOf: Date): Promise<MeasureDefinitionVersion[]> {
    await this.seed();
    const { rows } = await this.pool.query<Row>(
      `SELECT DISTINCT ON (code) code, version, definition, recorded_at, recorded_by FROM effects_measure_definitions
        WHERE recorded_at <= $1 OR version = 1 ORDER BY code, (recorded_at <= $1) DESC, version DESC`,
      [asOf],
    );
    return rows.map(fromRow);
  }

  /** The version a report uses (see the class comment); undefined when the measure, or that version, does not exist. */
  async resolve(code: string, asOf: Date, version?: number): Promise<MeasureDefinitionVersion | undefined> {
    await this.seed();
    const { rows } =
      version === undefined
        ? await this.pool.query<Row>(
            `SELECT code, version, definition, recorded_at, recorded_by FROM effects_measure_definitions
              WHERE code = $1 AND (recorded_at <= $2 OR version = 1) ORDER BY (recorded_at <= $2) DESC, version DESC LIMIT 1`,
            [code, asOf],
          )
        : await this.pool.query<Row>(
            'SELECT code, version, definition, recorded_at, recorded_by FROM effects_measure_definitions WHERE code = $1 AND version = $2',
            [code, version],
          );
    return rows.length === 0 ? undefined : fromRow(rows[0]);
  }

  async versions(code: string): Promise<MeasureDefinitionVersion[]> {
    await this.seed();
    const { rows } = await this.pool.query<Row>(
      'SELECT code, version, definition, recorded_at, recorded_by FROM effects_measure_definitions WHERE code = $1 ORDER BY version',
      [code],
    );
    return rows.map(fromRow);
  }

  /** Version 1 of a new measure; MeasureExists when the code has a definition. */
  async add(definition: MeasureDefinition, recordedAt: Date, recordedBy: string): Promise<number> {
    await this.seed();
    try {
      await this.pool.query('INSERT INTO effects_measure_definitions (code, version, definition, recorded_at, recorded_by) VALUES ($1, 1, $2, $3, $4)', [
        definition.code,
        JSON.stringify(definition),
        recordedAt,
        recordedBy,
      ]);
      return 1;
    } catch (error) {
      if ((error as { code?: string }).code === UNIQUE_VIOLATION) throw new MeasureExists(definition.code);
      throw error;
    }
  }

  /**
   * The next version of an existing measure. With `expectedVersion`, only over that version (else
   * MeasureExists, as a conflict); two changes at once: one gets the next version, the other the one after.
   */
  async change(definition: MeasureDefinition, recordedAt: Date, recordedBy: string, expectedVersion?: number): Promise<number> {
    await this.seed();
    for (let attempt = 0; ; attempt++) {
      try {
        const { rows } = await this.pool.query<{ version: number }>(
          `INSERT INTO effects_measure_definitions (code, version, definition, recorded_at, recorded_by)
           SELECT $1, max(version) + 1, $2, $3, $4 FROM effects_measure_definitions WHERE code = $1
           HAVING count(*) > 0 AND ($5::int IS NULL OR max(version) = $5::int)
           RETURNING version`,
          [definition.code, JSON.stringify(definition), recordedAt, recordedBy, expectedVersion ?? null],
        );
        if (rows.length === 1) return rows[0].version;
        if ((await this.versions(definition.code)).length === 0) throw new MeasureVersionNotFound(definition.code);
        throw new MeasureExists(definition.code);
      } catch (error) {
        if ((error as { code?: string }).code !== UNIQUE_VIOLATION) throw error;
        if (expectedVersion !== undefined) throw new MeasureExists(definition.code);
        if (attempt >= 3) throw error;
      }
    }
  }
}

interface Row {
  code: string;
  version: number;
  definition: MeasureDefinition;
  recorded_at: Date;
  recorded_by: string;
}

function fromRow(row: Row): MeasureDefinitionVersion {
  return {
    code: row.code,
    version: row.version,
    recordedAt: row.recorded_at.toISOString(),
    recordedBy: row.recorded_by,
    definition: storedDefinition(row.definition),
  };
}

/** Re-validates a stored definition with the engine's parser (a stored row is data, not code). */
export function storedDefinition(definition: unknown): MeasureDefinition {
  const parsed = parseMeasureCatalogue({ version: 'stored', suppressionThreshold: 1, ageBands: [], measures: [definition] });
  return [...parsed.measures.values()][0];
}
