import { Pool } from 'pg';
import { loadConfig, openDatabase } from '@samvirke/platform';
import { caseStreamId } from '@samvirke/case/application/case-identity';
import { verifyAll, verifyStream, type VerificationResult } from '@samvirke/audit/tamper-evidence/hash-chain-verification';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface VerifyOutput {
  out: (line: string) => void;
  err: (line: string) => void;
}

/**
 * `verify [--case <uuid>]` with the arguments as words (the hash-chain tests call it so): checks them
 * and runs verifyCommand. Exit 64 on bad arguments.
 */
export async function runVerify(args: string[], options: { connectionString?: string; output?: VerifyOutput } = {}): Promise<number> {
  const output = options.output ?? standardOutput;
  let caseId: string | undefined;
  for (let i = 0; i < args.length; i += 1) {
    if (args[i] === '--case' && UUID.test(args[i + 1] ?? '')) caseId = args[++i].toLowerCase();
    else {
      output.err('usage: verify [--case <case uuid>]');
      return 64;
    }
  }
  return verifyCommand({ caseId }, options);
}

const standardOutput: VerifyOutput = { out: (line) => process.stdout.write(`${line}\n`), err: (line) => process.stderr.write(`${line}\n`) };

/**
 * Recomputes the event store's hash chain (one case, or every stream) and prints OK or the first
 * broken link. Exit 0 when intact, 1 when broken or when the case is not in the store (an OK for a
 * case id with a typo would read as "this case is intact"). `connectionString` is for tests;
 * otherwise the database resolves like the API's, using the API's running embedded one.
 */
export async function verifyCommand(
  request: { caseId: string | undefined },
  options: { connectionString?: string; output?: VerifyOutput } = {},
): Promise<number> {
  const output = options.output ?? standardOutput;
  const { caseId } = request;
  const database = options.connectionString ? undefined : await openDatabase(loadConfig(process.env), undefined, { role: 'command' });
  const pool = new Pool({ connectionString: options.connectionString ?? database?.connectionString, max: 2 });
  try {
    const result: VerificationResult = caseId ? await verifyStream(pool, caseStreamId(caseId)) : await verifyAll(pool, { batchSize: 500 });
    if (result.ok && caseId && result.eventsChecked === 0) {
      output.err(`verify: no case ${caseId} in the event store`);
      return 1;
    }
    if (result.ok) {
      output.out(`OK: ${result.eventsChecked} events verified${caseId ? ` in case ${caseId}` : ''}`);
      return 0;
    }
    const broken = result.firstBroken;
    output.out(
      `BROKEN: ${broken?.problem} in stream ${broken?.streamId} at revision ${broken?.revision ?? '-'} ` +
        `(event ${broken?.eventId ?? '-'}, type ${broken?.eventType ?? '-'}, global position ${broken?.globalPosition ?? '-'}); ${result.eventsChecked} events checked`,
    );
    return 1;
  } finally {
    await pool.end();
    await database?.close();
  }
}
