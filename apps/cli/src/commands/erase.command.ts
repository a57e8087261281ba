import type { ErasureReason } from '@samvirke/case';
import { PersonalDataVault, loadPrivacyConfig } from '@samvirke/privacy';
import { CaseGate } from '@samvirke/commands';
import { ErasureService } from '@samvirke/privacy/erasure/erasure.service';
import { loadReferenceData } from '@samvirke/reference-data';
import { systemClock } from '@samvirke/platform';
import { CaseRuleViolation } from '@samvirke/case';
import { openCliRuntime, type CliRuntime } from './cli-runtime';

const REASONS: readonly ErasureReason[] = ['retention-expired', 'erasure-request', 'unlawful-processing', 'other'];
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const USAGE =
  'usage: npm run cli -- erase --case UUID --scope citizen|AGENCY --reason retention-expired|erasure-request|unlawful-processing|other --by USER [--idempotency-key KEY]\n';

/** The erasure pieces on the CLI's own connections, as the API wires them (see PrivacyHttpModule). */
export async function privacyServicesFor(runtime: CliRuntime): Promise<{ erasure: ErasureService; vault: PersonalDataVault }> {
  const vault = new PersonalDataVault(runtime.pool, loadPrivacyConfig(process.env, runtime.config.dataDir), { clock: systemClock });
  await vault.migrate();
  const gate = new CaseGate(runtime.eventStore, loadReferenceData(), systemClock);
  return { erasure: new ErasureService(gate, vault, systemClock), vault };
}

export function optionValue(args: string[], name: string): string | undefined {
  const index = args.indexOf(name);
  return index >= 0 ? args[index + 1] : undefined;
}

/**
 * `npm run cli -- erase ...`: the same erasure as POST /cases/:caseId/erasure (decider first, then the
 * keys), for operators. Repeat it with the same --idempotency-key to finish an erasure whose key
 * destruction failed. Exit 0 erased, 65 refused by the case rules (the reason is printed), 64 usage.
 */
export async function runErase(args: string[]): Promise<number> {
  const caseId = optionValue(args, '--case')?.toLowerCase();
  const scope = optionValue(args, '--scope');
  const reason = optionValue(args, '--reason') as ErasureReason | undefined;
  const by = optionValue(args, '--by');
  if (!caseId || !UUID.test(caseId) || !scope || !reason || !REASONS.includes(reason) || !by) {
    process.stderr.write(USAGE);
    return 64;
  }
  const runtime = await openCliRuntime();
  try {
    const { erasure } = await privacyServicesFor(runtime);
    const idempotencyKey = optionValue(args, '--idempotency-key');
    const outcome = await erasure.erase(caseId, { scope, reason, caller: { kind: 'system', purpose: 'operator', actor: by }, ...(idempotencyKey ? { idempotencyKey } : {}) });
    process.stdout.write(`${JSON.stringify(outcome)}\n`);
    return 0;
  } catch (error) {
    if (error instanceof CaseRuleViolation) {
      process.stderr.write(`refused: ${error.reason}: ${error.message}\n`);
      return 65;
    }
    throw error;
  } finally {
    await runtime.close();
  }
}
