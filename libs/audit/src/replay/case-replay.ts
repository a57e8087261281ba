import { IDENTITY_SEALING_EVENT_TYPES, eventsSealIdentity, refuseUnopenedSeal, type AuthenticatedUser } from '@samvirke/access';
import { loadReferenceData } from '@samvirke/reference-data';
import type { EventStore, RecordedEvent } from '@samvirke/event-store';
import type { PersonalDataVault } from '@samvirke/privacy';
import {
  decodeCaseState,
  encodeCaseState,
  evolveAll,
  initialCaseState,
  sspLevelOf,
  stateAsJson,
  type CaseEvent,
  type CaseState,
  type InformationShared,
} from '@samvirke/case';
import { caseStreamId } from '@samvirke/case/application/case-identity';
import type { AuditLog, AuditRecord } from '@samvirke/access/read-audit/audit-log';
import { keepSealedFields, openSealedFields } from './opened-fields';
import { inForceOn } from './in-force-on';
import type { AsOfQuery } from './as-of-instant';
import type { CaseStateSnapshots } from './case-state-snapshots';

/**
 * A reconstruction that folded at least this many events past the nearest snapshot leaves one at
 * its last event: the next question about the same stretch of a long case then folds at most this
 * many. 10,000 events fold in tens of milliseconds; reading them dominates (measured in bench/).
 */
export const SNAPSHOT_AFTER_EVENTS = 500;

export interface ReplayedEvent {
  revision: number;
  eventId: string;
  type: string;
  schemaVersion: number;
  recordedAt: string;
  globalPosition: string;
  metadata: unknown;
  /** The event's data with every sealed field opened (see OpenedField). */
  data: unknown;
}

/**
 * The state as recorded at an instant, before it becomes an answer: folded here (`view`, the state's
 * JSON view), or a snapshot's stored view (`viewJson`, its text's bytes as stored, never decoded).
 */
type RecordedState = { asOf: string | null; revision: number | null; eventsApplied: number; sspLevel: number | null } & (
  { view: unknown } | { viewJson: Buffer[] }
);

export interface CaseStateAsOf {
  caseId: string;
  /** Recorded time: the instant the events were recorded by (null: every event, "as known now"). */
  asOf: string | null;
  /** The date axis: the Copenhagen day the state is in force on, by the dates facts carry (null: not asked). */
  inForceOn?: string | null;
  /** The SSP level on that day (or of the latest assessment known), by assessment dates; null when none. */
  sspLevel?: number | null;
  /** Revision of the last event folded in; null when the case had no event yet at that instant. */
  revision: number | null;
  eventsApplied: number;
  state: unknown;
}

/**
 * Routes whose answer lists a case's entries with their content, so a successful GET of one of
 * them counts as having seen every entry the reader's agency could see. Add a read model's route
 * here when it shows entry content.
 */
export const ENTRY_LISTING_ROUTES: readonly string[] = ['/cases/:caseId/entries', '/cases/:caseId/timeline', '/audit/cases/:caseId/events'];

export interface EntryKnowledge {
  caseId: string;
  entryId: string;
  sharedAt: string;
  authorAgency: string;
  sharedWith: readonly string[];
  sensitivity: string;
  legalBasis: string;
  purpose: string;
  /** Agencies the access policy lets see the entry (author and recipients); auditors see all. */
  couldSee: Array<{ agency: string; as: 'author' | 'recipient'; since: string; leftCaseAt: string | null }>;
  acknowledgedBy: Array<{ agency: string; at: string }>;
  /**
   * Users who read it, from the audit log: 'entry' = a request on this entry's own route (entry_id);
   * 'listing' = a successful GET of an ENTRY_LISTING_ROUTES route on this case after the entry was
   * shared, by a user of an agency that could see it or an auditor. A listing is filtered by the
   * access policy, so it shows the entry to exactly those users; for a sealed-identity entry it also
   * depends on the user's named access, which the log does not keep, so 'listing' may over-report
   * there (an auditor errs towards "may have seen").
   */
  readBy: Array<{
    userId: string;
    agency: string;
    roles: readonly string[];
    at: string;
    action: string;
    route: string;
    purpose: string;
    via: 'entry' | 'listing';
  }>;
  /** Who was told of the entry by a notification (its existence, not its content), by channel (`/notifications/inbox`, mail, webhook). */
  notified: Array<{ userId: string; agency: string; at: string; channel: string }>;
}

