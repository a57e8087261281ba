import { randomUUID } from 'node:crypto';
import type { Pool } from 'pg';

/**
 * The CPR lookup, outside the immutable log: keyed CPR hash -> the citizen's current case. The case
 * id itself is random (it says nothing about the person), and a citizen erasure deletes the row, so
 * afterwards the CPR leads nowhere and a new referral opens a new case.
 *
 * ## Two referrals of the same new citizen at once
 * The row is claimed before the case is opened, by an INSERT on the hash's primary key: of two
 * concurrent claims one inserts and the other waits on the key, finds the row and takes its case id.
 * Both referrals then go to the same case stream, where the store's no-stream check lets exactly one
 * open it and the decider records the other as a referral of that case. A claim whose opening then
 * is refused (not authorized, invalid) releases the row it created; a concurrent referral that read
 * the row and opened the case confirms it afterwards, putting it back. A crash between claim and
 * opening leaves a row pointing at a case not opened yet: the next referral of that citizen opens it
 * under that id.
 *
 * Table `citizen_case_lookup` (migration 1796545097955-citizen-case-lookup.ts).
 */
export class CitizenCaseLookup {
  constructor(private readonly pool: Pool) {}

  /** The citizen's case id: the current one, or a new random one claimed now (`created`). */
  async claim(cprHash: string): Promise<{ caseId: string; created: boolean }> {
    for (let attempt = 0; attempt < 5; attempt++) {
      const { rows } = await this.pool.query<{ case_id: string }>(
        `INSERT INTO citizen_case_lookup (cpr_hash, case_id, recorded_at) VALUES ($1, $2, now())
           ON CONFLICT (cpr_hash) DO NOTHING RETURNING case_id`,
        [cprHash, randomUUID()],
      );
      if (rows[0]) return { caseId: rows[0].case_id, created: true };
      const existing = await this.find(cprHash);
      // Gone between the two statements only if an erasure or a released claim deleted it: claim again.
      if (existing) return { caseId: existing, created: false };
    }
    throw new Error('the CPR lookup could not be claimed');
  }

  /**
   * A referral that claimed a new row and was then refused (not authorized, invalid): the row goes,
   * so a refused referral leaves nothing behind. A concurrent referral of the same citizen that read
   * the row and did open the case puts it back (`confirm`).
   */
  async release(cprHash: string, caseId: string): Promise<void> {
    await this.pool.query('DELETE FROM citizen_case_lookup WHERE cpr_hash = $1 AND case_id = $2', [cprHash, caseId]);
  }

  /** After a referral was recorded on the case: the row is there (again, if a refused concurrent claim released it). */
  async confirm(cprHash: string, caseId: string): Promise<void> {
    await this.pool.query(`INSERT INTO citizen_case_lookup (cpr_hash, case_id, recorded_at) VALUES ($1, $2, now()) ON CONFLICT DO NOTHING`, [cprHash, caseId]);
  }

  async find(cprHash: string): Promise<string | undefined> {
    const { rows } = await this.pool.query<{ case_id: string }>('SELECT case_id FROM citizen_case_lookup WHERE cpr_hash = $1', [cprHash]);
    return rows[0]?.case_id;
  }

  /** A citizen erasure: the CPR no longer leads to the case. Returns whether a row was deleted. */
  async forgetCase(caseId: string): Promise<boolean> {
    const result = await this.pool.query('DELETE FROM citizen_case_lookup WHERE case_id = $1', [caseId]);
    return (result.rowCount ?? 0) > 0;
  }
}
