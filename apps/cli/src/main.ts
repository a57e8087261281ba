import 'reflect-metadata';
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { runMintToken } from '@samvirke/access';
import { ConfigError, DatabaseUnreachableError } from '@samvirke/platform';
import { PrivacyConfigError } from '@samvirke/privacy';
import { READ_MODEL_PROJECTIONS } from '@samvirke/read-models';
import { runRebuild } from './commands/rebuild.command';
import { runReseal } from './commands/reseal.command';
import { runDemoSeed } from './commands/demo-seed.command';
import { runRotateKeys } from './commands/rotate-keys.command';
import { verifyCommand } from './commands/verify.command';
import { runRetention } from './commands/retention.command';
import { ERASURE_REASONS, runErase } from './commands/erase.command';
import { runMigrate } from './commands/migrate.command';
import { runImportHistory } from './commands/import-history/import-history.command';
import { runBackup } from './commands/backup/backup.command';
import { runRestore } from './commands/backup/restore.command';

/**
 * `npm run cli -- <command> [options]` (`npm run -s cli -- ...` when the output goes into `$(...)`:
 * without -s npm prints its own banner first). commander parses the options, answers `--help` for the
 * program and for each command, and names what was wrong with a bad option in one line. Each command
 * lives in ./commands and returns its exit code (sysexits: 64 usage, 65 refused, 69 database
 * unreachable, 78 configuration).
 */
const EXIT_USAGE = 64;
const EXIT_UNAVAILABLE = 69;
const EXIT_CONFIG = 78;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function uuid(value: string): string {
  if (!UUID.test(value)) throw new InvalidArgumentError('Expected a case id (a UUID like 0b6f2c1e-3d4a-4f5b-8c9d-0e1f2a3b4c5d).');
  return value.toLowerCase();
}

function wholeNumber(min: number, max: number): (value: string) => number {
  return (value) => {
    if (!/^\d{1,9}$/.test(value) || Number(value) < min || Number(value) > max)
      throw new InvalidArgumentError(`Expected a whole number from ${min} to ${max}.`);
    return Number(value);
  };
}

function instant(value: string): Date {
  const date = new Date(value);
  if (!/^\d{4}-\d{2}-\d{2}/.test(value) || Number.isNaN(date.getTime()))
    throw new InvalidArgumentError('Expected an ISO date or instant, like 2031-01-01T00:00:00Z.');
  return date;
}

function nonEmpty(value: string): string {
  if (!value.trim()) throw new InvalidArgumentError('Expected a value that is not empty.');
  return value.trim();
}

