import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import type { CaseState } from './state';

/**
 * A folded case state as JSON and back, so a reader can start a fold from a stored snapshot instead
 * of the stream's first event. Maps (also nested ones, such as an entry's acknowledgements) become
 * `{ "$map": [[key, value], ...] }`; keys keep their order, so a decoded state equals the original.
 */
export function encodeCaseState(state: CaseState): unknown {
  return encode(state);
}

export function decodeCaseState(json: unknown): CaseState {
  return decode(json) as CaseState;
}

/**
 * An encoded state with every Map as a plain object keyed as in the Map, without building the Maps:
 * the JSON view of a snapshot that has nothing left to fold onto it.
 */
export function encodedCaseStateWithMapsAsObjects(json: unknown): unknown {
  if (Array.isArray(json)) return json.map(encodedCaseStateWithMapsAsObjects);
  if (typeof json === 'object' && json !== null) {
    const result: Record<string, unknown> = {};
    const entries = encodedMapEntries(json) ?? Object.entries(json);
    for (const [key, item] of entries) result[String(key)] = encodedCaseStateWithMapsAsObjects(item);
    return result;
  }
  return json;
}

/** The entries of an encoded Map (`{ "$map": [...] }` and nothing else); undefined for anything else. */
function encodedMapEntries(value: object): [unknown, unknown][] | undefined {
  const record = value as Record<string, unknown>;
  return Array.isArray(record.$map) && Object.keys(record).length === 1 ? (record.$map as [unknown, unknown][]) : undefined;
}

function encode(value: unknown): unknown {
  if (value instanceof Map) return { $map: [...(value as Map<unknown, unknown>).entries()].map(([key, item]) => [key, encode(item)]) };
  if (value instanceof Set) throw new Error('a case state holds no Sets; teach encodeCaseState before adding one');
  if (Array.isArray(value)) return value.map(encode);
  if (typeof value === 'object' && value !== null) {
    const result: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) if (item !== undefined) result[key] = encode(item);
    return result;
  }
  return value;
}

function decode(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(decode);
  if (typeof value === 'object' && value !== null) {
    const mapEntries = encodedMapEntries(value);
    if (mapEntries) return new Map(mapEntries.map(([key, item]) => [key, decode(item)]));
    const result: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) result[key] = decode(item);
    return result;
  }
  return value;
}

/**
 * Which fold a snapshot came from: a digest of the source of `evolve` and of the state's shape, as
 * built. Any change to either gives a new version, and snapshots of another version are ignored,
 * so a fold never starts from a state the current code would not have produced. Computed from the
 * files rather than kept by hand, because a forgotten bump would silently give auditors wrong
 * reconstructions.
 */
export function caseFoldVersion(): string {
  if (foldVersion === undefined) {
    // Read on first use (the replay module's start-up), not when any process imports the case library.
    const extension = extname(__filename);
    const hash = createHash('sha256');
    for (const file of ['evolve', 'state', 'state-snapshot']) hash.update(readFileSync(join(__dirname, `${file}${extension}`)));
    foldVersion = hash.digest('hex').slice(0, 16);
  }
  return foldVersion;
}

let foldVersion: string | undefined;
