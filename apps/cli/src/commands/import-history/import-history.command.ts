import { createHash } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { CaseRuleViolation, type CaseCommand, type Sealed } from '@samvirke/case';
import { caseStreamId } from '@samvirke/case/application/case-identity';
import { CaseBusyError, CaseGate, CaseNotVisibleError, CaseWriteForbiddenError } from '@samvirke/commands';
import { personalTexts, sealCommand } from '@samvirke/demo/unsealed-command';
import { IdempotencyKeyReusedError, type EventStore } from '@samvirke/event-store';
import { systemClock } from '@samvirke/platform';
import { PersonalDataVault, loadPrivacyConfig } from '@samvirke/privacy';
import { loadReferenceData } from '@samvirke/reference-data';
import { openCliRuntime } from '../cli-runtime';
import { formatOf, HistoryFileError, parseHistoryFile, type HistoryRow, type RefusedRow } from './history-file';
import { ProgressBar } from './progress-bar';

export interface ImportHistoryOptions {
  file: string;
  /** Write every refused row (where, command, reason, field, message) to this file as JSON. */
  report?: string;
  /** Citizens imported at the same time; each citizen's rows are always in file order. */
  concurrency: number;
}

const EXIT_DATA = 65;

/**
 * `import-history FILE`: historical cases from CSV or JSON (history-file.ts), each row one case
 * command through the one write gate as the `history-import` system caller, so the same decider
 * refuses what it would refuse over HTTP, and no per-user rate limit applies (nothing goes over HTTP).
 *
 * Resumable: each row's idempotency key is derived from the citizen's CPR hash and the row's place
 * among that citizen's rows, so a rerun of the same file appends nothing twice and goes on where an
 * interrupted run stopped. A refused row is reported (where, command, reason, field; never its
 * values) and the citizen's later rows are still tried: the rules refuse those that needed it.
 * Exit code 0 when every row is in the store, 65 when some were refused.
 */
export async function runImportHistory(options: ImportHistoryOptions): Promise<number> {
  let text: string;
  let format: 'csv' | 'json';
  const refData = loadReferenceData();
  let parsed;
  try {
    format = formatOf(options.file);
    text = await readFile(options.file, 'utf8');
    parsed = parseHistoryFile(text, format, refData);
  } catch (error) {
    if (error instanceof HistoryFileError) {
      process.stderr.write(`samvirke import-history: ${error.message}\n`);
      return EXIT_DATA;
    }
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      process.stderr.write('samvirke import-history: the file does not exist\n');
      return EXIT_DATA;
    }
    throw error;
  }

  const runtime = await openCliRuntime();
  try {
    const vault = new PersonalDataVault(runtime.pool, loadPrivacyConfig(process.env, runtime.config.dataDir));
    const gate = new CaseGate(runtime.eventStore, refData, systemClock);
    const citizens = byCitizen(parsed.rows);
    const totals = { appended: 0, alreadyThere: 0, done: parsed.refused.length, events: 0 };
    const refused: RefusedRow[] = [...parsed.refused];
    const total = parsed.rows.length + parsed.refused.length;
    const bar = new ProgressBar(total);
    const started = Date.now();
    const show = () => bar.update(totals.done, `(${totals.appended} new, ${totals.alreadyThere} already there, ${refused.length} refused)`);
    show();

    let next = 0;
    const worker = async (): Promise<void> => {
      for (let index = next++; index < citizens.length; index = next++) {
        await importCitizen(citizens[index], { store: runtime.eventStore, vault, gate }, (outcome) => {
          totals.done++;
          if (outcome === 'appended') totals.appended++;
          else if (outcome === 'already-there') totals.alreadyThere++;
          else refused.push(outcome);
          show();
        });
      }
    };
    await Promise.all(Array.from({ length: Math.max(1, options.concurrency) }, worker));
    bar.update(total, `(${totals.appended} new, ${totals.alreadyThere} already there, ${refused.length} refused)`);

    refused.sort((a, b) => order(a.at) - order(b.at));
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    process.stdout.write(
      `imported ${totals.appended} rows for ${citizens.length} citizens in ${seconds} s; ${totals.alreadyThere} were already there; ${refused.length} refused\n`,
    );
    for (const row of refused.slice(0, 100))
      process.stdout.write(`  ${row.at} ${row.command || '-'}: ${row.reason}${row.field ? ` (${row.field})` : ''}: ${row.message}\n`);
    if (refused.length > 100)
      process.stdout.write(`  ... and ${refused.length - 100} more${options.report ? ` (all in ${options.report})` : ' (--report FILE lists them all)'}\n`);
    if (options.report !== undefined) {
      await writeFile(
        options.report,
        `${JSON.stringify({ file: options.file, imported: totals.appended, alreadyThere: totals.alreadyThere, refused }, null, 2)}\n`,
      );
    }
    return refused.length === 0 ? 0 : EXIT_DATA;
  } finally {
    await runtime.close();
  }
}

