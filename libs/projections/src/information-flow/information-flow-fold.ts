/**
 * The information flow read model as a pure fold: `foldInformationFlow(events)` turns a batch of a
 * case log's events into the changes the projection writes, and `applyInformationFlow(rows, batch)`
 * says what those changes do to the rows. No SQL, no clock: information-flow.projection.ts writes
 * each change as one statement, and information-flow-fold.spec.ts states the rules as events in,
 * rows out.
 *
 * The projection reads nothing before it writes (a read per batch would cost the live lag and the
 * rebuild rate), so the fold decides nothing from the rows: each change carries its own condition,
 * which its statement checks on the row it lands on. A share is recorded once per receiving agency
 * and a request once (a repeat changes nothing); an acknowledgement or an answer fills only an
 * empty one of a row that exists, so the first stands; an escalation step sets the row's step (they
 * come in order, so the last stands); the case row follows CaseOpened, the agencies, the coordinator
 * (case-access-columns.ts) and whether the case is open.
 *
 * Acknowledgements and answers of a batch are written at its end, one statement each, the first per
 * receipt or request only: as they fill only empty responses of rows the shares and requests create,
 * that gives the rows one event at a time would give.
 *
 * Instants: `sent_at`, `acknowledged_at` and `requested_at` are the real-world instants, the start
 * of the day recorded with history (sharedOn, acknowledgedOn, requestedOn) in Copenhagen, else the
 * recorded instant; the writer computes them from the day and the recorded instant kept here.
 */
import type { CaseEvent, CaseEventType } from '@samvirke/case';
import type { CaseEventRecord } from '../timeline/case-event';

export interface FlowCaseRow {
  readonly caseId: string;
  readonly agencies: readonly string[];
  readonly coordinatorId: string | null;
  readonly status: 'open' | 'closed';
}

/** One per (case, shared entry, receiving agency). */
export interface ReceiptRow {
  readonly caseId: string;
  readonly entryId: string;
  readonly fromAgency: string;
  readonly toAgency: string;
  readonly sharedWith: readonly string[];
  readonly sensitivity: string;
  readonly legalBasis: string;
  /** The share's `sharedAt`; `sentOn` the real-world day, when recorded later. */
  readonly sentRecordedAt: string;
  readonly sentOn: string | null;
  readonly sentBy: string;
  readonly acknowledgedRecordedAt: string | null;
  readonly acknowledgedOn: string | null;
  readonly acknowledgedBy: string | null;
  readonly escalationStep: string | null;
  readonly escalatedAt: string | null;
}

export interface RequestRow {
  readonly caseId: string;
  readonly requestId: string;
  readonly fromAgency: string;
  readonly toAgency: string;
  readonly legalBasis: string;
  readonly dueOn: string;
  readonly requestedRecordedAt: string;
  readonly requestedOn: string | null;
  readonly requestedBy: string;
  readonly outcome: 'answered' | 'declined' | null;
  readonly declineReason: string | null;
  readonly respondedAt: string | null;
  readonly respondedBy: string | null;
  readonly escalationStep: string | null;
  readonly escalatedAt: string | null;
}

/** Rows by key: `cases` by case id, `receipts` by receiptKey, `requests` by requestKey. */
export interface InformationFlowRows {
  readonly cases: ReadonlyMap<string, FlowCaseRow>;
  readonly receipts: ReadonlyMap<string, ReceiptRow>;
  readonly requests: ReadonlyMap<string, RequestRow>;
}

export const NO_INFORMATION_FLOW_ROWS: InformationFlowRows = { cases: new Map(), receipts: new Map(), requests: new Map() };

export const receiptKey = (caseId: string, entryId: string, toAgency: string): string => [caseId, entryId, toAgency].join('\u0000');
export const requestKey = (caseId: string, requestId: string): string => `${caseId}\u0000${requestId}`;

