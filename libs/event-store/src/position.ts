/**
 * Global positions are opaque strings to everyone but the adapter that made them.
 *
 * Every adapter encodes its positions as two fixed-width, lower-case, 16-digit hex numbers joined by
 * a dot ("major.minor"), so that plain string comparison is log order:
 * - PostgreSQL: major = the writing transaction's id (xid8), minor = the row's sequence number;
 * - EventStoreDB: major = commit position, minor = prepare position.
 * The rest of the code compares positions only through `comparePositions` and never parses them.
 */
declare const positionBrand: unique symbol;
export type GlobalPosition = string & { readonly [positionBrand]: true };

const HEX_WIDTH = 16;
const POSITION_PATTERN = /^[0-9a-f]{16}\.[0-9a-f]{16}$/;

export function encodePosition(major: bigint, minor: bigint): GlobalPosition {
  if (major < 0n || minor < 0n) throw new RangeError('positions are non-negative');
  return `${major.toString(16).padStart(HEX_WIDTH, '0')}.${minor.toString(16).padStart(HEX_WIDTH, '0')}` as GlobalPosition;
}

export function decodePosition(position: GlobalPosition): { major: bigint; minor: bigint } {
  const [major, minor] = position.split('.');
  return { major: BigInt(`0x${major}`), minor: BigInt(`0x${minor}`) };
}

export function isGlobalPosition(value: unknown): value is GlobalPosition {
  return typeof value === 'string' && POSITION_PATTERN.test(value);
}

export function parseGlobalPosition(value: string): GlobalPosition {
  if (!isGlobalPosition(value)) throw new RangeError('not a global position');
  return value;
}

/** Negative when a is earlier than b; undefined (the start of the log) is earliest. */
export function comparePositions(a: GlobalPosition | undefined, b: GlobalPosition | undefined): number {
  if (a === b) return 0;
  if (a === undefined) return -1;
  if (b === undefined) return 1;
  return a < b ? -1 : 1;
}

export function laterPosition(a: GlobalPosition | undefined, b: GlobalPosition | undefined): GlobalPosition | undefined {
  return comparePositions(a, b) >= 0 ? a : b;
}
