import { randomUUID } from 'node:crypto';
import { Controller, Get, Module, NotFoundException, Param, Post, Query, type INestApplication } from '@nestjs/common';
import { APP_INTERCEPTOR, NestFactory } from '@nestjs/core';
import { FastifyAdapter } from '@nestjs/platform-fastify';
import { Pool } from 'pg';
import pino from 'pino';
import { APP_LOGGER } from '@samvirke/platform/nest/tokens';
import { testDatabaseUrl } from '../../../../test/support/test-database';
import { createTestAuth, type TestUser } from '../../../../test/support/tokens';
import { AccessModule } from '../authentication/access.module';
import { Public } from '../authentication/decorators';
import { AuditLog, type AuditRecord } from './audit-log';
import { AuditAs } from './audit-vocabulary';
import { ReadAuditInterceptor } from './read-audit.interceptor';
import { migrateDatabase } from '@samvirke/migrations';

/**
 * The interceptor in a real Nest app over real HTTP and a real PostgreSQL, with probe routes shaped
 * like the case routes, so it is tested independently of which read models exist.
 */
const PERSONAL = 'Testperson Zq424242';

@Controller('cases')
class ProbeCaseController {
  @Get()
  list(@Query() _query: Record<string, string>) {
    return [{ name: PERSONAL }];
  }
  @Get(':caseId/summary')
  summary(@Param('caseId') caseId: string) {
    return { caseId, name: PERSONAL };
  }
  @Get(':caseId/entries/:entryId')
  entry(@Param('entryId') entryId: string) {
    return { entryId, summary: PERSONAL };
  }
  @Get(':caseId/hidden')
  hidden() {
    throw new NotFoundException({ error: 'Not Found', message: 'no case with this id' });
  }
  @Get(':caseId/export')
  @AuditAs('export')
  exportCase(@Param('caseId') caseId: string) {
    return { caseId, name: PERSONAL };
  }
  @Post(':caseId/notes')
  addNote(@Param('caseId') caseId: string) {
    return { caseId, revision: 1 };
  }
}

@Controller('reference-data')
class ProbeReferenceController {
  @Get()
  all() {
    return { agencies: [] };
  }
}

@Public()
@Controller('health')
class ProbeHealthController {
  @Get()
  health() {
    return { status: 'up' };
  }
}

const coordinator: TestUser = { agency: 'BIF', roles: ['coordinator'] };
const police: TestUser = { agency: 'KBH-POLITI', roles: ['liaison'] };

