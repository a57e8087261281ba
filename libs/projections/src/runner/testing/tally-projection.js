'use strict';
/**
 * The test projection of the runner's tests, in plain JavaScript so the crash test's child process
 * (plain node, requiring dist/) and the Jest tests use the very same code.
 * - `<prefix>_seen_event`: one row per event, keyed by event id and position: applying an event
 *   twice fails loudly on the primary key instead of passing unnoticed;
 * - `<prefix>_stream_tally`: events counted per stream (not idempotent on purpose, so a repeat or a
 *   miss shows as a wrong count) and the last revision seen plus `revisionOffset` (lets a second
 *   version produce visibly different rows).
 * Two secondary indexes (one partial), which a rebuild defers until its tables are filled.
 */
function createTallyProjection({ name, streamPrefix, tablePrefix, version = 1, revisionOffset = 0, delayMs = 0 }) {
  const seen = `${tablePrefix}_seen_event`;
  const tally = `${tablePrefix}_stream_tally`;
  return {
    name,
    version,
    streamPrefixes: [streamPrefix],
    tables: [seen, tally],
    schemaSql: `
      CREATE TABLE ${seen} (event_id uuid PRIMARY KEY, stream_id text NOT NULL, stream_revision integer NOT NULL, position text NOT NULL UNIQUE);
      CREATE TABLE ${tally} (stream_id text PRIMARY KEY, events integer NOT NULL, last_revision integer NOT NULL);
      CREATE INDEX ${seen}_stream_idx ON ${seen} (stream_id, stream_revision DESC);
      CREATE INDEX ${tally}_busy_idx ON ${tally} (events) WHERE events > 1;`,
    async apply(events, db) {
      if (delayMs > 0) await new Promise((resolve) => setTimeout(resolve, delayMs));
      for (const event of events) {
        await db.query(`INSERT INTO ${seen} (event_id, stream_id, stream_revision, position) VALUES ($1, $2, $3, $4)`, [
          event.id,
          event.streamId,
          event.streamRevision,
          event.globalPosition,
        ]);
        await db.query(
          `INSERT INTO ${tally} AS t (stream_id, events, last_revision) VALUES ($1, 1, $2)
           ON CONFLICT (stream_id) DO UPDATE SET events = t.events + 1, last_revision = excluded.last_revision`,
          [event.streamId, event.streamRevision + revisionOffset],
        );
      }
    },
  };
}

module.exports = { createTallyProjection };