/** Changes written in event order, one statement each. */
export type FlowChange =
  /** CaseOpened, an agency joining or leaving, a coordinator: the case row's access columns (case-access-columns.ts). */
  | { readonly kind: 'case-access'; readonly record: CaseEventRecord }
  | { readonly kind: 'case-status'; readonly caseId: string; readonly status: 'open' | 'closed' }
  /** Inserted unless the row is there. */
  | { readonly kind: 'receipt-sent'; readonly row: ReceiptRow }
  | { readonly kind: 'request-sent'; readonly row: RequestRow }
  /** `entryId` / `requestId` as the event has it (a malformed escalation without one matches no row). */
  | {
      readonly kind: 'receipt-escalated';
      readonly caseId: string;
      readonly entryId: string | undefined;
      readonly toAgency: string;
      readonly step: string;
      readonly at: string;
    }
  | { readonly kind: 'request-escalated'; readonly caseId: string; readonly requestId: string | undefined; readonly step: string; readonly at: string };

export interface FlowAcknowledgement {
  readonly caseId: string;
  readonly entryId: string;
  readonly agency: string;
  readonly at: string;
  readonly by: string;
  /** The real-world day, when recorded later (acknowledgedOn). */
  readonly on: string | null;
}

export interface FlowResponse {
  readonly caseId: string;
  readonly requestId: string;
  readonly outcome: 'answered' | 'declined';
  readonly reason: string | null;
  readonly at: string;
  readonly by: string;
}

/** A batch's writes: `changes` in order, then the acknowledgements, then the responses (the first per row each). */
export interface InformationFlowBatch {
  readonly changes: readonly FlowChange[];
  readonly acknowledgements: readonly FlowAcknowledgement[];
  readonly responses: readonly FlowResponse[];
}

/** The event types the fold reads; an event of any other type changes nothing (the projection names these). */
export const INFORMATION_FLOW_EVENT_TYPES = [
  'CaseOpened',
  'AgencyJoinedCase',
  'AgencyLeftCase',
  'CoordinatorAssigned',
  'CoordinatorChanged',
  'InformationShared',
  'InformationAcknowledged',
  'InformationRequested',
  'InformationRequestAnswered',
  'InformationRequestDeclined',
  'FlowEscalated',
  'CaseClosed',
  'CaseReopened',
] as const satisfies readonly CaseEventType[];

export function foldInformationFlow(records: readonly CaseEventRecord[]): InformationFlowBatch {
  const changes: FlowChange[] = [];
  const acknowledgements = new Map<string, FlowAcknowledgement>();
  const responses = new Map<string, FlowResponse>();
  for (const record of records) {
    const { caseId, event, actor } = record;
    switch (event.type) {
      case 'CaseOpened':
      case 'AgencyJoinedCase':
      case 'AgencyLeftCase':
      case 'CoordinatorAssigned':
      case 'CoordinatorChanged':
        changes.push({ kind: 'case-access', record });
        break;
      case 'InformationShared': {
        const d = event.data;
        for (const toAgency of d.sharedWith) {
          changes.push({
            kind: 'receipt-sent',
            row: {
              caseId,
              entryId: d.entryId,
              fromAgency: d.fromAgency,
              toAgency,
              sharedWith: [...d.sharedWith],
              sensitivity: d.sensitivity,
              legalBasis: d.legalBasis,
              sentRecordedAt: d.sharedAt,
              sentOn: d.sharedOn ?? null,
              sentBy: actor,
              acknowledgedRecordedAt: null,
              acknowledgedOn: null,
              acknowledgedBy: null,
              escalationStep: null,
              escalatedAt: null,
            },
          });
        }
        break;
      }
      case 'InformationAcknowledged': {
        const { entryId, agency, acknowledgedAt, acknowledgedOn } = event.data;
        const key = receiptKey(caseId, entryId, agency);
        if (!acknowledgements.has(key)) acknowledgements.set(key, { caseId, entryId, agency, at: acknowledgedAt, by: actor, on: acknowledgedOn ?? null });
        break;
      }
      case 'InformationRequested': {
        const d = event.data;
        changes.push({
          kind: 'request-sent',
          row: {
            caseId,
            requestId: d.requestId,
            fromAgency: d.fromAgency,
            toAgency: d.toAgency,
            legalBasis: d.legalBasis,
            dueOn: d.dueDate,
            requestedRecordedAt: d.requestedAt,
            requestedOn: d.requestedOn ?? null,
            requestedBy: actor,
            outcome: null,
            declineReason: null,
            respondedAt: null,
            respondedBy: null,
            escalationStep: null,
            escalatedAt: null,
          },
        });
        break;
      }
      case 'InformationRequestAnswered':
      case 'InformationRequestDeclined': {
        const { requestId } = event.data;
        const key = requestKey(caseId, requestId);
        if (responses.has(key)) break;
        responses.set(
          key,
          event.type === 'InformationRequestAnswered'
            ? { caseId, requestId, outcome: 'answered', reason: null, at: event.data.answeredAt, by: actor }
            : { caseId, requestId, outcome: 'declined', reason: event.data.reason, at: event.data.declinedAt, by: actor },
        );
        break;
      }
      case 'FlowEscalated': {
        const { flow, entryId, requestId, toAgency, step, escalatedAt } = event.data;
        changes.push(
          flow === 'information'
            ? { kind: 'receipt-escalated', caseId, entryId, toAgency, step, at: escalatedAt }
            : { kind: 'request-escalated', caseId, requestId, step, at: escalatedAt },
        );
        break;
      }
      case 'CaseClosed':
      case 'CaseReopened':
        changes.push({ kind: 'case-status', caseId, status: event.type === 'CaseClosed' ? 'closed' : 'open' });
        break;
      default:
        break;
    }
  }
  return { changes, acknowledgements: [...acknowledgements.values()], responses: [...responses.values()] };
}

