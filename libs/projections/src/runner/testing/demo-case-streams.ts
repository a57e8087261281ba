import { randomUUID } from 'node:crypto';
import { decide, evolve, initialCaseState, type CaseEvent, type CaseReferenceData, type CaseState, type Sealed } from '@samvirke/case';
import { deterministicUuid, type EventMetadata, type NewEvent } from '@samvirke/event-store';
import type { PersonalDataVault } from '@samvirke/privacy';
import { generateDemoCaseLoad, type DemoCitizenCase, type DemoStep } from '@samvirke/demo/demo-scenario';
import { personalTexts, sealCommand } from '@samvirke/demo/unsealed-command';

/** One case stream of the demo load, decided in memory: each entry of `steps` is one command's events. */
export interface DemoCaseStream {
  streamId: string;
  steps: NewEvent[][];
}

export interface DemoCaseStreamsOptions {
  vault: PersonalDataVault;
  refData: CaseReferenceData;
  /** Stream ids are `<streamPrefix><case id>`; starts with `case-` for the timeline and information flow. */
  streamPrefix: string;
  /** Cases are taken from the demo load until their events reach this many. */
  minEvents: number;
  seed: number;
  until: Date;
}

/**
 * The demo scenario's case load as events, ready to append: each step decided by the real decider
 * against the case as it stands (`now` = the step's time), with personal text sealed by the vault
 * as the HTTP layer would. Deciding here instead of through `handleStreamCommand` lets the caller
 * append under its own stream prefix, in whatever interleaving it likes, without a read per command.
 */
export async function decideDemoCaseStreams(options: DemoCaseStreamsOptions): Promise<DemoCaseStream[]> {
  // About 65 events per demo case; ask for enough and stop once `minEvents` is reached.
  const load = generateDemoCaseLoad({ cases: Math.ceil(options.minEvents / 40), seed: options.seed, until: options.until, refData: options.refData });
  const streams: DemoCaseStream[] = [];
  let events = 0;
  for (const citizen of load) {
    if (events >= options.minEvents) break;
    const stream = await decideCase(options, citizen);
    streams.push(stream);
    events += stream.steps.reduce((sum, step) => sum + step.length, 0);
  }
  if (events < options.minEvents) throw new Error(`the demo load gave ${events} events, fewer than ${options.minEvents}`);
  return streams;
}

async function decideCase(options: DemoCaseStreamsOptions, citizen: DemoCitizenCase): Promise<DemoCaseStream> {
  // Streams decided in memory for load tests: a stable id per citizen, no CPR lookup needed.
  const caseId = deterministicUuid('demo-case', options.vault.cprHash(citizen.cpr));
  let state: CaseState = initialCaseState();
  const steps: NewEvent[][] = [];
  for (const step of citizen.steps) {
    const decided = decide(await sealStep(options.vault, step, { citizenId: caseId }), state, { now: step.at, refData: options.refData });
    state = decided.reduce<CaseState>(evolve, state);
    steps.push(decided.map((event) => toNewEvent(event, step)));
  }
  return { streamId: `${options.streamPrefix}${caseId}`, steps };
}

async function sealStep(vault: PersonalDataVault, step: DemoStep, identity: { citizenId: string }) {
  const subject = { citizenId: identity.citizenId, agency: step.actor.agency };
  const sealed: Sealed[] = await Promise.all(personalTexts(step.command).map((text) => vault.seal(subject, text)));
  let next = 0;
  return sealCommand(step.command, identity, () => sealed[next++]);
}

function toNewEvent(event: CaseEvent, step: DemoStep): NewEvent {
  const legalBasis = 'legalBasis' in event.data && typeof event.data.legalBasis === 'string' ? { legalBasis: event.data.legalBasis } : {};
  const metadata: EventMetadata = { actor: step.actor.userId, agency: step.actor.agency, correlationId: randomUUID(), ...legalBasis };
  return { id: randomUUID(), type: event.type, schemaVersion: 1, data: event.data, metadata };
}
