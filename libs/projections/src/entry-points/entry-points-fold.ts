/**
 * The entry points read model as a pure fold: `foldEntryPoints(rows, events)` takes the rows of the
 * batch's cases as they are and the batch's events in order, and gives the rows after them and the
 * changes that lead there, one change per statement the projection sends. No SQL, no clock: the
 * projection (entry-points.projection.ts) loads the rows, folds and writes the changes, and
 * entry-points-fold.spec.ts states the rules as events in, rows out.
 *
 * The rules:
 * - a case gets its access row with CaseOpened; an event of a case never opened changes nothing;
 * - every later event claims its stream revision on that row; one at or below the last claimed one
 *   is already in and changes nothing (so a replayed batch, or one event at a time, gives the same rows);
 * - an agency joining gives its entry point and a history line 'joined' ('changed' when it was on
 *   the case already); a change of entry point of an agency on the case gives 'changed' with the
 *   entry point before and after, and of an agency not on it nothing (like the case's evolve);
 * - an agency leaving loses its current entry point, with a history line 'left' that keeps it;
 * - the access columns follow the agencies on the case and the coordinator.
 */
import type { CaseEntryPoint, CaseEvent } from '@samvirke/case';

export interface EntryPointAccessRow {
  readonly caseId: string;
  readonly agencies: readonly string[];
  readonly coordinatorId: string | null;
  /** The stream revision last applied to the case. */
  readonly lastRevision: number;
}

export interface CurrentEntryPointRow {
  readonly caseId: string;
  readonly agency: string;
  readonly entryPoint: CaseEntryPoint;
  readonly since: string;
}

export type EntryPointChangeKind = 'joined' | 'changed' | 'left';

export interface EntryPointHistoryRow {
  readonly caseId: string;
  readonly streamRevision: number;
  readonly agency: string;
  readonly change: EntryPointChangeKind;
  readonly from: CaseEntryPoint | null;
  readonly to: CaseEntryPoint | null;
  readonly changedAt: string;
}

/** The rows of some cases; `current` by currentEntryPointKey. History is only ever added to, so it is never loaded. */
export interface EntryPointRows {
  readonly access: ReadonlyMap<string, EntryPointAccessRow>;
  readonly current: ReadonlyMap<string, CurrentEntryPointRow>;
  readonly history: readonly EntryPointHistoryRow[];
}

/** One change per statement, in the order they are written. */
export type EntryPointChange =
  | { readonly kind: 'access-created'; readonly caseId: string; readonly revision: number }
  | { readonly kind: 'revision-claimed'; readonly caseId: string; readonly revision: number }
  | { readonly kind: 'agency-added'; readonly caseId: string; readonly agency: string }
  | { readonly kind: 'agency-removed'; readonly caseId: string; readonly agency: string }
  | { readonly kind: 'coordinator-set'; readonly caseId: string; readonly coordinatorId: string }
  | { readonly kind: 'entry-point-set'; readonly row: CurrentEntryPointRow }
  | { readonly kind: 'entry-point-removed'; readonly caseId: string; readonly agency: string }
  | { readonly kind: 'history-added'; readonly row: EntryPointHistoryRow };

export interface EntryPointEvent {
  readonly caseId: string;
  /** The event's revision in its case stream. */
  readonly revision: number;
  readonly event: CaseEvent;
}

/**
 * The events that change who takes part in a case: the case itself, the agencies on it with their
 * entry points, its coordinator. The entry points read model changes with these only (the projection
 * names them as its event types); the notifications keep the same facts of a case from them.
 */
export const CASE_PARTICIPATION_EVENT_TYPES = [
  'CaseOpened',
  'AgencyJoinedCase',
  'EntryPointChanged',
  'AgencyLeftCase',
  'CoordinatorAssigned',
  'CoordinatorChanged',
] as const;

const ENTRY_POINT_EVENT_TYPES: ReadonlySet<string> = new Set(CASE_PARTICIPATION_EVENT_TYPES);

/** Whether the read model changes with events of this type; the others need not even load rows. */
export function changesEntryPoints(eventType: string): boolean {
  return ENTRY_POINT_EVENT_TYPES.has(eventType);
}

export const currentEntryPointKey = (caseId: string, agency: string): string => `${caseId}\u0000${agency}`;

export const NO_ENTRY_POINT_ROWS: EntryPointRows = { access: new Map(), current: new Map(), history: [] };

export function foldEntryPoints(rows: EntryPointRows, events: readonly EntryPointEvent[]): { rows: EntryPointRows; changes: EntryPointChange[] } {
  const working = { access: new Map(rows.access), current: new Map(rows.current), history: [...rows.history] };
  const changes: EntryPointChange[] = [];
  for (const event of events) {
    for (const change of changesFor(working, event)) {
      applyChange(working, change);
      changes.push(change);
    }
  }
  return { rows: working, changes };
}

