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
 * fails (an invalid referral, a crash) leaves a row that points at a case not opened yet: the next
 * referral of that citizen opens it under that id. Such a row is never deleted here, because another
 * referral may be about to open its case.
 *
 * Table `citizen_case_lookup` (migration 1796545097955-citizen-case-lookup.ts).
 */
export class CitizenCaseLookup {
  constructor(private readonly pool: Pool) {}

  /** The citizen's case id: the current one, or a new random one claimed now. */
  async claim(cprHash: string): Promise<string> {
    for (let attempt = 0; attempt < 5; attempt++) {
      const { rows } = await this.pool.query<{ case_id: string }>(
        `INSERT INTO citizen_case_lookup (cpr_hash, case_id, recorded_at) VALUES ($1, $2, now())
           ON CONFLICT (cpr_hash) DO NOTHING RETURNING case_id`,
        [cprHash, randomUUID()],
      );
      if (rows[0]) return rows[0].case_id;
      const existing = await this.find(cprHash);
      // Gone between the two statements only if an erasure deleted it: claim again.
      if (existing) return existing;
    }
    throw new Error('the CPR lookup could not be claimed');
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
