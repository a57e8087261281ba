import { randomUUID } from 'node:crypto';

/**
 * A load of case writes whose every answer is written down, so a fault test can later hold the
 * store to what the API promised: each write carries its own Idempotency-Key (which the command
 * handler copies into the metadata of every event it appends), so the events of one write can be
 * found again, counted, and checked to be all there or not there at all.
 */
export interface PlannedWrite {
  idempotencyKey: string;
  caseId: string;
  method: 'POST';
  path: string;
  body: Record<string, unknown>;
  /** The event types the write appends, in order, when the API accepts it. */
  expectedTypes: string[];
}

/** An answer with its status, or none: the connection was refused, cut or timed out. */
export type WriteOutcome = { kind: 'answered'; status: number } | { kind: 'no-answer'; error: string };

export interface LedgerEntry extends PlannedWrite {
  outcome: WriteOutcome;
}

/** The idempotency keys of the load all start with this, so setup writes are told apart. */
export const LOAD_KEY_PREFIX = 'load-';

const isoDay = (offsetDays = 0) => new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);

/**
 * Alternates two writes: sharing one entry (one event) and a case conference whose two decisions
 * each create an action (three events in one append, the all-or-nothing case). The case must have
 * SOF on it besides the opening agency.
 */
export function planCaseWrite(caseId: string, sequence: number): PlannedWrite {
  const idempotencyKey = `${LOAD_KEY_PREFIX}${randomUUID()}`;
  if (sequence % 2 === 0) {
    return {
      idempotencyKey,
      caseId,
      method: 'POST',
      path: `/cases/${caseId}/entries`,
      body: {
        entryId: randomUUID(),
        sharedWith: ['SOF'],
        legalBasis: 'RPL115-1-1',
        purpose: 'crime-prevention',
        sensitivity: 'normal',
        summary: `Belastningstest ${sequence}`,
      },
      expectedTypes: ['InformationShared'],
    };
  }
  const action = (title: string) => ({ actionId: randomUUID(), responsibleAgency: 'SOF', dueDate: isoDay(14), title });
  return {
    idempotencyKey,
    caseId,
    method: 'POST',
    path: `/cases/${caseId}/conferences`,
    body: {
      conferenceId: randomUUID(),
      heldOn: isoDay(0),
      agenciesPresent: ['BIF', 'SOF'],
      decisions: [
        { decisionId: randomUUID(), text: 'Opfølgning a', createsAction: action('Samtale') },
        { decisionId: randomUUID(), text: 'Opfølgning b', createsAction: action('Bolig') },
      ],
    },
    expectedTypes: ['CaseConferenceHeld', 'ActionAdded', 'ActionAdded'],
  };
}

export interface WriteLoadOptions {
  caseIds: string[];
  concurrency: number;
  /** Sends one write; resolves with the HTTP status, rejects when no answer came. */
  send: (write: PlannedWrite) => Promise<number>;
  /** Checked before each write: true ends the load (writes in flight still finish). */
  shouldStop: (ledger: readonly LedgerEntry[]) => boolean;
  /** Called after each answer (or failure), e.g. to pull a plug once enough writes are in. */
  onOutcome?: (ledger: readonly LedgerEntry[]) => void;
  /** Hard bound on the whole load. */
  maxDurationMs: number;
}

export async function runWriteLoad(options: WriteLoadOptions): Promise<LedgerEntry[]> {
  const ledger: LedgerEntry[] = [];
  const deadline = Date.now() + options.maxDurationMs;
  let sequence = 0;
  const worker = async () => {
    while (Date.now() < deadline && !options.shouldStop(ledger)) {
      const n = sequence++;
      const write = planCaseWrite(options.caseIds[n % options.caseIds.length], n);
      let outcome: WriteOutcome;
      try {
        outcome = { kind: 'answered', status: await options.send(write) };
      } catch (error) {
        outcome = { kind: 'no-answer', error: error instanceof Error ? `${error.name}: ${error.message}` : String(error) };
      }
      ledger.push({ ...write, outcome });
      options.onOutcome?.(ledger);
      // A refused connection fails in microseconds: do not spin while the server is away.
      if (outcome.kind === 'no-answer') await new Promise((resolve) => setTimeout(resolve, 20));
    }
  };
  await Promise.all(Array.from({ length: options.concurrency }, worker));
  return ledger;
}

export const isAcknowledged = (entry: LedgerEntry) => entry.outcome.kind === 'answered' && entry.outcome.status >= 200 && entry.outcome.status < 300;
export const isRefused = (entry: LedgerEntry) => entry.outcome.kind === 'answered' && entry.outcome.status >= 400 && entry.outcome.status < 500;
/** No answer, or a 5xx: the write may or may not have committed; a retry with its key settles it. */
export const isUncertain = (entry: LedgerEntry) => !isAcknowledged(entry) && !isRefused(entry);

export function describeOutcomes(ledger: readonly LedgerEntry[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const entry of ledger) {
    const label = entry.outcome.kind === 'answered' ? String(entry.outcome.status) : 'no-answer';
    counts[label] = (counts[label] ?? 0) + 1;
  }
  return counts;
}