function changesFor(rows: EntryPointRows, { caseId, revision, event }: EntryPointEvent): EntryPointChange[] {
  const access = rows.access.get(caseId);
  if (event.type === 'CaseOpened') return access === undefined ? [{ kind: 'access-created', caseId, revision }] : [];
  // A case never opened has no row; an event at or below the last applied revision is already in.
  if (!changesEntryPoints(event.type) || access === undefined || access.lastRevision >= revision) return [];
  const claimed: EntryPointChange = { kind: 'revision-claimed', caseId, revision };
  const previousOf = (agency: string) => rows.current.get(currentEntryPointKey(caseId, agency))?.entryPoint ?? null;
  const history = (agency: string, change: EntryPointChangeKind, from: CaseEntryPoint | null, to: CaseEntryPoint | null, changedAt: string) =>
    ({ kind: 'history-added', row: { caseId, streamRevision: revision, agency, change, from, to, changedAt } }) as const;
  switch (event.type) {
    case 'AgencyJoinedCase': {
      const { agency, joinedAt } = event.data;
      const entryPoint = entryPointOf(event.data.entryPoint);
      const previous = previousOf(agency);
      return [
        claimed,
        { kind: 'agency-added', caseId, agency },
        { kind: 'entry-point-set', row: { caseId, agency, entryPoint, since: joinedAt } },
        history(agency, previous === null ? 'joined' : 'changed', previous, entryPoint, joinedAt),
      ];
    }
    case 'EntryPointChanged': {
      const { agency, changedAt } = event.data;
      const entryPoint = entryPointOf(event.data.entryPoint);
      const previous = previousOf(agency);
      // Like the case's evolve: a change for an agency not on the case is a fact without effect.
      if (previous === null) return [claimed];
      return [
        claimed,
        { kind: 'entry-point-set', row: { caseId, agency, entryPoint, since: changedAt } },
        history(agency, 'changed', previous, entryPoint, changedAt),
      ];
    }
    case 'AgencyLeftCase': {
      const { agency, leftAt } = event.data;
      return [
        claimed,
        { kind: 'agency-removed', caseId, agency },
        { kind: 'entry-point-removed', caseId, agency },
        history(agency, 'left', previousOf(agency), null, leftAt),
      ];
    }
    case 'CoordinatorAssigned':
    case 'CoordinatorChanged':
      return [claimed, { kind: 'coordinator-set', caseId, coordinatorId: event.data.coordinatorId }];
    default:
      return [claimed];
  }
}

/** What each change does to the rows: exactly what its statement does to the tables. */
function applyChange(
  rows: { access: Map<string, EntryPointAccessRow>; current: Map<string, CurrentEntryPointRow>; history: EntryPointHistoryRow[] },
  change: EntryPointChange,
): void {
  const updateAccess = (caseId: string, update: (row: EntryPointAccessRow) => Partial<EntryPointAccessRow>) => {
    const row = rows.access.get(caseId);
    if (row !== undefined) rows.access.set(caseId, { ...row, ...update(row) });
  };
  switch (change.kind) {
    case 'access-created':
      if (!rows.access.has(change.caseId))
        rows.access.set(change.caseId, { caseId: change.caseId, agencies: [], coordinatorId: null, lastRevision: change.revision });
      return;
    case 'revision-claimed':
      return updateAccess(change.caseId, () => ({ lastRevision: change.revision }));
    case 'agency-added':
      return updateAccess(change.caseId, (row) => (row.agencies.includes(change.agency) ? {} : { agencies: [...row.agencies, change.agency] }));
    case 'agency-removed':
      return updateAccess(change.caseId, (row) => ({ agencies: row.agencies.filter((agency) => agency !== change.agency) }));
    case 'coordinator-set':
      return updateAccess(change.caseId, () => ({ coordinatorId: change.coordinatorId }));
    case 'entry-point-set':
      rows.current.set(currentEntryPointKey(change.row.caseId, change.row.agency), change.row);
      return;
    case 'entry-point-removed':
      rows.current.delete(currentEntryPointKey(change.caseId, change.agency));
      return;
    case 'history-added':
      rows.history.push(change.row);
      return;
    default: {
      const _exhaustive: never = change;
      return _exhaustive;
    }
  }
}

/** Only the known fields, in a fixed shape: whatever else a future writer adds stays out. */
export function entryPointOf(entryPoint: CaseEntryPoint): CaseEntryPoint {
  return {
    unit: entryPoint.unit,
    ...(entryPoint.contactPerson === undefined ? {} : { contactPerson: entryPoint.contactPerson }),
    phone: entryPoint.phone,
    email: entryPoint.email,
  };
}
