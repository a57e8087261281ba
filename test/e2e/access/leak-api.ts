import { join } from 'node:path';
import { Pool } from 'pg';
import { DEV_AUDIENCE, DEV_ISSUER, DEV_KEY_FILE_NAME, loadOrCreateDevKeyFile, mintToken } from '@samvirke/access';
import { caseStreamId } from '@samvirke/case/application/case-identity';
import { createApiChild, type ApiChild, type HttpAnswer } from '../../support/api-child';
import { createOwnDatabase } from '../../support/own-database';
import type { TestApp } from '../../support/test-app';
import type { TestUser } from '../../support/tokens';

/**
 * The built API (dist/) as a child process, for the leak test. The built app is the one whose
 * OpenAPI document describes the request bodies: the swagger plugin that reads the DTOs' validation
 * rules runs in `nest build`, not in the test's own compiler, so the in-process test app documents
 * the routes with empty bodies.
 *
 * Tokens carry named access (the child's own helper mints without it), and `caseState` reads what a
 * write could change in the database: the case stream's revision, the citizen's keys and every
 * read model's rows of the case.
 */
export interface LeakApi {
  child: ApiChild;
  pool: Pool;
  request(method: string, path: string, options?: { user?: TestUser; body?: unknown; headers?: Record<string, string> }): Promise<HttpAnswer>;
  /** The shape buildFixture needs (it only sends requests). */
  asTestApp(): TestApp;
  caseState(caseId: string): Promise<CaseState>;
  /** The events of the case stream after `revision` (types only). */
  eventsAfter(caseId: string, revision: number): Promise<string[]>;
  /** Waits until every running projection has caught up with the log as it is now. */
  projectionsCaughtUp(timeoutMs?: number): Promise<boolean>;
  dispose(): Promise<void>;
}

export interface CaseState {
  revision: number;
  /** Key id and whether it is destroyed, of every data key of the case's citizen. */
  keys: string;
  /** Read model (view) name → its rows of the case, canonical JSON. */
  readModels: Record<string, string>;
}

export async function startLeakApi(): Promise<LeakApi> {
  // A database of its own: the thousands of writes here would otherwise be every other test app's
  // projections' work too, and slow their reads past the consistency wait on two cores.
  const database = await createOwnDatabase('leak');
  const databaseUrl = database.url;
  const child = await createApiChild({ databaseUrl, extra: { CONSISTENCY_WAIT_MS: '30000' } });
  await child.start(90_000);
  const keys = loadOrCreateDevKeyFile(join(child.dataDir, DEV_KEY_FILE_NAME));
  const privateJwk = keys.privateJwk;
  if (!privateJwk) throw new Error('the dev key file has no private key');
  const pool = new Pool({ connectionString: databaseUrl, max: 4 });
  const tokens = new Map<string, Promise<string>>();
  const token = (user: TestUser) => {
    const key = JSON.stringify(user);
    let minted = tokens.get(key);
    if (!minted) {
      minted = mintToken(privateJwk, {
        sub: user.userId ?? `leak-${user.agency}`,
        agency: user.agency,
        roles: user.roles,
        issuer: DEV_ISSUER,
        audience: DEV_AUDIENCE,
        ttlSeconds: 3_600,
        ...(user.namedAccess ? { extra: { named_access: user.namedAccess } } : {}),
      });
      tokens.set(key, minted);
    }
    return minted;
  };
  const views = (
    await pool.query<{ table_name: string }>(
      `SELECT table_name FROM information_schema.columns WHERE table_schema = 'read_models' AND column_name = 'case_id' ORDER BY table_name`,
    )
  ).rows.map((row) => row.table_name);

  const api: LeakApi = {
    child,
    pool,
    async request(method, path, { user, body, headers = {} } = {}) {
      const all: Record<string, string> = { ...headers };
      if (user) all.authorization = `Bearer ${await token(user)}`;
      return child.request(method, path, { body, headers: all, timeoutMs: 30_000 });
    },
    asTestApp() {
      // buildFixture calls request(method, path, { user, body }) and reads status and body only.
      return {
        request: (method: string, path: string, options?: { user?: TestUser; body?: unknown }) => api.request(method, path, options),
      } as unknown as TestApp;
    },
    async caseState(caseId) {
      const stream = await pool.query<{ revision: string }>('SELECT revision FROM es_streams WHERE stream_id = $1', [caseStreamId(caseId)]);
      const keyRows = await pool.query<{ key_id: string; destroyed: boolean }>(
        'SELECT key_id, destroyed_at IS NOT NULL AS destroyed FROM privacy_data_keys WHERE subject_id = $1 ORDER BY key_id',
        [caseId],
      );
      const readModels: Record<string, string> = {};
      for (const view of views) {
        // View names come from the catalogue query above, not from input.
        const { rows } = await pool.query(`SELECT * FROM read_models."${view}" WHERE case_id = $1`, [caseId]);
        readModels[view] = JSON.stringify(rows.map((row) => JSON.stringify(row)).sort());
      }
      return {
        revision: stream.rows.length > 0 ? Number(stream.rows[0].revision) : -1,
        keys: keyRows.rows.map((row) => `${row.key_id}:${row.destroyed ? 'destroyed' : 'live'}`).join(','),
        readModels,
      };
    },
    async eventsAfter(caseId, revision) {
      const { rows } = await pool.query<{ event_type: string }>(
        'SELECT event_type FROM es_events WHERE stream_id = $1 AND stream_revision > $2 ORDER BY stream_revision',
        [caseStreamId(caseId), revision],
      );
      return rows.map((row) => row.event_type);
    },
    async projectionsCaughtUp(timeoutMs = 20_000) {
      const head = await pool.query<{ position: string | null }>(
        `SELECT lpad(to_hex(transaction_id::text::bigint), 16, '0') || '.' || lpad(to_hex(global_position), 16, '0') AS position
           FROM es_events ORDER BY transaction_id DESC, global_position DESC LIMIT 1`,
      );
      const target = head.rows[0]?.position;
      if (!target) return true;
      const deadline = Date.now() + timeoutMs;
      while (Date.now() < deadline) {
        const { rows } = await pool.query<{ behind: string }>(
          `SELECT count(*) AS behind FROM projection_state WHERE status = 'running' AND (checkpoint IS NULL OR checkpoint < $1)`,
          [target],
        );
        if (Number(rows[0].behind) === 0) return true;
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
      return false;
    },
    async dispose() {
      await pool.end().catch(() => undefined);
      await child.dispose();
      await database.drop();
    },
  };
  return api;
}
