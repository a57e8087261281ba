import { Body, Controller, Get, HttpCode, Module, Post, type INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { FastifyAdapter } from '@nestjs/platform-fastify';
import type { AddressInfo } from 'node:net';
import { createTestAuth } from '../../../../test/support/tokens';
import { AccessModule } from './access.module';
import { FORBIDDEN_BODY, UNAUTHORIZED_BODY } from './auth.guard';
import type { AuthenticatedUser } from './claims';
import { CurrentUser, Public, Roles } from './decorators';

@Controller('probe')
class ProbeController {
  @Public()
  @Get('open')
  open() {
    return { open: true };
  }

  @Get('whoami')
  whoami(@CurrentUser() user: AuthenticatedUser) {
    return user;
  }

  @Post('notes')
  @HttpCode(201)
  addNote(@CurrentUser() user: AuthenticatedUser, @Body() body: { text?: string }) {
    return { by: user.userId, text: body.text ?? null };
  }

  @Roles('coordinator')
  @Get('coordination')
  coordination() {
    return { coordinating: true };
  }
}

describe('AuthGuard over HTTP', () => {
  const auth = createTestAuth();
  let app: INestApplication;
  let baseUrl: string;

  beforeAll(async () => {
    @Module({ imports: [AccessModule.register(auth.authConfig)], controllers: [ProbeController] })
    class ProbeModule {}
    const moduleRef = await Test.createTestingModule({ imports: [ProbeModule] }).compile();
    app = moduleRef.createNestApplication(new FastifyAdapter(), { logger: false });
    await app.listen(0, '127.0.0.1');
    baseUrl = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await app?.close();
  });

  function call(path: string, init: { method?: string; token?: string; authorization?: string; body?: unknown } = {}) {
    const headers: Record<string, string> = {};
    if (init.token !== undefined) headers['authorization'] = `Bearer ${init.token}`;
    if (init.authorization !== undefined) headers['authorization'] = init.authorization;
    if (init.body !== undefined) headers['content-type'] = 'application/json';
    return fetch(`${baseUrl}${path}`, { method: init.method ?? 'GET', headers, body: init.body === undefined ? undefined : JSON.stringify(init.body) });
  }

  const liaison = { userId: 'liaison-1', agency: 'SOF', roles: ['liaison' as const] };

  it('lets anyone reach a @Public() route', async () => {
    const response = await call('/probe/open');
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ open: true });
  });

  it('serves a valid token and hands the handler the user', async () => {
    const response = await call('/probe/whoami', { token: await auth.token({ ...liaison, displayName: 'Søren Lund' }) });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ userId: 'liaison-1', agency: 'SOF', roles: ['liaison'], displayName: 'Søren Lund' });
  });

  it('answers every kind of authentication failure with the same 401', async () => {
    const failures: Record<string, { token?: string; authorization?: string }> = {
      missing: {},
      'not bearer': { authorization: `Basic ${Buffer.from('a:b').toString('base64')}` },
      'bearer without token': { authorization: 'Bearer ' },
      malformed: { token: 'abc.def' },
      expired: { token: await auth.expiredToken(liaison) },
      'wrong audience': { token: await auth.tokenWithAudience('another-api', liaison) },
      'wrong signature': { token: await auth.tokenSignedByAnotherKey(liaison) },
      'no known role': { token: await auth.token({ agency: 'SOF', roles: [] }) },
    };
    const seen: Record<string, unknown> = {};
    for (const [kind, init] of Object.entries(failures)) {
      const response = await call('/probe/whoami', init);
      seen[kind] = { status: response.status, wwwAuthenticate: response.headers.get('www-authenticate'), body: await response.json() };
    }
    const expected = { status: 401, wwwAuthenticate: 'Bearer', body: UNAUTHORIZED_BODY };
    expect(seen).toEqual(Object.fromEntries(Object.keys(failures).map((kind) => [kind, expected])));
  });

  it('accepts the bearer scheme in any letter case', async () => {
    const response = await call('/probe/whoami', { authorization: `bearer ${await auth.token(liaison)}` });
    expect(response.status).toBe(200);
  });

  it('lets a caseworker write', async () => {
    const response = await call('/probe/notes', { method: 'POST', token: await auth.token(liaison), body: { text: 'met at the jobcentre' } });
    expect(response.status).toBe(201);
    expect(await response.json()).toEqual({ by: 'liaison-1', text: 'met at the jobcentre' });
  });

  it('lets an auditor read but not write', async () => {
    const token = await auth.token({ userId: 'auditor-1', agency: 'OKF', roles: ['auditor'] });
    expect((await call('/probe/whoami', { token })).status).toBe(200);
    expect((await call('/probe/whoami', { method: 'HEAD', token })).status).toBe(200);
    const response = await call('/probe/notes', { method: 'POST', token, body: { text: 'x' } });
    expect(response.status).toBe(403);
    expect(await response.json()).toEqual(FORBIDDEN_BODY);
  });

  it('enforces @Roles(): 403 without the role, 200 with it', async () => {
    const refused = await call('/probe/coordination', { token: await auth.token(liaison) });
    expect(refused.status).toBe(403);
    expect(await refused.json()).toEqual(FORBIDDEN_BODY);
    const allowed = await call('/probe/coordination', { token: await auth.token({ agency: 'BIF', roles: ['coordinator'] }) });
    expect(allowed.status).toBe(200);
    expect(await allowed.json()).toEqual({ coordinating: true });
  });

  it('asks for authentication before saying anything about roles', async () => {
    const response = await call('/probe/coordination');
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual(UNAUTHORIZED_BODY);
  });
});
