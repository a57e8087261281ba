import { encodePosition } from '@samvirke/event-store';
import { InvalidConsistencyPositionError, parseConsistencyPosition } from './read-your-writes';

describe('parseConsistencyPosition', () => {
  it('accepts a position as a write returned it', () => {
    const position = encodePosition(1234n, 5n);
    expect(parseConsistencyPosition(position)).toBe(position);
  });

  it('asks for no wait when the parameter is absent or empty', () => {
    expect(parseConsistencyPosition(undefined)).toBeUndefined();
    expect(parseConsistencyPosition('')).toBeUndefined();
  });

  it('refuses anything that is not one position', () => {
    for (const value of ['42', '0000000000000001', 'zz00000000000001.0000000000000001', ['a', 'b'], 7]) {
      expect(() => parseConsistencyPosition(value)).toThrow(InvalidConsistencyPositionError);
    }
  });
});
