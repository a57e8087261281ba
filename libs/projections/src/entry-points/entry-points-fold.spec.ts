import type { CaseEntryPoint, CaseEvent } from '@samvirke/case';
import { caseOpened } from '@samvirke/case/testing/case-fixtures';
import { currentEntryPointKey, foldEntryPoints, NO_ENTRY_POINT_ROWS, type EntryPointChange, type EntryPointRows } from './entry-points-fold';

const CASE_ID = 'c0ffee00-0000-4000-8000-000000000003';
const at = (minute: number) => new Date(Date.UTC(2026, 10, 3, 8, minute)).toISOString();

const police: CaseEntryPoint = { unit: 'Forebyggelse City', contactPerson: 'Bo', phone: '555 1111', email: 'ssp@politi.example.org' };
const policeLater: CaseEntryPoint = { unit: 'Forebyggelse Nord', phone: '555 2222', email: 'nord@politi.example.org' };
const social: CaseEntryPoint = { unit: 'Ungeenheden', phone: '555 3333', email: 'unge@sof.example.org' };

const joined = (agency: string, entryPoint: CaseEntryPoint, minute: number): CaseEvent => ({
  type: 'AgencyJoinedCase',
  data: { agency, entryPoint, joinedAt: at(minute) },
});
const changed = (agency: string, entryPoint: CaseEntryPoint, minute: number): CaseEvent => ({
  type: 'EntryPointChanged',
  data: { agency, entryPoint, changedAt: at(minute) },
});
const left = (agency: string, minute: number): CaseEvent => ({ type: 'AgencyLeftCase', data: { agency, leftAt: at(minute) } });

/** Given rows, when events (revisions from `firstRevision`) in one batch, then rows and changes. */
function project(events: readonly CaseEvent[], given: EntryPointRows = NO_ENTRY_POINT_ROWS, firstRevision = 0) {
  return foldEntryPoints(
    given,
    events.map((event, i) => ({ caseId: CASE_ID, revision: firstRevision + i, event })),
  );
}

const current = (rows: EntryPointRows, agency: string) => rows.current.get(currentEntryPointKey(CASE_ID, agency));

