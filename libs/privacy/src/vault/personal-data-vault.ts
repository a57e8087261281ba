import { createHmac } from 'node:crypto';
import type { Pool } from 'pg';
import type { PrivacyConfig } from '../config/privacy-config';
import { cprHash } from '@samvirke/case/cpr';
import { isValidDataKeyId, openWithKey, parseSealed, sealWithKey, type Sealed, type SealedParts } from '../encryption/sealed-value';
import { newDataKey, unwrapDataKey, wrapDataKey } from '../keys/data-key-wrapping';
import { DataKeyStore, dataKeyIdFor, subjectKeyFor, type DataKeyRecord, type ErasureScope, type KeySubject } from '../keys/key-store';
import { LruCache } from './lru-cache';
import { CitizenCaseLookup } from '../lookup/citizen-case-lookup';
import type { CaseClaim } from '@samvirke/case/application/personal-data-port';

export type OpenedValue =
  | { status: 'available'; value: string }
  | { status: 'erased'; erasedAt: Date }
  /** Tampered with, malformed, or sealed under a key this database does not know. */
  | { status: 'unreadable' };

export interface PersonalDataVaultOptions {
  /** Most data keys (live or erased) held in memory; default 10,000. */
  cacheEntries?: number;
  /** How long an unwrapped key is trusted without asking the database again; default 5,000 ms. */
  keyTtlMs?: number;
  /** The erasure date recorded in the tombstone; pass the app's CLOCK so tests control it. */
  clock?: { now(): Date };
}

export interface RotationResult {
  rewrapped: number;
  /** Master key versions still needed by some data keys but absent from the keyring. */
  missingMasterKeyVersions: string[];
  /** Keys whose wrapping failed authentication (altered in the database): left as they are. */
  failedAuthentication: number;
}

type CachedKey = { state: 'live'; key: Buffer } | { state: 'destroyed'; destroyedAt: Date };

const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const ROTATION_PAGE = 200;
const KEY_CREATION_ATTEMPTS = 5;

/**
 * Crypto-shredding: personal data is sealed with a data key per citizen, and per contributing agency
 * when that agency's facts follow their own retention (police, prison). Destroying a key makes every
 * value sealed with it unreadable everywhere at once: events, read models, backups of either.
 *
 * ## Caching and what other processes see
 * Unwrapped keys are kept in a bounded LRU. Within this process an erasure removes the citizen's keys
 * from it before `eraseSubject` returns, and an "erasure generation" counter stops a key read from the
 * database before the erasure (but answered after it) from being put back. Another process (the
 * worker, a second api) is not told: it drops a live key at the latest `keyTtlMs` (5 s) after loading
 * it and then finds the tombstone. So for up to 5 s after an erasure another process may still open
 * the citizen's values, or seal new ones with the destroyed key (those are then born erased, which
 * errs on the side of the citizen). Tombstones are cached without expiry: an erasure is final.
 *
 * ## After an erasure
 * A later `seal` for the same citizen and agency makes a new key (next version); the old values stay
 * erased. Whether new data may be recorded about an erased citizen is the case layer's decision.
 */
export class PersonalDataVault {
  private readonly keys: DataKeyStore;
  private readonly lookup: CitizenCaseLookup;
  private readonly dataKeys: LruCache<string, CachedKey>;
  /** (citizen, agency) → id of the key new values are sealed with. */
  private readonly activeKeyIds: LruCache<string, string>;
  private readonly keyTtlMs: number;
  private readonly clock: { now(): Date };
  private erasureGeneration = 0;

  constructor(
    private readonly pool: Pool,
    private readonly config: PrivacyConfig,
    options: PersonalDataVaultOptions = {},
  ) {
    this.keys = new DataKeyStore(pool);
    this.lookup = new CitizenCaseLookup(pool);
    this.dataKeys = new LruCache(options.cacheEntries ?? 10_000);
    this.activeKeyIds = new LruCache(options.cacheEntries ?? 10_000);
    this.keyTtlMs = options.keyTtlMs ?? 5_000;
    this.clock = options.clock ?? { now: () => new Date() };
  }

  /**
   * A key for authentication codes over data the service keeps for itself and must be able to
   * trust again (snapshots of folded state), derived from the CPR secret per purpose: useless
   * without that secret, and a different key for every purpose.
   */
  derivedMacKey(purpose: string): Buffer {
    return createHmac('sha256', this.config.cprHmacSecret.reveal()).update(`samvirke-mac-key:${purpose}`).digest();
  }