export function buildProgram(setExitCode: (code: number) => void): Command {
  const program = new Command('npm run cli --')
    .description(
      "Samvirke operator commands. The database is the API's: DATABASE_URL, else the embedded PostgreSQL under DATA_DIR (the running one when `npm start` runs).",
    )
    .usage('<command> [options]')
    .showHelpAfterError('(add --help for the options)')
    .showSuggestionAfterError()
    .exitOverride()
    // Subcommands share this output configuration (commander copies it by reference), so the prefix
    // names the command from the command line.
    .configureOutput({
      outputError: (text, write) => {
        const name = process.argv[2];
        const command = name && program.commands.some((c) => c.name() === name) ? ` ${name}` : '';
        write(`samvirke${command}: ${text.replace(/^error: /, '')}`);
      },
    });

  program
    .command('mint-token')
    .summary('print a development token the local API trusts')
    .description(
      'Print a development token the local API trusts: --user ID --agency CODE --role ROLE [--role ROLE] [--ttl SECONDS] [--name NAME]. Only the token goes to stdout, so use `npm run -s cli -- mint-token ...` inside $(...).',
    )
    // Its options are parsed (and its --help answered) by the access library's own command.
    .helpOption(false)
    .allowUnknownOption()
    .argument('[options...]')
    .action(async (args: string[]) => setExitCode(await runMintToken(args, process.env)));

  const projectionNames = READ_MODEL_PROJECTIONS.map((projection) => projection.name);
  program
    .command('migrate')
    .summary('apply the pending database migrations and print each one')
    .description(
      'Apply the pending database migrations (libs/migrations), the ones the API and the worker run at start, in one transaction, and print each one applied. Beside a starting API or worker they take turns; a second run applies nothing.',
    )
    .action(async () => setExitCode(await runMigrate()));

  program
    .command('projections:rebuild')
    .summary('rebuild a read model from position 0 while the old copy keeps serving')
    .description('Rebuild a read model from position 0 while the running API keeps serving the old copy, then swap them.')
    .addArgument(new Command().createArgument('<name>', 'the read model, or all').choices([...projectionNames, 'all']))
    .option('--batch-size <n>', 'events per batch', wholeNumber(1, 100_000), 2_000)
    .action(async (name: string, options: { batchSize: number }) => setExitCode(await runRebuild(name, options.batchSize)));

  program
    .command('verify')
    .summary('check the hash chain of one case or of the whole store')
    .description(
      'Recompute the hash chain of one case or of the whole store. Prints OK, or the first broken link (exit 1); a case that does not exist exits 1.',
    )
    .option('--case <uuid>', 'only this case', uuid)
    .action(async (options: { case?: string }) => setExitCode(await verifyCommand({ caseId: options.case })));

  program
    .command('reseal-identities')
    .summary('rewrite old CaseOpened events (CPR hash, birth date, district in clear) sealed; a store with no production data only')
    .description(
      "Rewrite the event store's old CaseOpened events through the upcaster: the keyed CPR hash removed, birth date and district sealed under the citizen's key (dropped for an erased citizen), the streams' hashes re-chained and the whole chain verified afterwards. Only for a store with no production data, with the API and the worker stopped: it replaces the log's tamper evidence with a new chain.",
    )
    .option('--confirm-no-production-data', 'confirm that the store holds no production data (required)')
    .action(async (options: { confirmNoProductionData?: boolean }) => setExitCode(await runReseal(options.confirmNoProductionData === true)));

  program
    .command('retention')
    .summary('erase what has expired under RETENTION_POLICY')
    .description(
      'Erase what has expired under RETENTION_POLICY (never under a legal hold). Ends with a one-line summary; --details prints the report as JSON first.',
    )
    .option('--dry-run', 'change nothing; say what would be erased')
    .option('--now <iso>', 'evaluate the periods at this instant instead of now', instant)
    .option('--details', 'print the full report (case ids and scopes) as JSON before the summary')
    .action(async (options: { dryRun?: boolean; now?: Date; details?: boolean }) =>
      setExitCode(await runRetention({ dryRun: options.dryRun === true, now: options.now ?? new Date(), details: options.details === true })),
    );

  program
    .command('erase')
    .summary("crypto-shred a citizen or one agency's contributions to a case")
    .description(
      "Crypto-shred a citizen (or one agency's contributions), recording who, when and why. Repeat with the same --idempotency-key to finish an erasure whose key destruction failed.",
    )
    .requiredOption('--case <uuid>', 'the case', uuid)
    .requiredOption('--scope <scope>', 'citizen, or an agency code', nonEmpty)
    .addOption(new Option('--reason <reason>', 'why').choices([...ERASURE_REASONS]).makeOptionMandatory())
    .requiredOption('--by <user>', 'who orders it', nonEmpty)
    .option('--idempotency-key <key>', 'makes a retry safe', nonEmpty)
    .action(async (options: { case: string; scope: string; reason: (typeof ERASURE_REASONS)[number]; by: string; idempotencyKey?: string }) =>
      setExitCode(
        await runErase({ caseId: options.case, scope: options.scope, reason: options.reason, by: options.by, idempotencyKey: options.idempotencyKey }),
      ),
    );

  program
    .command('backup')
    .summary('write the whole database to one file (a consistent snapshot, while the API runs)')
    .description(
      'Write every table (events, keys, audit log, read models with their checkpoints) to FILE, a gzipped tar with a manifest (migration, transaction-id high-water, row counts, sha256 per table), read in one snapshot while the API keeps writing. Works against a server and the embedded PostgreSQL; needs no pg_dump.',
    )
    .argument('<file>', 'the backup file to create (.tar.gz); an existing file is not overwritten')
    .action(async (file: string) => setExitCode(await runBackup(file)));

  program
    .command('restore')
    .summary('restore a backup into an empty database (stop the API first)')
    .description(
      "Restore FILE (from `backup`) into the configured database: checks every table's sha256 first, advances the transaction-id counter past the backup's high-water, recreates the schema at the backup's migration, loads the rows, then applies newer migrations. Refuses a database holding events, keys or audit entries unless --force, which replaces it. Stop the API and workers first.",
    )
    .argument('<file>', 'the backup file')
    .option('--force', 'replace a database that holds data')
    .action(async (file: string, options: { force?: boolean }) => setExitCode(await runRestore(file, { force: options.force === true })));

  program
    .command('rotate-keys')
    .summary('re-wrap every data key under the active master key')
    .description('Re-wrap every data key under the active master key (the first in MASTER_KEYS).')
    .action(async () => setExitCode(await runRotateKeys()));

  program
    .command('demo-seed')
    .summary('fill the store with a synthetic Copenhagen case load (no real people)')
    .description('Fill the store with a synthetic Copenhagen case load (no real people). Running it again with the same seed adds nothing.')
    .option('--cases <n>', 'how many cases', wholeNumber(1, 100_000), 300)
    .option('--seed <n>', 'the random seed', wholeNumber(0, 999_999_999), 1)
    .action(async (options: { cases: number; seed: number }) => setExitCode(await runDemoSeed(options)));

  program
    .command('import-history')
    .summary('import historical cases from CSV or JSON through the case rules (resumable)')
    .description(
      'Import historical cases from FILE (.csv or .json: one row per case command, see README "Importing history") through the same rules as the API, as the history-import system caller (no per-user rate limit). A rerun of the same file skips what is in the store. Prints a progress bar on stderr, then a summary and the refused rows (where, command, reason, field); exit 65 when some were refused.',
    )
    .argument('<file>', 'the history file (.csv or .json)')
    .option('--report <file>', 'also write every refused row to this file as JSON')
    .option('--concurrency <n>', 'citizens imported at the same time', wholeNumber(1, 32), 4)
    .action(async (file: string, options: { report?: string; concurrency: number }) =>
      setExitCode(await runImportHistory({ file, report: options.report, concurrency: options.concurrency })),
    );

  // Every command takes exactly the options it lists: a stray word is a mistake worth naming.
  for (const command of program.commands) if (command.name() !== 'mint-token') command.allowExcessArguments(false);
  return program;
}

async function main(): Promise<number> {
  let exitCode = 0;
  const program = buildProgram((code) => (exitCode = code));
  if (process.argv.length <= 2) {
    program.outputHelp();
    return 0;
  }
  try {
    await program.parseAsync(process.argv);
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : EXIT_USAGE;
    throw error;
  }
  return exitCode;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    const code =
      error instanceof ConfigError || error instanceof PrivacyConfigError ? EXIT_CONFIG : error instanceof DatabaseUnreachableError ? EXIT_UNAVAILABLE : 1;
    process.stderr.write(`samvirke: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(code);
  },
);
