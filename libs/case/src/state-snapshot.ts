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
 * The case state as auditors read it (JSON): its Maps become objects keyed as in the state, so an
 * as-of answer and a later one compare with a plain deep equality. A snapshot stores this view's
 * text beside the encoded state and answers with it as it is when nothing follows the snapshot, so
 * the view lives here, under the fold version (a change to it must not be answered from old text).
 * Plain loops: for a long case this walks a state of megabytes (the iterator-and-fromEntries
 * version took about 17 ms of a 75 ms answer for a 10,000-event case).
 */
export function stateAsJson(value: unknown): unknown {
  if (value instanceof Map) {
    const result: Record<string, unknown> = {};
    for (const [key, item] of value) result[String(key)] = stateAsJson(item);
    return result;
  }
  if (Array.isArray(value)) {
    const result = new Array<unknown>(value.length);
    for (let index = 0; index < value.length; index++) result[index] = stateAsJson(value[index]);
    return result;
  }
  if (typeof value === 'object' && value !== null) {
    const result: Record<string, unknown> = {};
    for (const key of Object.keys(value)) result[key] = stateAsJson((value as Record<string, unknown>)[key]);
    return result;
  }
  return value;
}

/**
 * The SSP level of a state's JSON view on `day`: the assessment with the latest date on or before
 * it (any day without it); the last recorded wins a tie; null when none. Here for the same reason
 * as stateAsJson: a snapshot stores its answer for the state it holds.
 */
export function sspLevelOf(view: unknown, day?: string): number | null {
  const assessments = (view as { categoryAssessments?: Array<{ level: number; assessedOn: string }> }).categoryAssessments ?? [];
  let latest: { level: number; assessedOn: string } | undefined;
  for (const assessment of assessments) {
    if (day !== undefined && assessment.assessedOn > day) continue;
    if (latest === undefined || assessment.assessedOn >= latest.assessedOn) latest = assessment;
  }
  return latest?.level ?? null;
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

/** The entries of an encoded Map (`{ "$map": [...] }` and nothing else); undefined for anything else. */
function encodedMapEntries(value: object): [unknown, unknown][] | undefined {
  const record = value as Record<string, unknown>;
  return Array.isArray(record.$map) && Object.keys(record).length === 1 ? (record.$map as [unknown, unknown][]) : undefined;
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
 * Which fold a snapshot came from: a digest of the source of `evolve`, of the state's shape and of
 * its JSON view (this file), as built. Any change to either gives a new version, and snapshots of another version are ignored,
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