  /** The keyed hash to find a citizen by CPR without storing the CPR. */
  cprHash(cpr: string): string {
    return cprHash(this.config.cprHmacSecret, cpr);
  }

  /**
   * The case a CPR leads to: the citizen's current case, or a new random case id claimed now for a
   * citizen without one (or whose case was erased). See CitizenCaseLookup.
   */
  async caseIdOfCitizen(cpr: string): Promise<string> {
    return (await this.lookup.claim(this.cprHash(cpr))).caseId;
  }

  /** A referral's claim on the CPR lookup, to confirm once the referral is recorded or release if it is refused. */
  async claimCaseOfCitizen(cpr: string): Promise<CaseClaim> {
    const hash = this.cprHash(cpr);
    const { caseId, created } = await this.lookup.claim(hash);
    return {
      caseId,
      confirm: () => this.lookup.confirm(hash, caseId),
      release: async () => {
        if (created) await this.lookup.release(hash, caseId);
      },
    };
  }

  /** Deletes the CPR lookup of a case (a citizen erasure): the CPR leads nowhere afterwards. */
  forgetCitizenCase(caseId: string): Promise<boolean> {
    return this.lookup.forgetCase(validCitizenId(caseId));
  }

  async seal(subject: { citizenId: string; agency?: string }, plaintext: string): Promise<Sealed> {
    const { keyId, key } = await this.activeKey(validSubject(subject));
    return sealWithKey(keyId, key, plaintext);
  }

  async open(sealed: Sealed): Promise<OpenedValue> {
    const [opened] = await this.openMany([sealed]);
    return opened;
  }

  /** Opens many values with at most one query, for the keys not already cached. Same order as given. */
  async openMany(values: readonly Sealed[]): Promise<OpenedValue[]> {
    const parsed = values.map((value) => parseSealed(value));
    // Taken from the cache once, up front: an entry expiring while the query runs must not turn a
    // readable value into "unreadable".
    const keysById = new Map<string, CachedKey>();
    const missing = new Set<string>();
    for (const parts of parsed) {
      if (!parts || keysById.has(parts.dataKeyId)) continue;
      const cached = this.dataKeys.get(parts.dataKeyId);
      if (cached) keysById.set(parts.dataKeyId, cached);
      else missing.add(parts.dataKeyId);
    }

    if (missing.size > 0) {
      const generation = this.erasureGeneration;
      const records = await this.keys.findByIds([...missing]);
      for (const [keyId, record] of records) {
        const key = this.unwrapRecord(record);
        if (!key) continue;
        keysById.set(keyId, key);
        this.remember(keyId, key, generation);
      }
    }

    return parsed.map((parts): OpenedValue => {
      const key = parts && keysById.get(parts.dataKeyId);
      return parts && key ? openWith(parts, key) : { status: 'unreadable' };
    });
  }

  /**
   * Destroys keys of a citizen: `{ agency: 'all' }` every key including the agency keys, `{ agency }`
   * only that agency's key, `{}` only the citizen's general key. Idempotent: keys destroyed earlier
   * keep their first date and are not counted again.
   */
  async eraseSubject(citizenId: string, scope: { agency?: string | 'all' }, by: string, reason: string): Promise<{ keysDestroyed: number; erasedAt: Date }> {
    const citizen = validCitizenId(citizenId);
    const erasureScope: ErasureScope =
      scope.agency === 'all' ? { kind: 'all' } : scope.agency === undefined ? { kind: 'general' } : { kind: 'agency', agency: validAgency(scope.agency) };
    const erasedAt = this.clock.now();
    try {
      const destroyed = await this.keys.destroy(citizen, erasureScope, erasedAt, by, reason);
      return { keysDestroyed: destroyed.length, erasedAt };
    } finally {
      // Also on failure: the UPDATE may have committed even if its answer was lost.
      this.erasureGeneration += 1;
      const prefix = `${citizen}~`;
      this.dataKeys.deleteWhere((keyId) => keyId.startsWith(prefix));
      this.activeKeyIds.deleteWhere((subjectKey) => subjectKey.startsWith(prefix));
    }
  }

