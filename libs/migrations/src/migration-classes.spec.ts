import { EVENT_STORE_MIGRATIONS } from '@samvirke/event-store/postgres/schema';
import { PRIVACY_MIGRATIONS } from '@samvirke/privacy/keys/migrations';
import { AUDIT_LOG_MIGRATIONS } from '@samvirke/access/read-audit/audit-log.migrations';
import { CASE_STATE_SNAPSHOT_MIGRATIONS } from '@samvirke/audit/replay/case-state-snapshots';
import { PROJECTION_CATALOGUE_MIGRATIONS } from '@samvirke/projections/runner/catalogue';
import { SAFETY_INDEX_MIGRATIONS } from '@samvirke/effects/safety-index/safety-index-store';
import type { LegacyRecord } from './legacy';
import { migrationClasses } from './migration-classes';

/** Each component's frozen list, by the table that recorded it before the one migrations table. */
const LEGACY_LISTS = {
  es_schema_migrations: EVENT_STORE_MIGRATIONS,
  privacy_schema_migrations: PRIVACY_MIGRATIONS,
  audit_schema_migrations: AUDIT_LOG_MIGRATIONS,
  case_state_snapshot_migrations: CASE_STATE_SNAPSHOT_MIGRATIONS,
  projection_schema_migrations: PROJECTION_CATALOGUE_MIGRATIONS,
  effects_migrations: SAFETY_INDEX_MIGRATIONS,
};

describe('the migration classes', () => {
  const classes = migrationClasses();

  it('are found in ./migrations, oldest first, the event store first', () => {
    expect(classes.length).toBeGreaterThanOrEqual(11);
    const timestamps = classes.map((migration) => Number(migration.name.slice(-13)));
    expect([...timestamps].sort((a, b) => a - b)).toEqual(timestamps);
    expect(new Set(timestamps).size).toBe(timestamps.length);
    expect(classes[0].name).toBe('EventStore1764547200001');
  });

  it("give every entry of the components' old lists exactly one class, in each list's order", () => {
    const legacy = classes.map((migration) => (new migration() as { legacy?: LegacyRecord }).legacy).filter((record) => record !== undefined);
    for (const [table, list] of Object.entries(LEGACY_LISTS)) {
      // A new entry in an old list would never be applied: new migrations are new classes.
      expect(legacy.filter((record) => record.table === table).map((record) => record.id)).toEqual(list.map((migration) => migration.id));
    }
  });
});
