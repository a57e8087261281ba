import type { Pool } from 'pg';
import { CaseRuleViolation, copenhagenDate, nextDueEscalation, type CaseCommand, type CaseRuleReason } from '@samvirke/case';
import type { CaseGate } from '@samvirke/commands';
import { addCalendarDays, type EscalationFlow, type EscalationRules, type EscalationStep } from '@samvirke/reference-data';
import { READ_MODEL_SCHEMA } from '../runner/projection';
import { informationFlowTables } from '../information-flow/information-flow.projection';

export const ESCALATION_ACTOR = 'system:escalation';

/** One step recorded (or, for `failed`, attempted). Ids and codes only, never personal data. */
export interface EscalationOutcome {
  caseId: string;
  flow: EscalationFlow;
  /** The entry's or the request's id. */
  id: string;
  toAgency: string;
  step: EscalationStep;
}

export interface EscalationReport {
  now: string;
  /** Open flows looked at. */
  checked: number;
  /** With the global position of each recorded step (for `consistentWith` reads). */
  escalated: Array<EscalationOutcome & { position: string | undefined }>;
  /** Recorded by an earlier run or another instance (the same idempotency key), or refused by the case's rules as no longer due. */
  alreadyDone: number;
  failed: Array<EscalationOutcome & { error: string }>;
}

/** The case's refusals that only mean someone else got there first or the flow moved on since the read model saw it. */
const SETTLED: ReadonlySet<CaseRuleReason> = new Set([
  'ALREADY_ESCALATED',
  'FLOW_ALREADY_ANSWERED',
  'ESCALATION_NOT_DUE',
  'CASE_NOT_OPEN',
  'AGENCY_NOT_ON_CASE',
]);

const TABLES = informationFlowTables();
const T = (table: string) => `${READ_MODEL_SCHEMA}.${table}`;

interface Candidate {
  case_id: string;
  flow: EscalationFlow;
  id: string;
  to_agency: string;
  started_on: string;
  escalation_step: EscalationStep | null;
}

/**
 * Finds the open flows whose next escalation step is due today (Copenhagen date of the clock) and
 * records each through the case gate as the system caller `escalation`.
 *
 * Candidates come from the information-flow read model (sent, acknowledged or answered, the furthest
 * step taken, the case's status), so a run costs one query plus one write per due step. The read
 * model may lag: the decider, on the stream as it is, has the last word, and a step it refuses as
 * taken, answered or not due is counted as already done, not as a failure.
 *
 * Never twice: each step's idempotency key is (case, flow, id, agency, step), so a rerun, a crash
 * between append and read model, or a second API instance running the job at the same time replays
 * the recorded step instead of appending another; and the decider refuses a step already taken.
 */
export class EscalationJob {
  constructor(private readonly deps: { pool: Pool; gate: CaseGate; rules: EscalationRules }) {}

  async run(options: { now: Date }): Promise<EscalationReport> {
    const { rules } = this.deps;
    const today = copenhagenDate(options.now);
    const report: EscalationReport = { now: options.now.toISOString(), checked: 0, escalated: [], alreadyDone: 0, failed: [] };
    const since = addCalendarDays(today, -rules.chaseForDays);
    const candidates = await this.deps.pool.query<Candidate>(
      `SELECT r.case_id, 'information' AS flow, r.entry_id AS id, r.to_agency,
         to_char((r.sent_at AT TIME ZONE 'Europe/Copenhagen')::date, 'YYYY-MM-DD') AS started_on, r.escalation_step
       FROM ${T(TABLES.receipt)} r JOIN ${T(TABLES.caseRow)} c USING (case_id)
       WHERE r.acknowledged_at IS NULL AND c.status = 'open' AND r.to_agency = ANY(c.agencies)
         AND r.escalation_step IS DISTINCT FROM 'escalation'
         AND r.sent_at >= ($1::date)::timestamp AT TIME ZONE 'Europe/Copenhagen'
       UNION ALL
       SELECT q.case_id, 'request', q.request_id, q.to_agency, to_char(q.due_on, 'YYYY-MM-DD'), q.escalation_step
       FROM ${T(TABLES.request)} q JOIN ${T(TABLES.caseRow)} c USING (case_id)
       WHERE q.outcome IS NULL AND c.status = 'open' AND q.to_agency = ANY(c.agencies)
         AND q.escalation_step IS DISTINCT FROM 'escalation'
         AND q.due_on >= $1::date AND q.due_on < $2::date
       ORDER BY 1, 2, 3, 4`,
      [since, today],
    );
    for (const flow of candidates.rows) {
      report.checked += 1;
      const due = nextDueEscalation(rules, flow.flow, flow.started_on, flow.escalation_step ?? undefined, today);
      if (due === undefined) continue;
      const outcome: EscalationOutcome = { caseId: flow.case_id, flow: flow.flow, id: flow.id, toAgency: flow.to_agency, step: due.step };
      const command: CaseCommand =
        flow.flow === 'information'
          ? { type: 'EscalateFlow', data: { flow: 'information', entryId: flow.id, toAgency: flow.to_agency, step: due.step } }
          : { type: 'EscalateFlow', data: { flow: 'request', requestId: flow.id, step: due.step } };
      try {
        const result = await this.deps.gate.execute({
          caseId: flow.case_id,
          caller: { kind: 'system', purpose: 'escalation', actor: ESCALATION_ACTOR },
          intent: { type: 'EscalateFlow' },
          command,
          idempotencyKey: ['escalation', flow.case_id, flow.flow, flow.id, flow.to_agency, due.step].join(':'),
          now: options.now,
        });
        if (result.replayed) report.alreadyDone += 1;
        else report.escalated.push({ ...outcome, position: result.position });
      } catch (error) {
        if (error instanceof CaseRuleViolation && SETTLED.has(error.reason)) report.alreadyDone += 1;
        else report.failed.push({ ...outcome, error: error instanceof CaseRuleViolation ? error.reason : error instanceof Error ? error.name : 'unknown' });
      }
    }
    return report;
  }
}
