import type { ErasureReason } from '@samvirke/case';
import { PersonalDataVault, loadPrivacyConfig } from '@samvirke/privacy';
import { CaseGate } from '@samvirke/commands';
import { ErasureService } from '@samvirke/privacy/erasure/erasure.service';
import { loadReferenceData } from '@samvirke/reference-data';
import { systemClock } from '@samvirke/platform';
import { CaseRuleViolation } from '@samvirke/case';
import { openCliRuntime, type CliRuntime } from './cli-runtime';

export const ERASURE_REASONS = ['retention-expired', 'erasure-request', 'unlawful-processing', 'other'] as const satisfies readonly ErasureReason[];

/** The erasure pieces on the CLI's own connections, as the API wires them (see PrivacyHttpModule). */
export async function privacyServicesFor(runtime: CliRuntime): Promise<{ erasure: ErasureService; vault: PersonalDataVault }> {
  const vault = new PersonalDataVault(runtime.pool, loadPrivacyConfig(process.env, runtime.config.dataDir), { clock: systemClock });
  const gate = new CaseGate(runtime.eventStore, loadReferenceData(), systemClock);
  return { erasure: new ErasureService(gate, vault, systemClock), vault };
}

/**
 * `npm run cli -- erase ...`: the same erasure as POST /cases/:caseId/erasure (decider first, then the
 * keys), for operators. Repeat it with the same --idempotency-key to finish an erasure whose key
 * destruction failed. Exit 0 erased, 65 refused by the case rules (the reason is printed); main.ts checks the options (64).
 */
export async function runErase(request: { caseId: string; scope: string; reason: ErasureReason; by: string; idempotencyKey?: string }): Promise<number> {
  const { caseId, scope, reason, by, idempotencyKey } = request;
  const runtime = await openCliRuntime();
  try {
    const { erasure } = await privacyServicesFor(runtime);
    const outcome = await erasure.erase(caseId, {
      scope,
      reason,
      caller: { kind: 'system', purpose: 'operator', actor: by },
      ...(idempotencyKey ? { idempotencyKey } : {}),
    });
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
