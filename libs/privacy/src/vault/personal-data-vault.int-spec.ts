import { randomUUID } from 'node:crypto';
import { Pool } from 'pg';
import { createOwnDatabase, type OwnDatabase } from '../../../../test/support/own-database';
import { parseCprHmacSecret, parseMasterKeys, type PrivacyConfig } from '../config/privacy-config';
import { parseSealed, type Sealed } from '../encryption/sealed-value';
import { MasterKeyUnavailableError, unwrapDataKey } from '../keys/data-key-wrapping';
import { PersonalDataVault, type PersonalDataVaultOptions } from './personal-data-vault';
import { migrateDatabase } from '@samvirke/migrations';

const masterKey = (fill: number) => Buffer.alloc(32, fill).toString('base64');
const cprSecret = parseCprHmacSecret('c'.repeat(64));

function configWith(masterKeys: string): PrivacyConfig {
  return { masterKeyring: parseMasterKeys(masterKeys), cprHmacSecret: cprSecret, generatedForDevelopment: false };
}

const mainConfig = configWith(`int-main:${masterKey(0x11)}`);
const erasureDate = new Date('2026-03-01T10:00:00.000Z');

interface KeyRow {
  key_id: string;
  agency: string | null;
  key_version: number;
  wrapped_key: Buffer | null;
  wrap_iv: Buffer | null;
  wrap_tag: Buffer | null;
  master_key_version: string | null;
  destroyed_at: Date | null;
  destroyed_by: string | null;
  destroyed_reason: string | null;
}

