import type { INestApplication } from '@nestjs/common';
import type { Logger } from 'pino';
import { EVENT_STORE, type EventStore } from '@samvirke/event-store';
import { PersonalDataVault } from '@samvirke/privacy';
import { CASE_STREAM_PREFIX } from '@samvirke/case/application/case-identity';
import type { AppConfig } from '@samvirke/platform';
import { demoUsers, seedDemoData } from '@samvirke/demo';

/**
 * A new user's first `npm start` (no DATABASE_URL, so an embedded database) should show a working
 * system, not an empty one: when the store has no cases yet, fill it with the synthetic demo case
 * load in the background while the API already serves. Never on a configured database unless asked
 * (DEMO_DATA=true), never when DEMO_DATA=false.
 */
export async function seedDemoDataIfWanted(app: INestApplication, config: AppConfig, logger: Logger): Promise<void> {
  const wanted = config.demoData === 'true' || (config.demoData === 'auto' && !config.databaseUrl);
  if (!wanted) return;
  logDemoUsers(logger);
  const store = app.get<EventStore>(EVENT_STORE);
  const existing = await store.readAll({ maxCount: 1, streamPrefixes: [CASE_STREAM_PREFIX] });
  if (existing.events.length > 0) return;
  logger.info({ cases: config.demoCases }, 'empty database: adding synthetic demo cases in the background (DEMO_DATA=false turns this off)');
  const started = Date.now();
  const result = await seedDemoData({ store, vault: app.get(PersonalDataVault), cases: config.demoCases, seed: 1, until: new Date() });
  logger.info({ cases: result.cases, events: result.events, seconds: (Date.now() - started) / 1000 }, 'demo cases added');
}

/** Who to sign in as, said at start where the demo load is wanted: users, agencies, roles and the token command. */
function logDemoUsers(logger: Logger): void {
  const users = demoUsers();
  const byRole = (role: string) =>
    users
      .filter((user) => user.role === role)
      .map((user) => `${user.userId} (${user.agency})`)
      .join(', ');
  logger.info(
    {
      coordinators: byRole('coordinator'),
      liaisons: byRole('liaison'),
      auditors: byRole('auditor'),
      programmeManagers: byRole('programme-manager'),
      token: 'npm run -s cli -- mint-token --user coord-01 --agency BIF --role coordinator',
    },
    'demo users: mint a token for any of them with the command in "token" (user, agency and role as listed)',
  );
}