describe('entry points fold', () => {
  it('creates the case with CaseOpened, and changes nothing for a case never opened', () => {
    expect(project([joined('SOF', social, 1)]).rows).toEqual(NO_ENTRY_POINT_ROWS);
    const { rows } = project([caseOpened()]);
    expect(rows.access.get(CASE_ID)).toEqual({ caseId: CASE_ID, agencies: [], coordinatorId: null, lastRevision: 0 });
  });

  it('gives a joining agency its entry point since it joined, and a history line "joined"', () => {
    const { rows } = project([caseOpened(), joined('KBH-POLITI', police, 1)]);
    expect(current(rows, 'KBH-POLITI')).toEqual({ caseId: CASE_ID, agency: 'KBH-POLITI', entryPoint: police, since: at(1) });
    expect(rows.access.get(CASE_ID)).toMatchObject({ agencies: ['KBH-POLITI'], lastRevision: 1 });
    expect(rows.history).toEqual([{ caseId: CASE_ID, streamRevision: 1, agency: 'KBH-POLITI', change: 'joined', from: null, to: police, changedAt: at(1) }]);
  });

  it('records a changed entry point with the one before and after, and since when', () => {
    const { rows } = project([caseOpened(), joined('KBH-POLITI', police, 1), changed('KBH-POLITI', policeLater, 4)]);
    expect(current(rows, 'KBH-POLITI')).toEqual({ caseId: CASE_ID, agency: 'KBH-POLITI', entryPoint: policeLater, since: at(4) });
    expect(rows.history[1]).toEqual({
      caseId: CASE_ID,
      streamRevision: 2,
      agency: 'KBH-POLITI',
      change: 'changed',
      from: police,
      to: policeLater,
      changedAt: at(4),
    });
  });

  it('records a second join of an agency on the case as a change', () => {
    const { rows } = project([caseOpened(), joined('KBH-POLITI', police, 1), joined('KBH-POLITI', policeLater, 2)]);
    expect(rows.access.get(CASE_ID)?.agencies).toEqual(['KBH-POLITI']);
    expect(rows.history.map((line) => line.change)).toEqual(['joined', 'changed']);
    expect(rows.history[1]).toMatchObject({ from: police, to: policeLater });
  });

  it('changes only the applied revision for a new entry point of an agency not on the case', () => {
    const { rows } = project([caseOpened(), changed('SOF', social, 1)]);
    expect(rows.current.size).toBe(0);
    expect(rows.history).toEqual([]);
    expect(rows.access.get(CASE_ID)?.lastRevision).toBe(1);
  });

  it('drops the entry point of an agency that leaves, keeping it in a history line "left"', () => {
    const { rows } = project([caseOpened(), joined('KBH-POLITI', police, 1), joined('SOF', social, 2), left('KBH-POLITI', 5)]);
    expect(current(rows, 'KBH-POLITI')).toBeUndefined();
    expect(current(rows, 'SOF')).toMatchObject({ entryPoint: social });
    expect(rows.access.get(CASE_ID)?.agencies).toEqual(['SOF']);
    expect(rows.history[2]).toEqual({ caseId: CASE_ID, streamRevision: 3, agency: 'KBH-POLITI', change: 'left', from: police, to: null, changedAt: at(5) });
  });

  it('keeps the coordinator for the access policy', () => {
    const { rows } = project([
      caseOpened(),
      { type: 'CoordinatorAssigned', data: { coordinatorId: 'coord-1', agency: 'BIF', assignedAt: at(1) } },
      { type: 'CoordinatorChanged', data: { coordinatorId: 'coord-2', agency: 'BIF', changedAt: at(2) } } as CaseEvent,
    ]);
    expect(rows.access.get(CASE_ID)).toMatchObject({ coordinatorId: 'coord-2', lastRevision: 2 });
  });

  it('stores only the known fields of an entry point', () => {
    const withExtra = { ...social, note: 'not a field' } as CaseEntryPoint;
    const { rows } = project([caseOpened(), joined('SOF', withExtra, 1)]);
    expect(current(rows, 'SOF')?.entryPoint).toEqual(social);
    expect(rows.history[0].to).toEqual(social);
  });

  it('skips an event at or below the revision already applied, and events it does not follow', () => {
    const first = project([caseOpened(), joined('KBH-POLITI', police, 1)]);
    const replayed = project([joined('KBH-POLITI', policeLater, 9)], first.rows, 1);
    expect(replayed.changes).toEqual([]);
    expect(replayed.rows).toEqual(first.rows);
    const unfollowed = project([{ type: 'CaseClosed', data: { reason: 'goals-achieved', closedAt: at(3) } }], first.rows, 2);
    expect(unfollowed.changes).toEqual([]);
    expect(project([caseOpened()], first.rows).changes).toEqual([]);
  });

  it('gives the same rows and the same writes for a batch as for its events one at a time', () => {
    const events: CaseEvent[] = [
      caseOpened(),
      joined('KBH-POLITI', police, 1),
      joined('SOF', social, 2),
      { type: 'CoordinatorAssigned', data: { coordinatorId: 'coord-1', agency: 'BIF', assignedAt: at(3) } },
      changed('KBH-POLITI', policeLater, 4),
      changed('BIF', social, 5),
      left('SOF', 6),
      joined('SOF', social, 7),
      left('KBH-POLITI', 8),
    ];
    const batch = project(events);
    let rows = NO_ENTRY_POINT_ROWS;
    const changes: EntryPointChange[] = [];
    events.forEach((event, revision) => {
      const one = project([event], rows, revision);
      rows = one.rows;
      changes.push(...one.changes);
    });
    expect(batch.rows).toEqual(rows);
    expect(batch.changes).toEqual(changes);
    expect(batch.rows.access.get(CASE_ID)).toEqual({ caseId: CASE_ID, agencies: ['SOF'], coordinatorId: 'coord-1', lastRevision: 8 });
  });
});
