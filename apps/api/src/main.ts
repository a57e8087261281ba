import 'reflect-metadata';
import { ConfigError, DatabaseUnreachableError, createLogger, loadConfig, openDatabase, type DatabaseConnection } from '@samvirke/platform';
import { describeAuthConfig, loadAuthConfig } from '@samvirke/access';
import { Client } from 'pg';
import { PrivacyConfigError, assertMasterKeysOpenDatabase, loadPrivacyConfig, type MasterKeyring } from '@samvirke/privacy';
import { AuditConfigError, loadAuditConfig } from '@samvirke/access/read-audit/audit-config';
import { loadEscalationIntervalMinutes } from '@samvirke/projections/escalation';
import { NotificationConfigError, loadDeadlineIntervalMinutes, loadNotificationConfig } from '@samvirke/notifications';
import { createApiApp } from './bootstrap';
import { seedDemoDataIfWanted } from './demo-data-at-start';
import { loadConsoleConfig, mountConsole, type ConsoleConfig } from './console';
import { ProjectionThread, projectionsInThread } from './projection-thread';

/** Exit codes (sysexits.h): a setting is wrong, or a service we need is not there. */
const EXIT_CONFIG = 78;
const EXIT_UNAVAILABLE = 69;
/** What the API needs in production, named together when missing. */
const PRODUCTION_SETTINGS = ['DATABASE_URL', 'AUTH_JWKS_URL', 'AUTH_ISSUER', 'AUTH_AUDIENCE', 'MASTER_KEYS', 'CPR_HMAC_SECRET'];

async function main(): Promise<void> {
  let config, authConfig, privacyConfig, auditConfig, notificationConfig, consoleConfig: ConsoleConfig;
  // Before the configuration is read: the thread's choice sets PROJECTIONS_IN_API=false for the API.
  const threaded = projectionsInThread(process.env);
  try {
    config = loadConfig(process.env, { requiredInProduction: PRODUCTION_SETTINGS });
    authConfig = loadAuthConfig(process.env, config.dataDir);
    privacyConfig = loadPrivacyConfig(process.env, config.dataDir);
    auditConfig = loadAuditConfig(process.env);
    // Read again when the escalation module is built; checked here so a bad value is one line and 78.
    loadEscalationIntervalMinutes(process.env);
    loadDeadlineIntervalMinutes(process.env);
    consoleConfig = loadConsoleConfig(process.env, config);
    notificationConfig = loadNotificationConfig(process.env);
  } catch (error) {
    if (error instanceof ConfigError || error instanceof PrivacyConfigError || error instanceof AuditConfigError || error instanceof NotificationConfigError) {
      process.stderr.write(`samvirke: ${error.message}\n`);
      process.exit(EXIT_CONFIG);
    }
    throw error;
  }
  const logger = createLogger(config.logLevel, undefined, config.logFormat);
  let database: DatabaseConnection;
  try {
    if (!config.databaseUrl) logger.info({ dataDir: config.dataDir }, 'DATABASE_URL not set: starting the embedded PostgreSQL');
    database = await openDatabase(config, (line) => logger.debug({ component: 'embedded-postgres' }, line));
  } catch (error) {
    const message = error instanceof DatabaseUnreachableError ? error.message : `cannot start the embedded PostgreSQL (${(error as Error).message})`;
    process.stderr.write(`samvirke: ${message}\n`);
    process.exit(EXIT_UNAVAILABLE);
  }

  if (authConfig.devKeysByDefault) {
    logger.warn(
      { auth: describeAuthConfig(authConfig) },
      'AUTH_JWKS_URL not set: trusting the local development key (mint tokens with `npm run cli -- mint-token`)',
    );
  }
  if (privacyConfig.generatedForDevelopment) {
    logger.warn({ dataDir: config.dataDir }, 'MASTER_KEYS / CPR_HMAC_SECRET not set: using development secrets generated under DATA_DIR');
  }
  const app = await createApiApp({ config, authConfig, privacyConfig, auditConfig, notificationConfig, connectionString: database.connectionString, logger });
  // After the migrations: refuse to serve a database sealed under other master keys (78, like a bad setting).
  await refuseOtherKeyring(database.connectionString, privacyConfig.masterKeyring);
  // The browser console (sign-in, the web app, the development identity provider): apps/api/src/console.
  await mountConsole(app, consoleConfig, logger, privacyConfig.masterKeyring);
  // After createApiApp has migrated the database; the thread reaches it at the resolved URL (also the embedded one).
  const projectionThread = threaded ? new ProjectionThread({ ...process.env, DATABASE_URL: database.connectionString }, logger) : undefined;
  projectionThread?.start();
  await projectionThread?.ready();
  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    logger.info({ signal }, 'shutting down');
    const force = setTimeout(() => {
      logger.error('shutdown timed out; exiting');
      process.exit(1);
    }, config.shutdownTimeoutMs);
    force.unref();
    await projectionThread?.stop().catch(() => undefined);
    await app.close().catch((error: unknown) => logger.error({ err: error }, 'error while closing the app'));
    await database.close().catch(() => undefined);
    process.exit(0);
  };
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  process.once('SIGINT', () => void shutdown('SIGINT'));
  await app.listen(config.port, config.host);
  logger.info({ url: `http://${config.host}:${config.port}`, embeddedDatabase: !config.databaseUrl }, 'Samvirke API listening');
  seedDemoDataIfWanted(app, config, logger).catch((error: unknown) => {
    if (!closing) logger.warn({ err: error instanceof Error ? error.message : String(error) }, 'demo data could not be added');
  });
}

main().catch((error: unknown) => {
  process.stderr.write(`samvirke: failed to start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});

/** Exits 78 when MASTER_KEYS cannot open the data keys already in the database (libs/privacy, key-store.ts). */
async function refuseOtherKeyring(connectionString: string, keyring: MasterKeyring): Promise<void> {
  const client = new Client({ connectionString, application_name: 'samvirke-api-key-check' });
  await client.connect();
  try {
    await assertMasterKeysOpenDatabase(client, keyring);
  } catch (error) {
    if (!(error instanceof PrivacyConfigError)) throw error;
    process.stderr.write(`samvirke: ${error.message}\n`);
    process.exit(EXIT_CONFIG);
  } finally {
    await client.end().catch(() => undefined);
  }
}