/**
 * What auditors replay: a case's full history, its state as of any instant (folded with the same
 * `evolve` the write side uses, so the reconstruction cannot drift from the decider's view), and who
 * knew what when about one entry.
 */
export class CaseReplay {
  constructor(
    private readonly store: EventStore,
    private readonly vault: PersonalDataVault,
    private readonly auditLog: AuditLog,
    /** Without it, every reconstruction folds the stream from its first event. */
    private readonly snapshots?: CaseStateSnapshots,
  ) {}

  /**
   * Undefined when the case has no events. A citizen who is or was in a programme that seals
   * identity (exit programme): the sealed values stay closed for a reader not named on it (auditors
   * included; a break-glass opening names them for a while, see SealOpeningsController).
   */
  async history(caseId: string, reader?: Pick<AuthenticatedUser, 'namedAccess'>): Promise<ReplayedEvent[] | undefined> {
    const events = await this.store.readStream(caseStreamId(caseId));
    if (events.length === 0) return undefined;
    const data = events.map((event) => event.data);
    const closed = reader !== undefined && !(reader.namedAccess ?? []).includes(caseId) && this.identitySealed(events);
    const opened = closed ? keepSealedFields(data) : await openSealedFields(this.vault, data);
    return events.map((event, index) => ({
      revision: event.streamRevision,
      eventId: event.id,
      type: event.type,
      schemaVersion: event.schemaVersion,
      recordedAt: event.recordedAt.toISOString(),
      globalPosition: event.globalPosition,
      metadata: event.metadata,
      data: opened[index],
    }));
  }

  /** Refuses (403 SEAL_NOT_OPENED) a reader not named on the case's sealed identity; see refuseUnopenedSeal. */
  async requireOpenedSeal(caseId: string, reader: Pick<AuthenticatedUser, 'namedAccess'>): Promise<void> {
    if ((reader.namedAccess ?? []).includes(caseId)) return;
    refuseUnopenedSeal(reader, caseId, await this.enrolments(caseId));
  }

  /** Of these cases, the ones whose sealed identity the reader is not named on (nor has opened). */
  async sealedFrom(caseIds: readonly string[], reader: Pick<AuthenticatedUser, 'namedAccess'>): Promise<Set<string>> {
    const named = new Set(reader.namedAccess ?? []);
    const sealed = new Set<string>();
    for (const caseId of new Set(caseIds)) {
      if (named.has(caseId)) continue;
      if (eventsSealIdentity(await this.enrolments(caseId))) sealed.add(caseId);
    }
    return sealed;
  }

  /** The case's programme enrolments, all a sealed identity is decided from: not the whole stream (10,000 events in the bench's case). */
  private enrolments(caseId: string): Promise<RecordedEvent[]> {
    return this.store.readStream(caseStreamId(caseId), { eventTypes: IDENTITY_SEALING_EVENT_TYPES });
  }

  private readonly sealingProgrammes = new Set(
    [...loadReferenceData().programmes.entries()].filter(([, programme]) => programme.sealsIdentity).map(([code]) => code),
  );

  private identitySealed(events: readonly RecordedEvent[]): boolean {
    return events.some(
      (event) => event.type === 'EnrolledInProgramme' && this.sealingProgrammes.has((event.data as { programmeCode?: string }).programmeCode ?? ''),
    );
  }

  /**
   * The state from the events recorded at or before `asOf`. The state holds no personal data (see
   * libs/case/src/state.ts), so nothing in it needs opening. Undefined when the case does not exist
   * now; a case that exists but had no event yet at `asOf` answers the initial state. Without
   * `asOf`, every event: "now" is then the store's own, with no second clock to disagree with it.
   */
  async stateAsOf(caseId: string, asOf?: Date): Promise<CaseStateAsOf | undefined> {
    const recorded = await this.stateAsRecordedAt(caseId, asOf);
    if (!recorded) return undefined;
    return answerOf(caseId, recorded, 'view' in recorded ? recorded.view : (JSON.parse(Buffer.concat(recorded.viewJson).toString('utf8')) as unknown));
  }

