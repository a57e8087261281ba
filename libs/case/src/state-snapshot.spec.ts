import { evolveAll } from './evolve';
import { initialCaseState } from './state';
import { caseFoldVersion, decodeCaseState, encodeCaseState, sspLevelOf, stateAsJson } from './state-snapshot';
import { history } from './testing/rich-history';

describe('case state snapshots', () => {
  it('given every event type folded, when the state goes through JSON and back, then it equals the original', () => {
    const state = evolveAll(initialCaseState(), history);
    const decoded = decodeCaseState(JSON.parse(JSON.stringify(encodeCaseState(state))));
    expect(decoded).toEqual(state);
    expect(decoded.entries).toBeInstanceOf(Map);
    expect([...decoded.agencies.keys()]).toEqual([...state.agencies.keys()]);
  });

  it('given a decoded state, when the rest of the events are folded onto it, then the result equals the fold from the start', () => {
    for (let split = 0; split <= history.length; split++) {
      const snapshot = decodeCaseState(JSON.parse(JSON.stringify(encodeCaseState(evolveAll(initialCaseState(), history.slice(0, split))))));
      expect(evolveAll(snapshot, history.slice(split))).toEqual(evolveAll(initialCaseState(), history));
    }
  });

  it('given a decoded state, when events are folded onto it, then the snapshot itself is left as it was', () => {
    const encoded = JSON.stringify(encodeCaseState(evolveAll(initialCaseState(), history.slice(0, 20))));
    const snapshot = decodeCaseState(JSON.parse(encoded));
    evolveAll(snapshot, history.slice(20));
    expect(JSON.stringify(encodeCaseState(snapshot))).toBe(encoded);
  });

  it('the JSON view turns every Map into an object keyed as in the Map, nested ones too', () => {
    const state = evolveAll(initialCaseState(), history);
    const json = stateAsJson(state) as { entries: Record<string, { acknowledgedBy: unknown }> };
    expect(Object.keys(json.entries)).toEqual([...state.entries.keys()]);
    expect(json.entries[[...state.entries.keys()][0]].acknowledgedBy).toEqual(Object.fromEntries(state.entries.values().next().value!.acknowledgedBy));
  });

  it('the SSP level on a day is the assessment dated latest on or before it, the last recorded winning a tie; null before any', () => {
    const view = {
      categoryAssessments: [
        { level: 2, assessedOn: '2026-01-10' },
        { level: 3, assessedOn: '2026-01-05' },
        { level: 1, assessedOn: '2026-01-10' },
      ],
    };
    expect(sspLevelOf(view)).toBe(1);
    expect(sspLevelOf(view, '2026-01-09')).toBe(3);
    expect(sspLevelOf(view, '2026-01-04')).toBeNull();
    expect(sspLevelOf({ categoryAssessments: [] })).toBeNull();
  });

  it('names the fold it came from with a digest of the code that folds', () => {
    expect(caseFoldVersion()).toMatch(/^[0-9a-f]{16}$/);
  });
});
