import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { baseEnv } from '../support/api-process';
import { runCli } from '../support/cli-process';
import { testDatabaseUrl } from '../support/test-database';
import { createOwnDatabase } from '../support/own-database';
import { migrateDatabase } from '@samvirke/migrations';

/** The CLI as the README shows it: help, what a mistake says, and answers that mean what they say. */
describe('the CLI', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'samvirke-cli-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));
  // The tables, as the API makes them at start, so verify (which changes nothing) has a store to look in.
  beforeAll(() => migrateDatabase(testDatabaseUrl()));
  const env = () => ({ ...baseEnv(), DATA_DIR: dataDir, DATABASE_URL: testDatabaseUrl() });

  it('answers --help with every command, and exit 0', async () => {
    const result = await runCli(['--help'], env());
    expect(result.code).toBe(0);
    for (const command of ['mint-token', 'migrate', 'verify', 'retention', 'erase', 'rotate-keys', 'projections:rebuild', 'demo-seed'])
      expect(result.stdout).toContain(command);
  });

  it.each([
    ['migrate', 'Apply the pending'],
    ['verify', '--case'],
    ['retention', '--dry-run'],
    ['erase', '--reason'],
    ['demo-seed', '--cases'],
    ['mint-token', '--agency'],
  ])('answers %s --help with its options', async (command, option) => {
    const result = await runCli([command, '--help'], env());
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(option);
  });

  it.each([
    ['an unknown option', ['verify', '--cas', randomUUID()], /unknown option '--cas'/],
    ['a case id that is not a UUID', ['verify', '--case', 'nope'], /--case <uuid>.*invalid.*UUID/],
    ['a missing required option', ['erase', '--case', randomUUID()], /required option '--scope/],
    ['an unknown command', ['verfy'], /unknown command 'verfy'/],
  ])('names what was wrong with %s (exit 64)', async (_name, args, message) => {
    const result = await runCli(args, env());
    expect(result.code).toBe(64);
    expect(result.stderr.split('\n')[0]).toMatch(message);
  });

  it('migrates a fresh database with `migrate`, printing each migration, and applies nothing the second time', async () => {
    const database = await createOwnDatabase('cli_migrate');
    try {
      const ownEnv = { ...env(), DATABASE_URL: database.url };
      const first = await runCli(['migrate'], ownEnv);
      expect(first.code).toBe(0);
      const applied = first.stdout.trim().split('\n');
      expect(applied[0]).toBe('applied EventStore1764547200001');
      expect(applied.length).toBeGreaterThanOrEqual(11);
      for (const line of applied) expect(line).toMatch(/^applied [A-Za-z]+\d{13}$/);
      const second = await runCli(['migrate'], ownEnv);
      expect(second.code).toBe(0);
      expect(second.stdout).toBe(`nothing to apply: all ${applied.length} migrations are applied\n`);
    } finally {
      await database.drop();
    }
  });

  it('says a case is not in the store when asked to verify it, and exits 1', async () => {
    const result = await runCli(['verify', '--case', randomUUID()], env());
    expect(result.code).toBe(1);
    expect(result.stdout).not.toMatch(/^OK/m);
    expect(result.stderr).toMatch(/no case [0-9a-f-]{36} in the event store/);
  });

  it('ends retention --dry-run with a one-line summary, and prints the list only with --details', async () => {
    const summary = await runCli(['retention', '--dry-run'], env());
    expect(summary.code).toBe(0);
    const lines = summary.stdout.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(
      /^retention \(dry run\) at \S+: \d+ cases checked; would erase \d+ scopes? in \d+ cases; \d+ scopes? held by a legal hold; \d+ closed cases kept for now; 0 failed$/,
    );
    const details = await runCli(['retention', '--dry-run', '--details'], env());
    expect(details.code).toBe(0);
    expect(details.stdout).toContain('"dryRun": true');
    expect(details.stdout.trim().split('\n').at(-1)).toMatch(/^retention \(dry run\)/);
  });

  it("runs the README's token example verbatim: the variable holds only the token", () => {
    const readme = readFileSync(join(__dirname, '..', '..', 'README.md'), 'utf8');
    const line = readme.split('\n').find((l) => /^TOKEN=\$\(npm run .*mint-token .*\)$/.test(l.trim()));
    expect(line).toBeDefined();
    const cleanEnv: Record<string, string> = {};
    for (const [key, value] of Object.entries(env())) if (value !== undefined && !key.startsWith('npm_')) cleanEnv[key] = value;
    const printed = execFileSync('bash', ['-c', `${line!.trim()}\nprintf '%s' "$TOKEN"`], {
      cwd: join(__dirname, '..', '..'),
      env: cleanEnv,
      encoding: 'utf8',
    });
    expect(printed).toMatch(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/);
  }, 60_000);
});