interface Citizen {
  readonly cpr: string;
  readonly rows: HistoryRow[];
}

function byCitizen(rows: readonly HistoryRow[]): Citizen[] {
  const citizens = new Map<string, HistoryRow[]>();
  for (const row of rows) citizens.set(row.cpr, [...(citizens.get(row.cpr) ?? []), row]);
  return [...citizens].map(([cpr, list]) => ({ cpr, rows: list }));
}

/** "line 12" / "row 12" sort by their number. */
function order(at: string): number {
  return Number(at.replace(/^\D+/, ''));
}

/** Not personal data: a hash of the keyed CPR hash and the row's place among the citizen's rows. */
export function historyIdempotencyKey(cprHash: string, ordinal: number): string {
  return `history-${createHash('sha256').update(`${cprHash}\n${ordinal}`).digest('hex').slice(0, 40)}`;
}

type RowOutcome = 'appended' | 'already-there' | RefusedRow;

async function importCitizen(
  citizen: Citizen,
  deps: { store: EventStore; vault: PersonalDataVault; gate: CaseGate },
  onRow: (outcome: RowOutcome) => void,
): Promise<void> {
  const cprHash = deps.vault.cprHash(citizen.cpr);
  // The referral's own path from CPR to case (POST /cases, the CPR lookup outside the log): the
  // imported case is the one a referral of the same citizen finds, and a new citizen gets a new id.
  const claim = await deps.vault.claimCaseOfCitizen(citizen.cpr);
  const caseId = claim.caseId;
  const done = new Set((await deps.store.readStream(caseStreamId(caseId))).map((event) => event.metadata.idempotencyKey));
  let recorded = done.size > 0;
  for (const [ordinal, row] of citizen.rows.entries()) {
    const idempotencyKey = historyIdempotencyKey(cprHash, ordinal);
    if (done.has(idempotencyKey)) {
      onRow('already-there');
      continue;
    }
    const outcome = await importRow(row, { caseId, cprHash, idempotencyKey }, deps);
    if (outcome === 'appended') recorded = true;
    onRow(outcome);
  }
  // Nothing of this citizen recorded (every row refused): the lookup row this claim made goes.
  if (recorded) await claim.confirm();
  else await claim.release();
}

async function importRow(
  row: HistoryRow,
  target: { caseId: string; cprHash: string; idempotencyKey: string },
  deps: { vault: PersonalDataVault; gate: CaseGate },
): Promise<RowOutcome> {
  const type = row.command.type;
  const identity = { citizenId: target.caseId, cprHash: target.cprHash };
  const data = row.command.data as Record<string, unknown>;
  const build = async (dryRun: boolean): Promise<CaseCommand> => {
    if (dryRun) return sealCommand(row.command, identity, () => ({ sealed: 'dry-run' }));
    const sealed: Sealed[] = await Promise.all(
      personalTexts(row.command).map((text) => deps.vault.seal({ citizenId: target.caseId, agency: row.agency }, text)),
    );
    let nextSealed = 0;
    return sealCommand(row.command, identity, () => sealed[nextSealed++]);
  };
  try {
    const outcome = await deps.gate.execute({
      caseId: target.caseId,
      caller: { kind: 'system', purpose: 'history-import', actor: row.actor ?? 'system:history-import', agency: row.agency },
      intent: {
        type,
        ...(typeof data.legalBasis === 'string' ? { legalBasis: data.legalBasis } : {}),
        ...(typeof data.entryId === 'string' && type === 'AcknowledgeInformation' ? { entryId: data.entryId } : {}),
      },
      command: build,
      idempotencyKey: target.idempotencyKey,
      // Sealed values differ on every run (fresh IVs): the fingerprint names the row, not its bytes.
      requestFingerprint: `${target.idempotencyKey}:${type}`,
    });
    return outcome.replayed ? 'already-there' : 'appended';
  } catch (error) {
    const refuse = (reason: string, message: string, field?: string): RefusedRow => ({
      at: row.at,
      command: type,
      reason,
      ...(field ? { field } : {}),
      message,
    });
    if (error instanceof CaseRuleViolation) return refuse(error.reason, error.message, error.detail?.split(':')[0]);
    if (error instanceof CaseNotVisibleError) return refuse('CASE_NOT_FOUND', 'the citizen has no case yet: an OpenCase row must come first');
    if (error instanceof CaseWriteForbiddenError) return refuse('COMMAND_NOT_IMPORTABLE', 'the history import may not issue this command');
    if (error instanceof CaseBusyError) return refuse('CASE_BUSY', 'the case was being changed by someone else; run the import again');
    if (error instanceof IdempotencyKeyReusedError)
      return refuse(
        'ROW_CHANGED',
        "this row's place was imported before with another command: the file changed since; import only new rows at the end of a citizen's rows",
      );
    // A field of the wrong type that the rules could not read.
    if (error instanceof TypeError) return refuse('INVALID_DATA', 'data must have the fields of the command, each of its type', 'data');
    throw error;
  }
}
