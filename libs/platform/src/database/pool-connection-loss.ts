import type { Pool } from 'pg';

/**
 * A connection that dies (database restarted, admin shutdown, network cut) must fail the query using
 * it, not the process. pg emits 'error' on the pool for idle clients and on the client itself while
 * it is checked out; an 'error' event without a listener kills Node. The query in flight still
 * rejects, so callers see the failure and the pool replaces the connection.
 */
export function surviveConnectionLoss(pool: Pool): Pool {
  const ignore = () => undefined;
  pool.on('error', ignore);
  pool.on('connect', (client) => client.on('error', ignore));
  return pool;
}
