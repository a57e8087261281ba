import { CASE_EVENT_TYPES } from '@samvirke/case';
import { untouchableEventData } from '@samvirke/case/testing/case-fixtures';
import type { RecordedEvent } from '@samvirke/event-store';
import { caseHistories } from '../engine/case-history';
import { cohortMembersOf } from '../engine/cohort';
import { evaluateOutcome } from '../engine/outcome-predicates';
import { loadMeasureCatalogue } from '../measures/measure-definition';
import { recordedCaseEvent } from '../testing/outcome-fact-fixtures';
import { OUTCOME_FACT_EVENT_TYPES, outcomeFactOf, type OutcomeFact } from './outcome-fact';
import { OUTCOME_EVENT_TYPES } from './outcome.projection';

/** History recorded in 2026 about 2019: the delay of information is measured by the real-world days. */
const recordedAt = new Date('2026-12-01T10:00:00.000Z');
let revision = 0;
const recorded = (type: string, data: Record<string, unknown>): RecordedEvent =>
  recordedCaseEvent('h', revision++, { type, data, agency: 'BIF' }, recordedAt.toISOString());
const share = (sharedOn: string | undefined) =>
  recorded('InformationShared', {
    entryId: 'x',
    fromAgency: 'BIF',
    sharedWith: ['SOF'],
    sharedAt: recordedAt.toISOString(),
    ...(sharedOn ? { sharedOn } : {}),
  });
const acknowledge = (acknowledgedOn: string | undefined) =>
  recorded('InformationAcknowledged', { entryId: 'x', agency: 'SOF', acknowledgedAt: recordedAt.toISOString(), ...(acknowledgedOn ? { acknowledgedOn } : {}) });

describe('outcome facts of information recorded with its real-world days', () => {
  it('dates a share and an acknowledgement by the days they happened', () => {
    expect(outcomeFactOf('h', share('2019-03-04'))).toMatchObject({ on: '2019-03-04', detail: { at: '2019-03-04T00:00:00.000Z' } });
    expect(outcomeFactOf('h', acknowledge('2019-03-12'))).toMatchObject({ on: '2019-03-12', detail: { at: '2019-03-12T00:00:00.000Z' } });
    expect(outcomeFactOf('h', share(undefined))).toMatchObject({ on: '2026-12-01', detail: { at: recordedAt.toISOString() } });
  });

  it('dates a case opening by the day history gives (openedOn), else by the day recorded', () => {
    const opened = (openedOn?: string) =>
      recorded('CaseOpened', {
        birthDate: '1998-01-01',
        districtCode: 'VALBY-2',
        openedAt: recordedAt.toISOString(),
        ...(openedOn ? { openedOn } : {}),
      });
    expect(outcomeFactOf('h', opened('2019-01-02'))).toMatchObject({ on: '2019-01-02', recordedAt: recordedAt.toISOString(), detail: { type: 'case-opened' } });
    expect(outcomeFactOf('h', opened())).toMatchObject({ on: '2026-12-01' });
  });

  it('counts a delay of more than 5 days between the days, not between the recording instants', () => {
    const measure = loadMeasureCatalogue().measures.get('information-delay')!;
    const delayed = (acknowledgedOn: string): boolean => {
      revision = 0;
      const facts = [
        recorded('CaseOpened', { birthDate: '1998-01-01', districtCode: 'VALBY-2', openedAt: '2019-01-02T09:00:00.000Z' }),
        recorded('EnrolledInProgramme', { programmeCode: 'SSP_PLUS', startedOn: '2019-01-10' }),
        share('2019-03-04'),
        acknowledge(acknowledgedOn),
      ].flatMap((event): OutcomeFact[] => {
        const fact = outcomeFactOf('h', event);
        return fact === undefined ? [] : [fact];
      });
      const [history] = caseHistories(facts);
      const [member] = cohortMembersOf(history, measure, new Set(['SSP_PLUS']), '2020-06-01', false);
      return evaluateOutcome(history, member, measure.predicate).hit;
    };
    expect(delayed('2019-03-09')).toBe(false);
    expect(delayed('2019-03-10')).toBe(true);
  });
});

describe('the event types of the outcome history', () => {
  const untouchable = untouchableEventData();

  it('lists every type that gives a fact: any other gives none without reading its data', () => {
    const others = CASE_EVENT_TYPES.filter((type) => !(OUTCOME_FACT_EVENT_TYPES as readonly string[]).includes(type));
    expect(others.length).toBeGreaterThan(10);
    for (const type of others) expect([type, outcomeFactOf('h', recorded(type, untouchable))]).toEqual([type, undefined]);
    for (const type of OUTCOME_FACT_EVENT_TYPES) expect(() => outcomeFactOf('h', recorded(type, untouchable))).toThrow(/read data/);
    expect(OUTCOME_EVENT_TYPES).toEqual([...OUTCOME_FACT_EVENT_TYPES, 'CitizenDataErased']);
  });
});
