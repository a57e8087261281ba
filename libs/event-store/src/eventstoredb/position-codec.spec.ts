import fc from 'fast-check';
import { comparePositions, isGlobalPosition } from '../position';
import { fromClientPosition, toClientPosition } from './position-codec';

const uint64 = fc.bigInt({ min: 0n, max: 2n ** 64n - 1n });
const position = fc.record({ commit: uint64, prepare: uint64 });

function compareTuples(a: { commit: bigint; prepare: bigint }, b: { commit: bigint; prepare: bigint }): number {
  if (a.commit !== b.commit) return a.commit < b.commit ? -1 : 1;
  if (a.prepare !== b.prepare) return a.prepare < b.prepare ? -1 : 1;
  return 0;
}

describe('EventStoreDB position codec', () => {
  it('orders encoded positions exactly as (commit, prepare) pairs are ordered', () => {
    fc.assert(
      fc.property(position, position, (a, b) => {
        expect(Math.sign(comparePositions(fromClientPosition(a), fromClientPosition(b)))).toBe(compareTuples(a, b));
      }),
      { numRuns: 2_000 },
    );
  });

  it('orders positions that differ only in the low digits or only in prepare', () => {
    expect(comparePositions(fromClientPosition({ commit: 9n, prepare: 0n }), fromClientPosition({ commit: 10n, prepare: 0n }))).toBeLessThan(0);
    expect(comparePositions(fromClientPosition({ commit: 10n, prepare: 9n }), fromClientPosition({ commit: 10n, prepare: 10n }))).toBeLessThan(0);
  });

  it('round-trips every 64-bit position and yields a well-formed global position', () => {
    fc.assert(
      fc.property(position, (p) => {
        const encoded = fromClientPosition(p);
        expect(isGlobalPosition(encoded)).toBe(true);
        expect(toClientPosition(encoded)).toEqual(p);
      }),
    );
  });
});