  /**
   * Both axes: the state in force on `inForceOn` (the events whose own date is on or before it, see
   * in-force-on.ts) among those recorded by `knownAt` (every event without it). Without `inForceOn`,
   * stateAsOf. Folded from the first event (no snapshot: those are cut on recorded time only).
   */
  async stateAt(caseId: string, query: AsOfQuery): Promise<CaseStateAsOf | undefined> {
    if (query.inForceOn === undefined) return this.stateAsOf(caseId, query.knownAt);
    const streamId = caseStreamId(caseId);
    if ((await this.store.streamRevision(streamId)) === undefined) return undefined;
    const known = await this.store.readStream(streamId, query.knownAt ? { asOf: query.knownAt } : {});
    const events = inForceOn(known, query.inForceOn);
    const state = stateAsJson(
      evolveAll(
        initialCaseState(),
        events.map((event) => event as unknown as CaseEvent),
      ),
    );
    const revision = known.at(-1)?.streamRevision;
    return {
      caseId,
      asOf: query.knownAt ? query.knownAt.toISOString() : null,
      inForceOn: query.inForceOn,
      sspLevel: sspLevelOf(state, query.inForceOn),
      revision: revision ?? null,
      eventsApplied: events.length,
      state,
    };
  }

  /**
   * stateAt's answer as the JSON the API sends, in pieces (UTF-8 bytes) to send one after another.
   * When nothing was recorded after the nearest snapshot, the snapshot's stored view (about 1.6 MB
   * for a 10,000-event case) goes out as the bytes PostgreSQL sent, checked by its code, between the
   * answer's other fields: the same bytes as JSON.stringify of stateAt's answer, without decoding,
   * parsing, serialising or joining the state's megabytes (bench/README.md, ninth round).
   */
  async stateAtJson(caseId: string, query: AsOfQuery): Promise<Buffer[] | undefined> {
    if (query.inForceOn !== undefined) {
      const answer = await this.stateAt(caseId, query);
      return answer && [Buffer.from(JSON.stringify(answer))];
    }
    const recorded = await this.stateAsRecordedAt(caseId, query.knownAt);
    if (!recorded) return undefined;
    if ('view' in recorded) return [Buffer.from(JSON.stringify(answerOf(caseId, recorded, recorded.view)))];
    // The fields in answerOf's order: caseId, asOf, revision, eventsApplied, state, inForceOn, sspLevel.
    const head = JSON.stringify({ caseId, asOf: recorded.asOf, revision: recorded.revision, eventsApplied: recorded.eventsApplied });
    const tail = JSON.stringify({ inForceOn: null, sspLevel: recorded.sspLevel });
    return [Buffer.from(`${head.slice(0, -1)},"state":`), ...recorded.viewJson, Buffer.from(`,${tail.slice(1)}`)];
  }

  private async stateAsRecordedAt(caseId: string, asOf?: Date): Promise<RecordedState | undefined> {
    const streamId = caseStreamId(caseId);
    if ((await this.store.streamRevision(streamId)) === undefined) return undefined;
    const recordedBy = (fromRevision?: number) =>
      this.store.readStream(streamId, { ...(asOf ? { asOf } : {}), ...(fromRevision !== undefined ? { fromRevision } : {}) });
    const envelope = (revision: number | undefined) => ({
      asOf: asOf ? asOf.toISOString() : null,
      revision: revision ?? null,
      eventsApplied: revision === undefined ? 0 : revision + 1,
    });
    const snapshot = await this.snapshots?.latest(streamId, asOf);
    let events = await recordedBy(snapshot ? snapshot.revision + 1 : undefined);
    let from: CaseState | undefined;
    if (this.snapshots && snapshot) {
      if (events.length === 0) {
        // Nothing recorded after the snapshot: its stored view is the answer, as it is.
        const view = await this.snapshots.view(streamId, snapshot);
        if (view) return { ...envelope(snapshot.revision), sspLevel: view.sspLevel, viewJson: view.json };
      } else {
        const stored = await this.snapshots.state(streamId, snapshot);
        if (stored !== undefined) from = decodeCaseState(stored);
      }
      // Refused (reported) or gone: the events from the first.
      if (from === undefined) events = await recordedBy();
    }
    const state = evolveAll(
      from ?? initialCaseState(),
      events.map((event) => event as unknown as CaseEvent),
    );
    const view = stateAsJson(state);
    const sspLevel = sspLevelOf(view);
    const last = events.at(-1);
    if (this.snapshots && last && events.length >= SNAPSHOT_AFTER_EVENTS) {
      // A cache write: a failure costs the next reader time, never this reader its answer.
      // Applies from the millisecond after its last event: the store records microseconds, a Date
      // holds milliseconds, and an instant inside that millisecond may precede the event.
      const appliesFrom = new Date(last.recordedAt.getTime() + 1);
      await this.snapshots
        .save(streamId, last.streamRevision, appliesFrom, { state: encodeCaseState(state), viewJson: JSON.stringify(view), sspLevel })
        .catch(() => undefined);
    }
    return { ...envelope(last?.streamRevision), sspLevel, view };
  }

