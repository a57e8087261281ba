import type { Pool } from 'pg';
import type { MasterKeyring } from '../config/master-keyring';
import { PrivacyConfigError } from '../config/privacy-config';
import { unwrapDataKey, type WrappedDataKey } from './data-key-wrapping';

/** Whose key: a citizen's general key (no agency) or the key for one contributing agency's facts. */
export interface KeySubject {
  citizenId: string;
  agency?: string;
}

export type DataKeyRecord =
  | { keyId: string; citizenId: string; agency: string | null; keyVersion: number; state: 'live'; wrapped: WrappedDataKey }
  | { keyId: string; citizenId: string; agency: string | null; keyVersion: number; state: 'destroyed'; destroyedAt: Date };

/** Which keys of a citizen an erasure destroys. */
export type ErasureScope = { kind: 'general' } | { kind: 'agency'; agency: string } | { kind: 'all' };

/**
 * The id of one data key: `<citizenId>~<agency part>~<version>`, where the agency part is `g` for
 * the general key and `a` + base64url(agency code) otherwise (codes may hold letters such as Ø, and a
 * dot would break the envelope). Deterministic, so concurrent creators of the same key collide on the
 * primary key instead of making two keys.
 */
export function dataKeyIdFor(subject: KeySubject, keyVersion: number): string {
  return `${subjectKeyFor(subject)}~${keyVersion}`;
}

/** `<citizenId>~<agency part>`: the prefix shared by every version of one subject's key. */
export function subjectKeyFor(subject: KeySubject): string {
  const agencyPart = subject.agency === undefined ? 'g' : `a${Buffer.from(subject.agency, 'utf8').toString('base64url')}`;
  return `${subject.citizenId}~${agencyPart}`;
}

interface DataKeyRow {
  key_id: string;
  subject_id: string;
  agency: string | null;
  key_version: number;
  wrapped_key: Buffer | null;
  wrap_iv: Buffer | null;
  wrap_tag: Buffer | null;
  master_key_version: string | null;
  destroyed_at: Date | null;
}

const COLUMNS = 'key_id, subject_id, agency, key_version, wrapped_key, wrap_iv, wrap_tag, master_key_version, destroyed_at';

/** SQL access to `privacy_data_keys`; no cryptography and no caching here. */
export class DataKeyStore {
  constructor(private readonly pool: Pool) {}

  async findLatest(subject: KeySubject): Promise<DataKeyRecord | undefined> {
    const { rows } = await this.pool.query<DataKeyRow>(
      `SELECT ${COLUMNS} FROM privacy_data_keys
        WHERE subject_id = $1 AND agency IS NOT DISTINCT FROM $2
        ORDER BY key_version DESC LIMIT 1`,
      [subject.citizenId, subject.agency ?? null],
    );
    return rows[0] && toRecord(rows[0]);
  }

  async findByIds(keyIds: readonly string[]): Promise<Map<string, DataKeyRecord>> {
    if (keyIds.length === 0) return new Map();
    const { rows } = await this.pool.query<DataKeyRow>(`SELECT ${COLUMNS} FROM privacy_data_keys WHERE key_id = ANY($1::text[])`, [[...keyIds]]);
    return new Map(rows.map((row) => [row.key_id, toRecord(row)]));
  }

  /** Inserts unless a key with this id (or this citizen, agency and version) exists already. */
  async insertIfAbsent(subject: KeySubject, keyVersion: number, keyId: string, wrapped: WrappedDataKey): Promise<void> {
    await this.pool.query(
      `INSERT INTO privacy_data_keys (key_id, subject_id, agency, key_version, wrapped_key, wrap_iv, wrap_tag, master_key_version)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
       ON CONFLICT DO NOTHING`,
      [keyId, subject.citizenId, subject.agency ?? null, keyVersion, wrapped.wrappedKey, wrapped.iv, wrapped.tag, wrapped.masterKeyVersion],
    );
  }

  /**
   * Destroys the live keys in scope: key material set to NULL, the row kept as the tombstone. Already
   * destroyed keys keep their original date. Returns the ids destroyed now.
   */
  async destroy(citizenId: string, scope: ErasureScope, at: Date, by: string, reason: string): Promise<string[]> {
    const agencyCondition = scope.kind === 'all' ? 'TRUE' : scope.kind === 'general' ? 'agency IS NULL' : 'agency = $5';
    const parameters: unknown[] = [citizenId, at, by, reason];
    if (scope.kind === 'agency') parameters.push(scope.agency);
    const { rows } = await this.pool.query<{ key_id: string }>(
      `UPDATE privacy_data_keys
          SET wrapped_key = NULL, wrap_iv = NULL, wrap_tag = NULL,
              destroyed_at = $2, destroyed_by = $3, destroyed_reason = $4
        WHERE subject_id = $1 AND destroyed_at IS NULL AND ${agencyCondition}
        RETURNING key_id`,
      parameters,
    );
    return rows.map((row) => row.key_id);
  }

