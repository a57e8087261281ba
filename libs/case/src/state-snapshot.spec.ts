import { evolveAll } from './evolve';
import { initialCaseState } from './state';
import { caseFoldVersion, decodeCaseState, encodeCaseState } from './state-snapshot';
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

  it('names the fold it came from with a digest of the code that folds', () => {
    expect(caseFoldVersion()).toMatch(/^[0-9a-f]{16}$/);
  });
});
