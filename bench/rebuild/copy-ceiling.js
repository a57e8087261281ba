'use strict';
const { Client, Query } = require('pg');

/**
 * The ceiling for reading the log: the same rows a rebuild reads (case streams, in log order), as
 * one plain `COPY ... TO STDOUT` through `pg`. pg's Query drops CopyData messages by default; this
 * one counts their bytes and rows, so every byte crosses the socket and the protocol parser, which
 * is all a reader that does nothing with the events can cost. No extra package (pg-copy-streams
 * would do the same) and no psql.
 */
class CountingCopyQuery extends Query {
  constructor(text) {
    super(text);
    this.bytes = 0;
    this.rows = 0;
  }

  handleCopyData(message) {
    this.bytes += message.chunk.length;
    for (let i = 0; i < message.chunk.length; i++) if (message.chunk[i] === 10) this.rows++;
  }
}

async function copyCeiling(databaseUrl) {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const query = new CountingCopyQuery(
      `COPY (SELECT global_position, transaction_id, event_id, stream_id, stream_revision, event_type, schema_version, data, metadata, recorded_at
               FROM es_events WHERE stream_id LIKE 'case-%' ORDER BY transaction_id, global_position) TO STDOUT`,
    );
    const began = process.hrtime.bigint();
    await new Promise((resolve, reject) => {
      query.on('end', resolve);
      query.on('error', reject);
      client.query(query);
    });
    const seconds = Number(process.hrtime.bigint() - began) / 1e9;
    return { rows: query.rows, bytes: query.bytes, seconds, eventsPerSecond: query.rows / seconds };
  } finally {
    await client.end();
  }
}

module.exports = { copyCeiling };