describe('ReadAuditInterceptor (real app, PostgreSQL)', () => {
  const auth = createTestAuth();
  let pool: Pool;
  let brokenPool: Pool;
  let auditLog: AuditLog;
  let app: INestApplication;
  let appWithBrokenLog: INestApplication;

  async function start(log: AuditLog): Promise<INestApplication> {
    @Module({
      imports: [AccessModule.register(auth.authConfig)],
      controllers: [ProbeCaseController, ProbeReferenceController, ProbeHealthController],
      providers: [
        { provide: AuditLog, useValue: log },
        { provide: APP_LOGGER, useValue: pino({ level: 'silent' }) },
        { provide: APP_INTERCEPTOR, useClass: ReadAuditInterceptor },
      ],
    })
    class ProbeModule {}
    // On the API's HTTP platform: the route pattern comes from Fastify's matched route.
    const nest = await NestFactory.create(ProbeModule, new FastifyAdapter(), { logger: false });
    await nest.listen(0, '127.0.0.1');
    return nest;
  }

  async function call(target: INestApplication, method: string, path: string, user?: TestUser, headers: Record<string, string> = {}) {
    const { port } = target.getHttpServer().address() as { port: number };
    const allHeaders = { ...headers, ...(user ? { authorization: `Bearer ${await auth.token(user)}` } : {}) };
    const response = await fetch(`http://127.0.0.1:${port}${path}`, { method, headers: allHeaders });
    return { status: response.status, text: await response.text() };
  }

  /** Rows of one user; failures are written as the response finishes, so poll briefly. */
  async function rowsOf(userId: string, expected = 1): Promise<AuditRecord[]> {
    for (let attempt = 0; ; attempt += 1) {
      const { items } = await auditLog.search({ userId, limit: 50, offset: 0 });
      if (items.length >= expected || attempt >= 40) return items;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  }

  const someone = (user: TestUser): TestUser => ({ ...user, userId: `probe-${randomUUID()}` });

  beforeAll(async () => {
    pool = new Pool({ connectionString: testDatabaseUrl(), max: 4 });
    auditLog = new AuditLog(pool, { retentionDays: 1825 });
    await migrateDatabase(testDatabaseUrl());
    // A real database failure: this connection looks for audit_log in a schema that does not exist.
    brokenPool = new Pool({ connectionString: testDatabaseUrl(), max: 2, options: '-c search_path=no_such_schema' });
    app = await start(auditLog);
    appWithBrokenLog = await start(new AuditLog(brokenPool, { retentionDays: 1825 }));
  });
  afterAll(async () => {
    await app?.close();
    await appWithBrokenLog?.close();
    await pool?.end();
    await brokenPool?.end();
  });

  it('records a read with who, agency, roles, route pattern, case, purpose and status', async () => {
    const user = someone(coordinator);
    const caseId = randomUUID();
    const response = await call(app, 'GET', `/cases/${caseId}/summary`, user, { 'X-Purpose': 'coordination' });
    expect(response.status).toBe(200);
    const rows = await rowsOf(user.userId!);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      userId: user.userId,
      agency: 'BIF',
      roles: ['coordinator'],
      action: 'read',
      method: 'GET',
      route: '/cases/:caseId/summary',
      caseId,
      entryId: null,
      criteria: {},
      purpose: 'coordination',
      outcome: 200,
    });
  });

  it('records a search with its criteria, an export, a change and an entry read as such', async () => {
    const user = someone(coordinator);
    const caseId = randomUUID();
    const entryId = randomUUID();
    await call(app, 'GET', '/cases?district=NORREBRO-1&category=3', user);
    await call(app, 'GET', `/cases/${caseId}/export`, user);
    await call(app, 'POST', `/cases/${caseId}/notes`, user);
    await call(app, 'GET', `/cases/${caseId}/entries/${entryId}`, user);
    const rows = await rowsOf(user.userId!, 4);
    expect(rows.map((row) => [row.action, row.route, row.outcome])).toEqual([
      ['search', '/cases', 200],
      ['export', '/cases/:caseId/export', 200],
      ['change', '/cases/:caseId/notes', 201],
      ['read', '/cases/:caseId/entries/:entryId', 200],
    ]);
    expect(rows[0].criteria).toEqual({ district: 'NORREBRO-1', category: '3' });
    expect(rows[3].entryId).toBe(entryId);
  });

  it('records a denied read with its status', async () => {
    const user = someone(coordinator);
    const caseId = randomUUID();
    expect((await call(app, 'GET', `/cases/${caseId}/hidden`, user)).status).toBe(404);
    const rows = await rowsOf(user.userId!);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ caseId, outcome: 404, action: 'read' });
  });

  it('records nothing for reference data, health, or unauthenticated requests', async () => {
    const user = someone(coordinator);
    expect((await call(app, 'GET', '/reference-data', user)).status).toBe(200);
    expect((await call(app, 'GET', '/health', user)).status).toBe(200);
    expect((await call(app, 'GET', `/cases/${randomUUID()}/summary`)).status).toBe(401);
    expect(await rowsOf(user.userId!, 1)).toHaveLength(0);
  });

  it('refuses an unknown purpose with 400 and no data', async () => {
    const response = await call(app, 'GET', `/cases/${randomUUID()}/summary`, someone(coordinator), { 'X-Purpose': 'curiosity' });
    expect(response.status).toBe(400);
    expect(response.text).not.toContain(PERSONAL);
    expect(response.text).toContain('X-Purpose');
  });

  it('refuses the police a case read for criminal investigation (section 115(2)) and logs the attempt', async () => {
    const officer = someone(police);
    const caseId = randomUUID();
    const refused = await call(app, 'GET', `/cases/${caseId}/summary`, officer, { 'X-Purpose': 'criminal-investigation' });
    expect(refused.status).toBe(403);
    expect(JSON.parse(refused.text)).toMatchObject({ reason: 'DISCLOSURE_FOR_INVESTIGATION_REFUSED' });
    expect(refused.text).not.toContain(PERSONAL);
    expect((await call(app, 'GET', '/cases?district=X', officer, { 'X-Purpose': 'criminal-investigation' })).status).toBe(403);
    // The same officer for SSP coordination, and a municipal user declaring that purpose, are served.
    expect((await call(app, 'GET', `/cases/${caseId}/summary`, officer, { 'X-Purpose': 'coordination' })).status).toBe(200);
    expect((await call(app, 'GET', `/cases/${caseId}/summary`, someone(coordinator), { 'X-Purpose': 'criminal-investigation' })).status).toBe(200);
    const rows = await rowsOf(officer.userId!, 3);
    expect(rows.map((row) => [row.outcome, row.purpose])).toEqual([
      [403, 'criminal-investigation'],
      [403, 'criminal-investigation'],
      [200, 'coordination'],
    ]);
  });

  it('returns 503 and no data when the audit record cannot be written', async () => {
    const response = await call(appWithBrokenLog, 'GET', `/cases/${randomUUID()}/summary`, someone(coordinator));
    expect(response.status).toBe(503);
    expect(response.text).not.toContain(PERSONAL);
    const write = await call(appWithBrokenLog, 'POST', `/cases/${randomUUID()}/notes`, someone(coordinator));
    expect(write.status).toBe(503);
  });
});
