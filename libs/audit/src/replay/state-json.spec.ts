import { encodeCaseState, encodedCaseStateWithMapsAsObjects, evolveAll, initialCaseState } from '@samvirke/case';
import { history } from '@samvirke/case/testing/rich-history';
import { stateAsJson } from './state-json';

describe('the JSON view of a case state', () => {
  it('given a stored snapshot with nothing to fold onto it, when shown without decoding, then it equals the view of the decoded state', () => {
    for (let length = 0; length <= history.length; length += 7) {
      const state = evolveAll(initialCaseState(), history.slice(0, length));
      const stored = JSON.parse(JSON.stringify(encodeCaseState(state)));
      expect(JSON.stringify(encodedCaseStateWithMapsAsObjects(stored))).toBe(JSON.stringify(stateAsJson(state)));
    }
  });

  it('turns every Map into an object keyed as in the Map, nested ones too', () => {
    const state = evolveAll(initialCaseState(), history);
    const json = stateAsJson(state) as { entries: Record<string, { acknowledgedBy: unknown }> };
    expect(Object.keys(json.entries)).toEqual([...state.entries.keys()]);
    expect(json.entries[[...state.entries.keys()][0]].acknowledgedBy).toEqual(Object.fromEntries(state.entries.values().next().value!.acknowledgedBy));
  });
});