  /** Undefined when the case has no such entry. */
  async knowledge(caseId: string, entryId: string): Promise<EntryKnowledge | undefined> {
    const events = await this.store.readStream(caseStreamId(caseId));
    const shared = events.find(
      (event): event is RecordedEvent<'InformationShared', InformationShared['data']> =>
        event.type === 'InformationShared' && (event.data as InformationShared['data']).entryId === entryId,
    );
    if (!shared) return undefined;
    const entry = shared.data;
    const sharedAt = shared.recordedAt;
    const leftCaseAt = (agency: string) => {
      const left = events.find(
        (event) => event.type === 'AgencyLeftCase' && event.recordedAt >= sharedAt && (event.data as { agency: string }).agency === agency,
      );
      return left ? left.recordedAt.toISOString() : null;
    };
    const visibleTo = new Set([entry.fromAgency, ...entry.sharedWith]);
    const accesses = await this.auditLog.successfulAccessesToCase(caseId, sharedAt);
    // A notification about the entry (action 'notify': inbox, mail, webhook) told its receiver that the
    // entry exists, never its content: listed apart, not as a read.
    const notified = accesses
      .filter((access: AuditRecord) => access.action === 'notify' && access.entryId === entryId)
      .map(({ userId, agency, recordedAt: at, route }: AuditRecord) => ({ userId, agency, at, channel: route }));
    const readBy = accesses.flatMap((access: AuditRecord) => {
      if (access.action === 'notify') return [];
      const via =
        access.entryId === entryId
          ? 'entry'
          : isListingRead(access) && (visibleTo.has(access.agency) || access.roles.includes('auditor'))
            ? 'listing'
            : undefined;
      if (via === undefined) return [];
      const { userId, agency, roles, recordedAt: at, action, route, purpose } = access;
      return [{ userId, agency, roles, at, action, route, purpose, via }] as EntryKnowledge['readBy'];
    });
    return {
      caseId,
      entryId,
      sharedAt: sharedAt.toISOString(),
      authorAgency: entry.fromAgency,
      sharedWith: entry.sharedWith,
      sensitivity: entry.sensitivity,
      legalBasis: entry.legalBasis,
      purpose: entry.purpose,
      couldSee: [
        { agency: entry.fromAgency, as: 'author' as const, since: sharedAt.toISOString(), leftCaseAt: leftCaseAt(entry.fromAgency) },
        ...entry.sharedWith.map((agency) => ({ agency, as: 'recipient' as const, since: sharedAt.toISOString(), leftCaseAt: leftCaseAt(agency) })),
      ],
      acknowledgedBy: events
        .filter((event) => event.type === 'InformationAcknowledged' && (event.data as { entryId: string }).entryId === entryId)
        .map((event) => ({ agency: (event.data as { agency: string }).agency, at: event.recordedAt.toISOString() })),
      readBy,
      notified,
    };
  }
}

function isListingRead(access: AuditRecord): boolean {
  return (access.method === 'GET' || access.method === 'HEAD') && ENTRY_LISTING_ROUTES.includes(access.route);
}

/** stateAsOf's answer; stateAtJson writes the same fields in the same order around a stored view. */
function answerOf(caseId: string, recorded: RecordedState, state: unknown): CaseStateAsOf {
  const { asOf, revision, eventsApplied, sspLevel } = recorded;
  return { caseId, asOf, revision, eventsApplied, state, inForceOn: null, sspLevel };
}
