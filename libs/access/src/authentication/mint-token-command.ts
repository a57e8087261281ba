import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from '@samvirke/platform/config/app-config';
import { loadAuthConfig } from './auth-config';
import { isRole, ROLES, type Role } from './claims';
import { mintToken } from './dev-tokens';

type Env = Record<string, string | undefined>;

export interface CommandOutput {
  write(text: string): unknown;
}

const USAGE =
  'usage: mint-token --user <id> --agency <code> --role <role> [--role <role>...] [--ttl <seconds>] [--name <display name>]\n' +
  `roles: ${ROLES.join(', ')}; --ttl defaults to 3600 (at most 86400)\n`;

class UsageError extends Error {}

function parse(argv: string[]) {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        user: { type: 'string' },
        agency: { type: 'string' },
        role: { type: 'string', multiple: true },
        ttl: { type: 'string' },
        name: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  if (values.help) return undefined;
  if (!values.user?.trim()) throw new UsageError('--user is required');
  if (!values.agency?.trim()) throw new UsageError('--agency is required');
  const roles = values.role ?? [];
  if (roles.length === 0) throw new UsageError('at least one --role is required');
  const unknown = roles.filter((role) => !isRole(role));
  if (unknown.length > 0) throw new UsageError(`unknown role "${unknown[0]}"`);
  const ttl = values.ttl === undefined ? 3600 : Number(values.ttl);
  if (!Number.isInteger(ttl) || ttl < 1 || ttl > 86_400) throw new UsageError('--ttl must be a whole number of seconds from 1 to 86400');
  return { user: values.user.trim(), agency: values.agency.trim(), roles: roles as Role[], ttl, name: values.name?.trim() };
}

/**
 * `mint-token`: prints a bearer token signed with the local dev key, for trying the API by hand.
 * It works only where the API itself would trust that key (never with NODE_ENV=production), so a
 * token it prints is one the local API accepts. Returns the process exit code.
 */
export async function runMintToken(argv: string[], env: Env, stdout: CommandOutput = process.stdout, stderr: CommandOutput = process.stderr): Promise<number> {
  let args;
  try {
    args = parse(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    stderr.write(`mint-token: ${error.message}\n${USAGE}`);
    return 64; // EX_USAGE
  }
  if (!args) {
    stdout.write(USAGE);
    return 0;
  }
  try {
    const config = loadAuthConfig(env, loadConfig(env).dataDir);
    if (!config.devKeys?.privateJwk) {
      stderr.write('mint-token: the API is configured with AUTH_JWKS_URL, so it would not accept a dev token; get a token from the identity provider\n');
      return 78; // EX_CONFIG
    }
    const token = await mintToken(config.devKeys.privateJwk, {
      sub: args.user,
      agency: args.agency,
      roles: args.roles,
      ttlSeconds: args.ttl,
      issuer: config.issuer,
      audience: config.audience,
      extra: args.name ? { name: args.name } : undefined,
    });
    stdout.write(`${token}\n`);
    return 0;
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    stderr.write(`mint-token: ${error.message}\n`);
    return 78;
  }
}
