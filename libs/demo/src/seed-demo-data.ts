/**
 * Writes the demo case load into the event store through the same load-decide-append path as the
 * API (the write gate of libs/commands, as the `synthetic-data` system caller), sealing personal text with the citizen's key for
 * the acting agency just as the HTTP layer does. Nothing is written around the rules.
 *
 * Re-running is safe: every step has an idempotency key derived from (seed, case, step), so a step
 * already in the store is recognised and not appended again. A case whose stream already holds all
 * of its steps is skipped without reading more; an interrupted run resumes where it stopped.
 */
import { caseStreamId } from '@samvirke/case/application/case-identity';
import { CaseRuleViolation, type CaseReferenceData, type Sealed } from '@samvirke/case';
import { deterministicUuid, type EventStore } from '@samvirke/event-store';
import { CaseGate } from '@samvirke/commands';
import type { PersonalDataVault } from '@samvirke/privacy';
import { loadReferenceData } from '@samvirke/reference-data';
import { generateDemoCaseLoad, type DemoCitizenCase, type DemoStep } from './demo-scenario';
import { personalTexts, sealCommand } from './unsealed-command';

export interface SeedDemoDataOptions {
  readonly store: EventStore;
  readonly vault: PersonalDataVault;
  readonly cases: number;
  readonly seed: number;
  readonly until: Date;
  readonly refData?: CaseReferenceData;
  /** Cases written at the same time; each case's own steps are always sequential. Default 4. */
  readonly concurrency?: number;
  readonly onProgress?: (progress: SeedProgress) => void;
}

export interface SeedProgress {
  readonly casesDone: number;
  readonly casesTotal: number;
  readonly events: number;
}

export interface SeedDemoDataResult {
  /** Cases this run wrote to (new, or resumed after an interrupted run). */
  readonly cases: number;
  readonly events: number;
  /** Cases already complete in the store, or whose citizen already has a case from elsewhere. */
  readonly skippedExisting: number;
}

/** Metadata keys that let a later run find the `until` an earlier run of the same seed used. */
const DEMO_SEED_KEY = 'demoSeed';
const DEMO_UNTIL_KEY = 'demoUntil';

export function demoIdempotencyKey(seed: number, caseIndex: number, stepIndex: number): string {
  return `demo-${seed}-${caseIndex}-${stepIndex}`;
}

export async function seedDemoData(options: SeedDemoDataOptions): Promise<SeedDemoDataResult> {
  const refData = options.refData ?? loadReferenceData();
  const load = generateDemoCaseLoad({ cases: options.cases, seed: options.seed, until: options.until, refData });
  const totals = { cases: 0, events: 0, skippedExisting: 0, done: 0 };
  let next = 0;

  const worker = async (): Promise<void> => {
    for (let index = next++; index < load.length; index = next++) {
      const outcome = await seedCase(options, refData, load[index]);
      if (outcome === 'skipped') totals.skippedExisting++;
      else {
        totals.cases++;
        totals.events += outcome.events;
      }
      totals.done++;
      options.onProgress?.({ casesDone: totals.done, casesTotal: load.length, events: totals.events });
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, options.concurrency ?? 4) }, worker));
  return { cases: totals.cases, events: totals.events, skippedExisting: totals.skippedExisting };
}

async function seedCase(options: SeedDemoDataOptions, refData: CaseReferenceData, citizen: DemoCitizenCase): Promise<{ events: number } | 'skipped'> {
  const { store, vault, seed } = options;
  // The CPR lookup, as a referral: the citizen's case (a re-run finds the one it seeded), or a new random id.
  const caseId = await vault.caseIdOfCitizen(citizen.cpr);
  const streamId = caseStreamId(caseId);
  const keyOf = (stepIndex: number) => demoIdempotencyKey(seed, citizen.caseIndex, stepIndex);

  let firstStep = 0;
  const history = await store.readStream(streamId);
  if (history.length > 0) {
    // Someone else's case for the same CPR (another seed, or a real referral): leave it alone.
    if (history[0].id !== deterministicUuid(streamId, keyOf(0), '0')) return 'skipped';
    const done = new Set(history.map((event) => event.metadata.idempotencyKey));
    while (firstStep < citizen.steps.length && done.has(keyOf(firstStep))) firstStep++;
    if (firstStep === citizen.steps.length) return 'skipped';
  }

  let events = 0;
  for (let stepIndex = firstStep; stepIndex < citizen.steps.length; stepIndex++) {
    const step = citizen.steps[stepIndex];
    try {
      events += await seedStep(options, refData, { caseId, streamId }, step, keyOf(stepIndex));
    } catch (error) {
      // Only possible when someone changed the case between two runs: stop this case, keep the rest.
      if (error instanceof CaseRuleViolation) break;
      throw error;
    }
  }
  return { events };
}

async function seedStep(
  options: SeedDemoDataOptions,
  refData: CaseReferenceData,
  target: { caseId: string; streamId: string },
  step: DemoStep,
  idempotencyKey: string,
): Promise<number> {
  const { store, vault, seed, until } = options;
  const subject = { citizenId: target.caseId, agency: step.actor.agency };
  const sealed: Sealed[] = await Promise.all(personalTexts(step.command).map((text) => vault.seal(subject, text)));
  let nextSealed = 0;
  const command = sealCommand(step.command, { citizenId: target.caseId }, () => sealed[nextSealed++]);
  const gate = new CaseGate(store, refData, { now: () => step.at });
  const outcome = await gate.execute({
    caseId: target.caseId,
    caller: { kind: 'system', purpose: 'synthetic-data', actor: step.actor.userId, agency: step.actor.agency },
    intent: { type: command.type },
    command,
    idempotencyKey,
    // The sealed values differ on every run (fresh IVs), so the fingerprint names the step, not its bytes.
    requestFingerprint: `${idempotencyKey}:${step.command.type}`,
    correlationId: deterministicUuid('samvirke-demo-correlation', idempotencyKey),
    now: step.at,
    syntheticTags: { [DEMO_SEED_KEY]: seed, [DEMO_UNTIL_KEY]: until.toISOString() },
  });

  if (step.command.type === 'EraseCitizenData') {
    // The event records the decision; destroying the keys is what makes the data unreadable.
    const { scope, reason, by } = step.command.data;
    await vault.eraseSubject(target.caseId, { agency: scope === 'citizen' ? 'all' : scope }, by, reason);
  }
  return outcome.replayed ? 0 : outcome.events.length;
}

/**
 * The `until` an earlier run of this seed used, so a later run (another day) generates the same case
 * load and appends nothing, instead of a second population shifted in time. Scans the case streams
 * from the start and stops at the first event of the seed, which in a demo store comes early.
 */
export async function findEarlierDemoUntil(store: EventStore, seed: number): Promise<Date | undefined> {
  let after;
  for (;;) {
    const page = await store.readAll({ after, maxCount: 500, streamPrefixes: ['case-'] });
    for (const event of page.events) {
      const until = event.metadata[DEMO_UNTIL_KEY];
      if (event.metadata[DEMO_SEED_KEY] === seed && typeof until === 'string') return new Date(until);
    }
    if (page.events.length === 0 || page.nextAfter === undefined) return undefined;
    after = page.nextAfter;
  }
}
