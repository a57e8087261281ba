import 'reflect-metadata';
import { runMintToken } from '@samvirke/access';
import { ConfigError } from '@samvirke/platform';
import { PrivacyConfigError } from '@samvirke/privacy';
import { runRebuild } from './commands/rebuild.command';
import { runDemoSeed } from './commands/demo-seed.command';
import { runRotateKeys } from './commands/rotate-keys.command';
import { runVerify } from './commands/verify.command';
import { runRetention } from './commands/retention.command';
import { runErase } from './commands/erase.command';

/**
 * `npm run cli -- <command> [options]`. Each command lives in ./commands and returns an exit code.
 * Commands that need the database resolve it like the API: DATABASE_URL, else the embedded one.
 */
type Command = (args: string[]) => Promise<number>;

const commands: Record<string, { summary: string; run: Command }> = {
  'mint-token': {
    summary: 'print a development token: --user ID --agency CODE --role ROLE [--role ROLE] [--ttl SECONDS]',
    run: (args) => runMintToken(args, process.env),
  },
  'projections:rebuild': {
    summary: 'rebuild a read model from position 0 while the old copy keeps serving: NAME|all [--batch-size N]',
    run: runRebuild,
  },
  verify: {
    summary: 'check the hash chain of one case or the whole store and name the first broken link: [--case <uuid>]',
    run: (args) => runVerify(args),
  },
  retention: {
    summary: 'erase what has expired under RETENTION_POLICY and print the report: [--dry-run] [--now ISO]',
    run: (args) => runRetention(args),
  },
  erase: {
    summary: 'erase a citizen or one agency scope: --case UUID --scope citizen|AGENCY --reason REASON --by USER',
    run: (args) => runErase(args),
  },
  'rotate-keys': {
    summary: 're-wrap every data key under the active master key (the first in MASTER_KEYS)',
    run: () => runRotateKeys(),
  },
  'demo-seed': {
    summary: 'fill the store with a synthetic Copenhagen case load: [--cases N] [--seed N]',
    run: runDemoSeed,
  },
};

async function main(): Promise<number> {
  const [name, ...args] = process.argv.slice(2);
  const command = name ? commands[name] : undefined;
  if (!command) {
    process.stderr.write(`usage: npm run cli -- <command>\n${Object.entries(commands).map(([n, c]) => `  ${n.padEnd(22)} ${c.summary}`).join('\n')}\n`);
    return name ? 64 : 0;
  }
  return command.run(args);
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    const known = error instanceof ConfigError || error instanceof PrivacyConfigError;
    process.stderr.write(`samvirke: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(known ? 78 : 1);
  },
);