describe('PersonalDataVault (PostgreSQL)', () => {
  let pool: Pool;
  const vault = (config: PrivacyConfig = mainConfig, options: PersonalDataVaultOptions = {}) =>
    new PersonalDataVault(pool, config, { clock: { now: () => erasureDate }, ...options });
  const keyRows = async (citizenId: string) =>
    (await pool.query<KeyRow>('SELECT * FROM privacy_data_keys WHERE subject_id = $1 ORDER BY key_id', [citizenId])).rows;

  // Its own database: these keys are wrapped under this spec's own master keys (int-main, rot-v1,
  // rot-v2), which an API on the run's shared database would rightly refuse to start beside.
  let database: OwnDatabase;
  beforeAll(async () => {
    database = await createOwnDatabase('vault');
    pool = new Pool({ connectionString: database.url, max: 12 });
    // An idle client whose backend the server ends (57P01, seen once in CI with no statement of ours
    // running) is dropped by the pool and replaced; without a listener its 'error' fails the test.
    pool.on('error', () => undefined);
    await migrateDatabase(database.url);
    await migrateDatabase(database.url);
  });
  afterAll(async () => {
    await pool.end();
    await database.drop();
  });

  it('opens what it sealed, also in another vault instance (another process)', async () => {
    const citizenId = randomUUID();
    const sealed = await vault().seal({ citizenId }, 'Jens Hansen');
    expect(sealed.sealed).not.toContain('Jens');
    expect(await vault().open(sealed)).toEqual({ status: 'available', value: 'Jens Hansen' });
  });

  it('calls tampered, malformed and unknown-key values unreadable instead of throwing', async () => {
    const v = vault();
    const sealed = await v.seal({ citizenId: randomUUID() }, 'Vesterbrogade 1');
    const lastCharacter = sealed.sealed.at(-1) === 'A' ? 'B' : 'A';
    const tampered = { sealed: sealed.sealed.slice(0, -1) + lastCharacter };
    const unknownKey = { sealed: sealed.sealed.replace(/^s1\.[0-9a-f-]{36}/, `s1.${randomUUID()}`) };
    expect(await v.openMany([tampered, unknownKey, { sealed: 'nonsense' }, sealed])).toEqual([
      { status: 'unreadable' },
      { status: 'unreadable' },
      { status: 'unreadable' },
      { status: 'available', value: 'Vesterbrogade 1' },
    ]);
  });

  it('looks up all missing keys of openMany in one query, in the order given', async () => {
    const writer = vault();
    const citizens = [randomUUID(), randomUUID(), randomUUID()];
    const values: Sealed[] = [];
    for (const citizenId of citizens) {
      values.push(await writer.seal({ citizenId }, `name of ${citizenId}`));
      values.push(await writer.seal({ citizenId, agency: 'POLITI' }, `police fact on ${citizenId}`));
    }
    const reader = vault();
    const query = jest.spyOn(pool, 'query');
    try {
      const opened = await reader.openMany(values);
      expect(query).toHaveBeenCalledTimes(1);
      expect(opened.map((o) => (o.status === 'available' ? o.value : o.status))).toEqual(citizens.flatMap((id) => [`name of ${id}`, `police fact on ${id}`]));
      await reader.openMany(values);
      expect(query).toHaveBeenCalledTimes(1);
    } finally {
      query.mockRestore();
    }
  });

  it('gives each contributing agency its own key for the same citizen', async () => {
    const citizenId = randomUUID();
    const v = vault();
    const general = await v.seal({ citizenId }, 'a');
    const police = await v.seal({ citizenId, agency: 'POLITI' }, 'b');
    const prison = await v.seal({ citizenId, agency: 'KRIMINALFORSORGEN' }, 'c');
    const keyIds = [general, police, prison].map((s) => parseSealed(s)!.dataKeyId);
    expect(new Set(keyIds).size).toBe(3);

    const rows = await keyRows(citizenId);
    expect(rows.map((r) => r.agency).sort()).toEqual(['KRIMINALFORSORGEN', 'POLITI', null].sort());
    const dataKeys = rows.map((r) =>
      unwrapDataKey(
        r.key_id,
        { wrappedKey: r.wrapped_key!, iv: r.wrap_iv!, tag: r.wrap_tag!, masterKeyVersion: r.master_key_version! },
        mainConfig.masterKeyring,
      )!.toString('hex'),
    );
    expect(new Set(dataKeys).size).toBe(3);
  });

  it("erasing one agency key makes only that agency's values erased; the citizen's other keys stay readable", async () => {
    const citizenId = randomUUID();
    const v = vault();
    const name = await v.seal({ citizenId }, 'Jens Hansen');
    const police = await v.seal({ citizenId, agency: 'POLITI' }, 'charged 2025');
    const prison = await v.seal({ citizenId, agency: 'KRIMINALFORSORGEN' }, 'released 2026');
    expect((await v.open(police)).status).toBe('available');

    expect(await v.eraseSubject(citizenId, { agency: 'POLITI' }, 'auditor-1', 'retention-expired')).toEqual({
      keysDestroyed: 1,
      erasedAt: erasureDate,
    });

    for (const reader of [v, vault()]) {
      expect(await reader.openMany([name, police, prison])).toEqual([
        { status: 'available', value: 'Jens Hansen' },
        { status: 'erased', erasedAt: erasureDate },
        { status: 'available', value: 'released 2026' },
      ]);
    }
  });

  it("erasing a citizen's general key leaves the agency keys", async () => {
    const citizenId = randomUUID();
    const v = vault();
    const name = await v.seal({ citizenId }, 'n');
    const police = await v.seal({ citizenId, agency: 'POLITI' }, 'p');
    expect((await v.eraseSubject(citizenId, {}, 'coordinator-1', 'citizen-request')).keysDestroyed).toBe(1);
    expect((await v.openMany([name, police])).map((o) => o.status)).toEqual(['erased', 'available']);
  });

  it('erasing "all" makes every value of the citizen erased with the date, other citizens untouched, and is idempotent', async () => {
    const citizenId = randomUUID();
    const otherCitizen = randomUUID();
    const v = vault();
    const values = [
      await v.seal({ citizenId }, 'Jens Hansen'),
      await v.seal({ citizenId }, '010203-1234'),
      await v.seal({ citizenId, agency: 'POLITI' }, 'police'),
      await v.seal({ citizenId, agency: 'KRIMINALFORSORGEN' }, 'prison'),
    ];
    const other = [await v.seal({ citizenId: otherCitizen }, 'Else'), await v.seal({ citizenId: otherCitizen, agency: 'POLITI' }, 'x')];
    await v.openMany([...values, ...other]);

    expect(await v.eraseSubject(citizenId, { agency: 'all' }, 'dpo-1', 'citizen-request')).toEqual({ keysDestroyed: 3, erasedAt: erasureDate });

    for (const reader of [v, vault()]) {
      expect(await reader.openMany(values)).toEqual(values.map(() => ({ status: 'erased', erasedAt: erasureDate })));
      expect(await reader.openMany(other)).toEqual([
        { status: 'available', value: 'Else' },
        { status: 'available', value: 'x' },
      ]);
    }

    const later = new Date('2027-01-01T00:00:00.000Z');
    const again = await vault(mainConfig, { clock: { now: () => later } }).eraseSubject(citizenId, { agency: 'all' }, 'dpo-1', 'again');
    expect(again.keysDestroyed).toBe(0);
    expect(await vault().open(values[0])).toEqual({ status: 'erased', erasedAt: erasureDate });
  });

  it('leaves no key material in the tombstone rows', async () => {
    const citizenId = randomUUID();
    const v = vault();
    await v.seal({ citizenId }, 'a');
    await v.seal({ citizenId, agency: 'POLITI' }, 'b');
    await v.eraseSubject(citizenId, { agency: 'all' }, 'dpo-7', 'citizen-request');

    const rows = await keyRows(citizenId);
    expect(rows).toHaveLength(2);
    for (const row of rows) {
      expect(row).toMatchObject({
        wrapped_key: null,
        wrap_iv: null,
        wrap_tag: null,
        destroyed_at: erasureDate,
        destroyed_by: 'dpo-7',
        destroyed_reason: 'citizen-request',
      });
    }
  });

  it('after erasure, the table dumped as text holds none of the erased key bytes (wrapped or unwrapped)', async () => {
    const citizenId = randomUUID();
    const v = vault();
    await v.seal({ citizenId }, 'a');
    await v.seal({ citizenId, agency: 'POLITI' }, 'b');
    const before = await keyRows(citizenId);
    const secrets = before.flatMap((r) => {
      const dataKey = unwrapDataKey(
        r.key_id,
        { wrappedKey: r.wrapped_key!, iv: r.wrap_iv!, tag: r.wrap_tag!, masterKeyVersion: r.master_key_version! },
        mainConfig.masterKeyring,
      )!;
      return [r.wrapped_key!, r.wrap_iv!, r.wrap_tag!, dataKey];
    });
    const dumpAsText = async () => (await pool.query<{ dump: string }>(`SELECT string_agg(t::text, E'\\n') AS dump FROM privacy_data_keys t`)).rows[0].dump;
    const leaks = (dump: string) => secrets.filter((bytes) => dump.includes(bytes.toString('hex')) || dump.includes(bytes.toString('base64'))).length;

    expect(leaks(await dumpAsText())).toBe(6); // the check sees the wrapped material while it exists
    await v.eraseSubject(citizenId, { agency: 'all' }, 'dpo-1', 'citizen-request');
    const after = await dumpAsText();
    expect(after).toContain(citizenId);
    expect(leaks(after)).toBe(0);
  });

  it('database refuses a tombstone that still holds key material', async () => {
    const citizenId = randomUUID();
    await vault().seal({ citizenId }, 'a');
    await expect(pool.query('UPDATE privacy_data_keys SET destroyed_at = now() WHERE subject_id = $1', [citizenId])).rejects.toThrow(
      /privacy_data_keys_material_only_while_live/,
    );
  });

  it('erasure within this process takes effect at once even for cached keys', async () => {
    const citizenId = randomUUID();
    const v = vault();
    const sealed = await v.seal({ citizenId }, 'cached');
    expect((await v.open(sealed)).status).toBe('available');
    await v.eraseSubject(citizenId, { agency: 'all' }, 'dpo-1', 'citizen-request');
    expect(await v.open(sealed)).toEqual({ status: 'erased', erasedAt: erasureDate });
  });

  it('does not cache a key that was read before an erasure in this process but answered after it', async () => {
    const citizenId = randomUUID();
    const sealed = await vault().seal({ citizenId }, 'racing');
    const v = vault();
    let readAnswered!: () => void;
    let releaseRead!: () => void;
    const answered = new Promise<void>((resolve) => (readAnswered = resolve));
    const erasureDone = new Promise<void>((resolve) => (releaseRead = resolve));
    const realQuery = pool.query.bind(pool) as (text: string, values?: unknown[]) => Promise<unknown>;
    const delayedRead = async (text: string, values?: unknown[]) => {
      const result = await realQuery(text, values);
      readAnswered();
      await erasureDone;
      return result;
    };
    // eslint-disable-next-line @typescript-eslint/no-misused-promises, @typescript-eslint/no-unnecessary-type-assertion -- a stand-in for pool.query's promise form, which the overloads do not let through uncast
    const spy = jest.spyOn(pool, 'query').mockImplementationOnce(delayedRead as unknown as typeof pool.query);
    try {
      const racingOpen = v.open(sealed);
      await answered;
      await v.eraseSubject(citizenId, { agency: 'all' }, 'dpo-1', 'citizen-request');
      releaseRead();
      expect(await racingOpen).toEqual({ status: 'available', value: 'racing' });
    } finally {
      spy.mockRestore();
    }
    expect(await v.open(sealed)).toEqual({ status: 'erased', erasedAt: erasureDate });
  });

  it('another process sees an erasure once its cached key has outlived keyTtlMs', async () => {
    const citizenId = randomUUID();
    const reader = vault(mainConfig, { keyTtlMs: 300 });
    const sealed = await reader.seal({ citizenId }, 'cached elsewhere');
    expect((await reader.open(sealed)).status).toBe('available');
    await vault().eraseSubject(citizenId, { agency: 'all' }, 'dpo-1', 'citizen-request');
    await new Promise((resolve) => setTimeout(resolve, 350));
    expect(await reader.open(sealed)).toEqual({ status: 'erased', erasedAt: erasureDate });
  });

  it('seals new values for an erased subject under a new key version; the old values stay erased', async () => {
    const citizenId = randomUUID();
    const v = vault();
    const old = await v.seal({ citizenId, agency: 'POLITI' }, 'old police fact');
    await v.eraseSubject(citizenId, { agency: 'POLITI' }, 'system', 'retention-expired');
    const fresh = await v.seal({ citizenId, agency: 'POLITI' }, 'new police fact');
    expect(parseSealed(fresh)!.dataKeyId).toMatch(/~2$/);
    expect(await vault().openMany([old, fresh])).toEqual([
      { status: 'erased', erasedAt: erasureDate },
      { status: 'available', value: 'new police fact' },
    ]);
  });

  it('creates exactly one key when 20 vaults seal for a new citizen at once', async () => {
    const citizenId = randomUUID();
    const sealed = await Promise.all(Array.from({ length: 20 }, (_, i) => vault().seal({ citizenId }, `value ${i}`)));
    expect(await keyRows(citizenId)).toHaveLength(1);
    expect(new Set(sealed.map((s) => parseSealed(s)!.dataKeyId)).size).toBe(1);
    expect((await vault().openMany(sealed)).map((o) => (o.status === 'available' ? o.value : o.status))).toEqual(
      Array.from({ length: 20 }, (_, i) => `value ${i}`),
    );
  });

  it('creates exactly one key when 20 promises of one vault seal for a new citizen and agency at once', async () => {
    const citizenId = randomUUID();
    const v = vault();
    await Promise.all(Array.from({ length: 20 }, (_, i) => v.seal({ citizenId, agency: 'POLITI' }, `${i}`)));
    expect(await keyRows(citizenId)).toHaveLength(1);
  });

  it('after rotating the master key, old and new values open with only the new master key configured', async () => {
    const v1Only = configWith(`rot-v1:${masterKey(0x21)}`);
    const v2AndV1 = configWith(`rot-v2:${masterKey(0x22)},rot-v1:${masterKey(0x21)}`);
    const v2Only = configWith(`rot-v2:${masterKey(0x22)}`);
    const citizenId = randomUUID();
    const erasedCitizen = randomUUID();

    const old = [await vault(v1Only).seal({ citizenId }, 'sealed under v1'), await vault(v1Only).seal({ citizenId, agency: 'POLITI' }, 'police v1')];
    await vault(v1Only).seal({ citizenId: erasedCitizen }, 'to be erased');
    await vault(v1Only).eraseSubject(erasedCitizen, { agency: 'all' }, 'dpo-1', 'citizen-request');
    await expect(vault(v2Only).open(old[0])).rejects.toThrow(MasterKeyUnavailableError);

    const rotating = vault(v2AndV1);
    const result = await rotating.rotateMasterKey();
    expect(result.rewrapped).toBeGreaterThanOrEqual(2);
    expect(result.failedAuthentication).toBe(0);
    expect((await keyRows(citizenId)).map((r) => r.master_key_version)).toEqual(['rot-v2', 'rot-v2']);
    expect((await keyRows(erasedCitizen))[0]).toMatchObject({ wrapped_key: null, master_key_version: 'rot-v1' });
    expect((await rotating.rotateMasterKey()).rewrapped).toBe(0);

    const fresh = await vault(v2AndV1).seal({ citizenId }, 'sealed under v2');
    const reader = vault(v2Only);
    expect(await reader.openMany([...old, fresh])).toEqual([
      { status: 'available', value: 'sealed under v1' },
      { status: 'available', value: 'police v1' },
      { status: 'available', value: 'sealed under v2' },
    ]);
  });

  it('hashes a CPR number with the configured secret', () => {
    expect(vault().cprHash('010203-1234')).toBe(vault().cprHash('0102031234'));
    expect(vault().cprHash('010203-1234')).not.toBe(
      new PersonalDataVault(pool, { ...mainConfig, cprHmacSecret: parseCprHmacSecret('d'.repeat(64)) }).cprHash('0102031234'),
    );
  });
});