  /**
   * Re-wraps every live data key that is wrapped with an older master key version under the active
   * one. The data keys themselves do not change, so no sealed value needs rewriting: values sealed
   * before and after the rotation open alike. Safe to run again, and beside a running app.
   */
  async rotateMasterKey(): Promise<RotationResult> {
    const keyring = this.config.masterKeyring;
    const missing = new Set<string>();
    let rewrapped = 0;
    let failedAuthentication = 0;
    let after = '';
    for (;;) {
      const page = await this.keys.findLiveWrappedWithOtherThan(keyring.active.version, after, ROTATION_PAGE);
      if (page.length === 0) break;
      after = page[page.length - 1].keyId;
      for (const record of page) {
        if (record.state !== 'live') continue;
        if (!keyring.keyFor(record.wrapped.masterKeyVersion)) {
          missing.add(record.wrapped.masterKeyVersion);
          continue;
        }
        const dataKey = unwrapDataKey(record.keyId, record.wrapped, keyring);
        if (!dataKey) {
          failedAuthentication += 1;
          continue;
        }
        const replaced = await this.keys.replaceWrapping(record.keyId, record.wrapped.masterKeyVersion, wrapDataKey(record.keyId, dataKey, keyring));
        if (replaced) rewrapped += 1;
      }
    }
    return { rewrapped, missingMasterKeyVersions: [...missing].sort(), failedAuthentication };
  }

  /**
   * The key new values for this subject are sealed with, made on first use. Creation is race-safe
   * across processes: the key id is derived from (citizen, agency, version), so of many concurrent
   * `INSERT ... ON CONFLICT DO NOTHING` exactly one row wins, and everyone then reads and uses it.
   */
  private async activeKey(subject: KeySubject): Promise<{ keyId: string; key: Buffer }> {
    const subjectKey = subjectKeyFor(subject);
    const cachedId = this.activeKeyIds.get(subjectKey);
    const cached = cachedId === undefined ? undefined : this.dataKeys.get(cachedId);
    if (cachedId !== undefined && cached?.state === 'live') return { keyId: cachedId, key: cached.key };

    for (let attempt = 0; attempt < KEY_CREATION_ATTEMPTS; attempt += 1) {
      const generation = this.erasureGeneration;
      const latest = await this.keys.findLatest(subject);
      if (latest?.state === 'live') {
        const unwrapped = this.unwrapRecord(latest);
        if (unwrapped?.state !== 'live') throw new Error(`data key ${latest.keyId} failed authentication: its row was altered`);
        this.remember(latest.keyId, unwrapped, generation);
        if (generation === this.erasureGeneration) this.activeKeyIds.set(subjectKey, latest.keyId, this.keyTtlMs);
        return { keyId: latest.keyId, key: unwrapped.key };
      }
      const keyVersion = latest ? latest.keyVersion + 1 : 1;
      const keyId = dataKeyIdFor(subject, keyVersion);
      await this.keys.insertIfAbsent(subject, keyVersion, keyId, wrapDataKey(keyId, newDataKey(), this.config.masterKeyring));
    }
    throw new Error('could not create a data key: it was erased each time it was made; retry later');
  }

  private unwrapRecord(record: DataKeyRecord): CachedKey | undefined {
    if (record.state === 'destroyed') return { state: 'destroyed', destroyedAt: record.destroyedAt };
    const key = unwrapDataKey(record.keyId, record.wrapped, this.config.masterKeyring);
    return key ? { state: 'live', key } : undefined;
  }

  /** Caches a key read at `generation`, unless an erasure in this process has happened since. */
  private remember(keyId: string, key: CachedKey, generation: number): void {
    if (key.state === 'destroyed') this.dataKeys.set(keyId, key);
    else if (generation === this.erasureGeneration) this.dataKeys.set(keyId, key, this.keyTtlMs);
  }
}

function openWith(parts: SealedParts, key: CachedKey): OpenedValue {
  if (key.state === 'destroyed') return { status: 'erased', erasedAt: key.destroyedAt };
  const value = openWithKey(parts, key.key);
  return value === undefined ? { status: 'unreadable' } : { status: 'available', value };
}

function validSubject(subject: { citizenId: string; agency?: string }): KeySubject {
  const citizenId = validCitizenId(subject.citizenId);
  if (subject.agency === undefined) return { citizenId };
  return { citizenId, agency: validAgency(subject.agency) };
}

function validCitizenId(citizenId: string): string {
  const lower = citizenId.toLowerCase();
  if (!UUID_PATTERN.test(lower)) throw new Error('citizenId must be a UUID');
  return lower;
}

/** Agency codes come from reference data; 'all' is reserved for "every key" in an erasure scope. */
function validAgency(agency: string): string {
  if (agency.length === 0 || agency.length > 64 || agency === 'all') {
    throw new Error('agency must be an agency code of 1-64 characters other than "all"');
  }
  if (!isValidDataKeyId(dataKeyIdFor({ citizenId: '0', agency }, 1))) throw new Error('agency code cannot be used in a key id');
  return agency;
}
