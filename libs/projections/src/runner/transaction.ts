import type { Pool, PoolClient } from 'pg';

/** Runs `work` in one transaction on one pooled client: committed when it returns, rolled back when it throws. */
export async function inTransaction<T>(pool: Pool, work: (client: PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  let broken = false;
  try {
    await client.query('BEGIN');
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {
      broken = true;
    });
    throw error;
  } finally {
    // A client whose connection failed mid-transaction must not go back to the pool.
    client.release(broken);
  }
}

/** SQLSTATE classes and driver codes that mean "the database was not there", not "the data is wrong". */
const TRANSIENT_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ENOTFOUND', 'ETIMEDOUT', 'EPIPE', '40001', '40P01', '55P03', '57014']);

/**
 * Errors worth retrying later rather than stopping a projection for: a lost connection, a server
 * shutting down, a serialization failure or deadlock, a lock or statement timeout. Anything else
 * thrown while applying events is the projection's own failure and stops it at that event.
 */
export function isTransientDatabaseError(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' && (TRANSIENT_CODES.has(code) || code.startsWith('08') || code.startsWith('57P'))) return true;
  return /Connection terminated|connection timeout|Client has encountered a connection error|not queryable|timeout exceeded when trying to connect/i.test(
    error.message,
  );
}

/** An error's class and message, cut short, for the catalogue and /health (never the event's data). */
export function describeError(error: unknown): string {
  if (!(error instanceof Error)) return 'non-error value thrown';
  const code = (error as { code?: unknown }).code;
  const text = `${error.name}${typeof code === 'string' ? ` [${code}]` : ''}: ${error.message}`;
  return text.length > 500 ? `${text.slice(0, 497)}...` : text;
}
