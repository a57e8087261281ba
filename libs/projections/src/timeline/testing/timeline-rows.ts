import type { RoadMap } from '@samvirke/reference-data';
import type { CaseEventRecord } from '../case-event';
import { emptyRoadMapFacts, type RoadMapFacts } from '../road-map-deadlines';
import { casesNeedingPriorState, foldTimeline, type TimelineChange, type TimelineItemRow, type TimelinePriorState } from '../timeline-fold';
import { ENDED_RESOLUTION } from '../timeline-status';

/** A row of the case table, as the projection's statements leave it. */
export interface TimelineCaseRow {
  caseId: string;
  agencies: string[];
  coordinatorId: string | null;
  status: 'open' | 'closed';
  sspLevel: number | null;
  lastConferenceOn: string | null;
  roadMapFacts: RoadMapFacts;
}

/**
 * The timeline's two tables in memory, changed as timeline.projection.ts's statements change them
 * (each branch below names the statement's condition), so specs can say "given these events, then
 * these rows" without a database. The int-spec checks the statements themselves on PostgreSQL.
 */
export class TimelineRows {
  readonly cases = new Map<string, TimelineCaseRow>();
  readonly items = new Map<string, TimelineItemRow>();

  constructor(private readonly roadMaps: readonly RoadMap[]) {}

  /** One projection batch: load what the fold needs, fold, write. */
  apply(records: readonly CaseEventRecord[]): TimelineChange[] {
    const changes = foldTimeline(this.priorState(casesNeedingPriorState(records)), records, this.roadMaps);
    for (const change of changes) this.write(change);
    return changes;
  }

  /** The items of a case by id, in id order (as the int-spec reads them). */
  itemsOf(caseId: string): TimelineItemRow[] {
    return [...this.items.values()].filter((row) => row.caseId === caseId).sort((a, b) => (a.itemId < b.itemId ? -1 : a.itemId > b.itemId ? 1 : 0));
  }

  item(caseId: string, itemId: string): TimelineItemRow | undefined {
    return this.items.get(key(caseId, itemId));
  }

  private priorState(caseIds: readonly string[]): TimelinePriorState {
    const prior = new Map<string, { roadMapFacts: RoadMapFacts }>();
    for (const caseId of caseIds) {
      const row = this.cases.get(caseId);
      if (row) prior.set(caseId, { roadMapFacts: structuredClone(row.roadMapFacts) });
    }
    return prior;
  }

  private write(change: TimelineChange): void {
    switch (change.type) {
      case 'case-access': {
        const row = this.cases.get(change.caseId);
        const access = change.change;
        if (access.kind === 'opened') {
          // INSERT ... ON CONFLICT DO NOTHING, with the columns' defaults.
          if (!row) {
            this.cases.set(change.caseId, {
              caseId: change.caseId,
              agencies: [],
              coordinatorId: null,
              status: 'open',
              sspLevel: null,
              lastConferenceOn: null,
              roadMapFacts: emptyRoadMapFacts(),
            });
          }
          return;
        }
        if (!row) return;
        if (access.kind === 'agency-joined' && !row.agencies.includes(access.agency)) row.agencies.push(access.agency);
        if (access.kind === 'agency-left') row.agencies = row.agencies.filter((agency) => agency !== access.agency);
        if (access.kind === 'coordinator') row.coordinatorId = access.coordinatorId;
        return;
      }
      case 'insert-item':
        this.insert(change.row);
        return;
      case 'expect-release': {
        const itemId = `release:${change.custodyId}`;
        const existing = this.item(change.caseId, itemId);
        if (existing) {
          this.put({ ...existing, dueOn: change.expectedOn, itemOn: existing.doneOn === null ? change.expectedOn : existing.itemOn });
          return;
        }
        this.put({
          ...blankRow(change.caseId, itemId, 'release', change.expectedOn),
          dueOn: change.expectedOn,
          ownerAgency: change.ownerAgency,
          title: { key: 'expected-release', args: {} },
          relatedId: change.custodyId,
        });
        return;
      }
      case 'release': {
        const itemId = `release:${change.custodyId}`;
        const existing = this.item(change.caseId, itemId);
        const done = { itemOn: change.releasedOn, doneOn: change.releasedOn, resolution: change.resolution };
        if (existing) this.put({ ...existing, ...done });
        else
          this.put({ ...blankRow(change.caseId, itemId, 'release', change.releasedOn), ...done, ownerAgency: change.ownerAgency, relatedId: change.custodyId });
        return;
      }
      case 'insert-escalation': {
        // INSERT ... SELECT from the flow's row: nothing without it; ON CONFLICT DO NOTHING.
        const flow = this.item(change.caseId, change.flowItemId);
        if (!flow) return;
        this.insert({
          ...blankRow(change.caseId, change.itemId, 'escalation', change.on),
          doneOn: change.on,
          resolution: change.step,
          ownerAgency: change.ownerAgency,
          title: change.title,
          relatedId: flow.relatedId,
          entry: flow.entry,
        });
        return;
      }
      case 'forget-birth-date': {
        const row = this.cases.get(change.caseId);
        if (row) row.roadMapFacts = { ...row.roadMapFacts, birthDate: null };
        return;
      }
      case 'end-open-items':
        for (const row of this.itemsOf(change.caseId)) {
          if (row.doneOn === null && row.resolution === null) this.put({ ...row, doneOn: change.on, itemOn: change.on, resolution: ENDED_RESOLUTION });
        }
        return;
      case 'replace-road-map': {
        const row = this.cases.get(change.caseId);
        if (row) row.roadMapFacts = structuredClone(change.facts);
        for (const item of this.itemsOf(change.caseId)) if (item.kind === 'road-map') this.items.delete(key(item.caseId, item.itemId));
        for (const item of change.rows) this.insert(item);
        return;
      }
      case 'change-cases':
        for (const caseChange of change.changes) {
          const row = this.cases.get(caseChange.caseId);
          if (!row) continue;
          row.status = caseChange.status ?? row.status;
          row.sspLevel = caseChange.sspLevel ?? row.sspLevel;
          // GREATEST ignores NULLs.
          const on = caseChange.lastConferenceOn ?? null;
          if (on !== null && (row.lastConferenceOn === null || on > row.lastConferenceOn)) row.lastConferenceOn = on;
        }
        return;
      case 'resolve-items':
        for (const resolution of change.resolutions) {
          const row = this.item(resolution.caseId, resolution.itemId);
          if (!row || row.doneOn !== null) continue;
          this.put({
            ...row,
            doneOn: resolution.doneOn,
            itemOn: resolution.doneOn,
            resolution: resolution.resolution,
            detailSealed: resolution.detailSealed ?? row.detailSealed,
          });
        }
        return;
    }
  }

  /** INSERT ... ON CONFLICT DO NOTHING. */
  private insert(row: TimelineItemRow): void {
    if (!this.items.has(key(row.caseId, row.itemId))) this.put(row);
  }

  private put(row: TimelineItemRow): void {
    this.items.set(key(row.caseId, row.itemId), row);
  }
}

function key(caseId: string, itemId: string): string {
  return `${caseId}\u0000${itemId}`;
}

function blankRow(caseId: string, itemId: string, kind: TimelineItemRow['kind'], itemOn: string): TimelineItemRow {
  return {
    caseId,
    itemId,
    kind,
    itemOn,
    dueOn: null,
    doneOn: null,
    resolution: null,
    ownerAgency: null,
    title: null,
    detailSealed: null,
    relatedId: null,
    entry: null,
    roadMapCode: null,
    roadMapItem: null,
  };
}
