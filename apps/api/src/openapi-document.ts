import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter } from '@nestjs/platform-fastify';
import { createLogger, loadConfig } from '@samvirke/platform';
import { DEV_AUDIENCE, DEV_ISSUER, generateDevKeyPair } from '@samvirke/access';
import { SecretBytes, parseMasterKeys } from '@samvirke/privacy';
import { DEFAULT_AUDIT_RETENTION_DAYS } from '@samvirke/access/read-audit/audit-config';
import { AppModule } from './app.module';
import { buildOpenApiDocument } from './openapi';

/**
 * Writes the API's OpenAPI document (the one /docs/openapi.json serves) without a database, a key or
 * a port: Nest's preview mode registers the modules and controllers the document is read from but
 * creates no provider, so nothing connects anywhere. The settings below only fill the runtime's
 * shape; none of them shows in the document.
 *
 *   node dist/apps/api/src/openapi-document.js [file]   (stdout when no file is named)
 */
async function main(): Promise<void> {
  const unused = 'postgres://offline@127.0.0.1:1/offline';
  const config = loadConfig({ DATABASE_URL: unused, LOG_LEVEL: 'silent' });
  const app = await NestFactory.create(
    AppModule.register({
      config,
      connectionString: unused,
      logger: createLogger('silent'),
      authConfig: {
        issuer: DEV_ISSUER,
        audience: DEV_AUDIENCE,
        clockToleranceSeconds: 30,
        devKeys: { publicJwk: generateDevKeyPair().publicJwk, keyFile: '(none: offline document)' },
        devKeysByDefault: false,
      },
      privacyConfig: {
        masterKeyring: parseMasterKeys(`offline:${Buffer.alloc(32).toString('base64')}`),
        cprHmacSecret: new SecretBytes(Buffer.alloc(32)),
        generatedForDevelopment: false,
      },
      auditConfig: { retentionDays: DEFAULT_AUDIT_RETENTION_DAYS },
    }),
    new FastifyAdapter(),
    { preview: true, logger: false, abortOnError: false },
  );
  const json = `${JSON.stringify(buildOpenApiDocument(app), null, 2)}\n`;
  await app.close();
  const file = process.argv[2];
  if (file) writeFileSync(file, json);
  else process.stdout.write(json);
}

main().catch((error: unknown) => {
  process.stderr.write(`openapi-document: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