/** What the projection's statements do to the rows, in the order it sends them. */
export function applyInformationFlow(rows: InformationFlowRows, batch: InformationFlowBatch): InformationFlowRows {
  const cases = new Map(rows.cases);
  const receipts = new Map(rows.receipts);
  const requests = new Map(rows.requests);
  const update = <Row>(table: Map<string, Row>, key: string, change: (row: Row) => Partial<Row>) => {
    const row = table.get(key);
    if (row !== undefined) table.set(key, { ...row, ...change(row) });
  };
  for (const change of batch.changes) {
    switch (change.kind) {
      case 'case-access': {
        const { caseId } = change.record;
        const event: CaseEvent = change.record.event;
        if (event.type === 'CaseOpened') {
          if (!cases.has(caseId)) cases.set(caseId, { caseId, agencies: [], coordinatorId: null, status: 'open' });
        } else if (event.type === 'AgencyJoinedCase') {
          update(cases, caseId, (row) => (row.agencies.includes(event.data.agency) ? {} : { agencies: [...row.agencies, event.data.agency] }));
        } else if (event.type === 'AgencyLeftCase') {
          update(cases, caseId, (row) => ({ agencies: row.agencies.filter((agency) => agency !== event.data.agency) }));
        } else if (event.type === 'CoordinatorAssigned' || event.type === 'CoordinatorChanged') {
          update(cases, caseId, () => ({ coordinatorId: event.data.coordinatorId }));
        }
        break;
      }
      case 'case-status':
        update(cases, change.caseId, () => ({ status: change.status }));
        break;
      case 'receipt-sent': {
        const key = receiptKey(change.row.caseId, change.row.entryId, change.row.toAgency);
        if (!receipts.has(key)) receipts.set(key, change.row);
        break;
      }
      case 'request-sent': {
        const key = requestKey(change.row.caseId, change.row.requestId);
        if (!requests.has(key)) requests.set(key, change.row);
        break;
      }
      case 'receipt-escalated':
        if (change.entryId !== undefined) {
          update(receipts, receiptKey(change.caseId, change.entryId, change.toAgency), () => ({ escalationStep: change.step, escalatedAt: change.at }));
        }
        break;
      case 'request-escalated':
        if (change.requestId !== undefined) {
          update(requests, requestKey(change.caseId, change.requestId), () => ({ escalationStep: change.step, escalatedAt: change.at }));
        }
        break;
      default: {
        const _exhaustive: never = change;
        return _exhaustive;
      }
    }
  }
  for (const ack of batch.acknowledgements) {
    update(receipts, receiptKey(ack.caseId, ack.entryId, ack.agency), (row) =>
      row.acknowledgedRecordedAt !== null ? {} : { acknowledgedRecordedAt: ack.at, acknowledgedOn: ack.on, acknowledgedBy: ack.by },
    );
  }
  for (const response of batch.responses) {
    update(requests, requestKey(response.caseId, response.requestId), (row) =>
      row.outcome !== null ? {} : { outcome: response.outcome, declineReason: response.reason, respondedAt: response.at, respondedBy: response.by },
    );
  }
  return { cases, receipts, requests };
}
