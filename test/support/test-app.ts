import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { EVENT_STORE, type EventStore } from '@samvirke/event-store';
import { createLogger, loadConfig } from '@samvirke/platform';
import { createApiApp } from '../../apps/api/src/bootstrap';
import { loadNotificationConfig } from '@samvirke/notifications';
import { testPrivacyConfig } from './test-privacy';
import { testDatabaseUrl } from './test-database';
import { createTestAuth, type TestAuth, type TestUser } from './tokens';
import { TestClock } from './test-clock';
import { fetchAgainIfClosedIdle } from './fetch-retry';

export interface TestApp {
  /** Every log line the app wrote (JSON), when started with captureLogs. */
  logs: string[];
  app: NestFastifyApplication;
  baseUrl: string;
  auth: TestAuth;
  clock: TestClock;
  store: EventStore;
  /** Real HTTP to the app, with a bearer token for `user` when given. */
  request(
    method: string,
    path: string,
    options?: { user?: TestUser; body?: unknown; headers?: Record<string, string> },
  ): Promise<{ status: number; body: any; headers: Headers; /** The body as sent. */ text: string }>;
  close(): Promise<void>;
}

export { testPrivacyConfig } from './test-privacy';

/**
 * The real API (same bootstrap as `npm start`) on port 0, against this run's database, trusting
 * this process's test key. Each test file starts one; tests make their own case ids.
 */
export async function startTestApp(
  options: {
    clock?: TestClock;
    logLevel?: string;
    captureLogs?: boolean;
    env?: Record<string, string>;
    /** A database of the test's own (test/support/own-database.ts) instead of the run's shared one. */
    databaseUrl?: string;
  } = {},
): Promise<TestApp> {
  const databaseUrl = options.databaseUrl ?? testDatabaseUrl();
  const level = options.logLevel ?? (options.captureLogs ? 'debug' : (process.env.TEST_LOG_LEVEL ?? 'silent'));
  const config = {
    ...loadConfig({
      RATE_LIMIT_PER_MINUTE: '100000',
      CONSISTENCY_WAIT_MS: '45000',
      DATABASE_POOL_SIZE: '8',
      ...options.env,
      DATABASE_URL: databaseUrl,
      LOG_LEVEL: level,
    }),
    port: 0,
  };
  const logs: string[] = [];
  const sink = { write: (line: string) => void logs.push(line) };
  const auth = createTestAuth();
  const clock = options.clock ?? new TestClock();
  const app = await createApiApp({
    config,
    connectionString: databaseUrl,
    logger: createLogger(config.logLevel, options.captureLogs ? sink : undefined),
    authConfig: auth.authConfig,
    privacyConfig: testPrivacyConfig(),
    // Only what the test sets (SMTP_URL, WEBHOOK_TIMEOUT_MS, ...): never the developer's environment.
    notificationConfig: loadNotificationConfig(options.env ?? {}),
    clock,
  });
  await app.listen(0, '127.0.0.1');
  const address = app.getHttpServer().address() as { port: number };
  const baseUrl = `http://127.0.0.1:${address.port}`;
  return {
    logs,
    app,
    baseUrl,
    auth,
    clock,
    store: app.get<EventStore>(EVENT_STORE),
    async request(method, path, { user, body, headers = {} } = {}) {
      const allHeaders: Record<string, string> = { ...headers };
      if (user) allHeaders.authorization = `Bearer ${await auth.token(user)}`;
      if (body !== undefined) allHeaders['content-type'] = 'application/json';
      const response = await fetchAgainIfClosedIdle(`${baseUrl}${path}`, {
        method,
        headers: allHeaders,
        body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
      });
      const text = await response.text();
      let parsed: unknown = text;
      try {
        parsed = text ? JSON.parse(text) : undefined;
      } catch {
        parsed = text;
      }
      return { status: response.status, body: parsed, headers: response.headers, text };
    },
    close: () => app.close(),
  };
}
