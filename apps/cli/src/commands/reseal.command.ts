import { resealCaseOpenedEvents } from '@samvirke/privacy/reseal/reseal-store';
import { verifyAll } from '@samvirke/audit/tamper-evidence/hash-chain-verification';
import { privacyServicesFor } from './erase.command';
import { openCliRuntime } from './cli-runtime';

/**
 * `npm run cli -- reseal-identities --confirm-no-production-data`: rewrites the old CaseOpened events (keyed
 * CPR hash, birth date and district in clear) through the upcaster, re-chains their streams' hashes
 * and verifies the whole chain afterwards (issue 21). For a store with no production data only, with
 * the API and the worker stopped (README, "Database migrations"). Exit 0 rewritten and verified, 1 when
 * the chain does not verify afterwards, 69 on an EventStoreDB store (its log cannot be rewritten here).
 */
export async function runReseal(confirmed: boolean): Promise<number> {
  if (!confirmed) {
    process.stderr.write('reseal-identities rewrites the event log: only for a store with no production data; say so with --confirm-no-production-data\n');
    return 64;
  }
  const runtime = await openCliRuntime();
  try {
    if (runtime.postgresEventStore === undefined) {
      process.stderr.write('reseal-identities: only the PostgreSQL event store can be rewritten here\n');
      return 69;
    }
    const { vault } = await privacyServicesFor(runtime);
    const result = await resealCaseOpenedEvents(runtime.pool, vault);
    const verified = await verifyAll(runtime.pool, { batchSize: 500 });
    process.stdout.write(`${JSON.stringify({ ...result, verified: verified.ok, eventsChecked: verified.eventsChecked })}\n`);
    return verified.ok ? 0 : 1;
  } finally {
    await runtime.close();
  }
}