  /** Live keys wrapped with another master key version than `activeVersion`, in key id order. */
  async findLiveWrappedWithOtherThan(activeVersion: string, afterKeyId: string, limit: number): Promise<DataKeyRecord[]> {
    const { rows } = await this.pool.query<DataKeyRow>(
      `SELECT ${COLUMNS} FROM privacy_data_keys
        WHERE destroyed_at IS NULL AND master_key_version <> $1 AND key_id > $2
        ORDER BY key_id LIMIT $3`,
      [activeVersion, afterKeyId, limit],
    );
    return rows.map(toRecord);
  }

  /**
   * Replaces the wrapping of a live key. The conditions make it a compare-and-set: a key erased (or
   * re-wrapped by another process) since it was read is left alone, so a rotation running beside an
   * erasure can never write key material back into a tombstone.
   */
  async replaceWrapping(keyId: string, previousMasterKeyVersion: string, wrapped: WrappedDataKey): Promise<boolean> {
    const result = await this.pool.query(
      `UPDATE privacy_data_keys
          SET wrapped_key = $3, wrap_iv = $4, wrap_tag = $5, master_key_version = $6
        WHERE key_id = $1 AND destroyed_at IS NULL AND master_key_version = $2`,
      [keyId, previousMasterKeyVersion, wrapped.wrappedKey, wrapped.iv, wrapped.tag, wrapped.masterKeyVersion],
    );
    return result.rowCount === 1;
  }
}

function toRecord(row: DataKeyRow): DataKeyRecord {
  const base = { keyId: row.key_id, citizenId: row.subject_id, agency: row.agency, keyVersion: row.key_version };
  if (row.destroyed_at !== null) return { ...base, state: 'destroyed', destroyedAt: row.destroyed_at };
  if (!row.wrapped_key || !row.wrap_iv || !row.wrap_tag || !row.master_key_version) {
    // The table's CHECK constraint rules this out; should it ever happen, stop rather than guess.
    throw new Error(`data key ${row.key_id} is live but has no key material`);
  }
  return {
    ...base,
    state: 'live',
    wrapped: { wrappedKey: row.wrapped_key, iv: row.wrap_iv, tag: row.wrap_tag, masterKeyVersion: row.master_key_version },
  };
}

/**
 * Checks, before a process serves anything, that its master keys open this database's data keys: every
 * master key version a live data key is wrapped with is in the keyring, and one key of each version
 * unwraps. Another keyring's process (other MASTER_KEYS, or development keys from another DATA_DIR)
 * would otherwise start, answer 500 wherever a name is opened, and project read models without the
 * identities it cannot open. Throws PrivacyConfigError naming the versions, never a key.
 */
export async function assertMasterKeysOpenDatabase(pool: Pick<Pool, 'query'>, keyring: MasterKeyring): Promise<void> {
  // Up to five keys per master key version: one altered row must not stop the service (the value
  // it guards reads as unreadable, which is reported where it is read), a wrong key opens none.
  const { rows } = await pool.query<DataKeyRow & { live_keys: string }>(
    `SELECT * FROM (
       SELECT ${COLUMNS}, count(*) OVER (PARTITION BY master_key_version) AS live_keys,
              row_number() OVER (PARTITION BY master_key_version ORDER BY key_id) AS nth
         FROM privacy_data_keys WHERE destroyed_at IS NULL AND master_key_version IS NOT NULL) sampled
      WHERE nth <= 5 ORDER BY master_key_version, key_id`,
  );
  const byVersion = new Map<string, (DataKeyRow & { live_keys: string })[]>();
  for (const row of rows) byVersion.set(row.master_key_version!, [...(byVersion.get(row.master_key_version!) ?? []), row]);
  const missing = [...byVersion].filter(([version]) => !keyring.keyFor(version));
  if (missing.length > 0) {
    const named = missing.map(([version, sample]) => `${version} (${sample[0].live_keys} data keys)`).join(', ');
    throw new PrivacyConfigError(
      'MASTER_KEYS',
      `lacks master key versions this database's data keys are wrapped with: ${named}; configure the keys it was sealed with`,
    );
  }
  const wrong = [...byVersion].filter(([, sample]) =>
    sample.every((row) => {
      const record = toRecord(row);
      return record.state === 'live' && unwrapDataKey(record.keyId, record.wrapped, keyring) === undefined;
    }),
  );
  if (wrong.length > 0) {
    const named = wrong.map(([version]) => version).join(', ');
    throw new PrivacyConfigError(
      'MASTER_KEYS',
      `does not open this database's data keys under version ${named}: a different key under the same version name; configure the keys it was sealed with`,
    );
  }
}
