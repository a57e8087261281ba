import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadAuthConfig } from './auth-config';
import { runMintToken } from './mint-token-command';
import { TokenVerifier } from './token-verifier';

describe('mint-token command', () => {
  let dataDir: string;
  let out: string;
  let err: string;
  const stdout = { write: (text: string) => (out += text) };
  const stderr = { write: (text: string) => (err += text) };

  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'samvirke-mint-'));
    out = '';
    err = '';
  });
  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

  it('prints a token the API, configured the same way, accepts', async () => {
    const env = { DATA_DIR: dataDir };
    const code = await runMintToken(
      ['--user', 'ida', '--agency', 'BIF', '--role', 'coordinator', '--role', 'auditor', '--ttl', '120', '--name', 'Ida Holm'],
      env,
      stdout,
      stderr,
    );
    expect({ code, err }).toEqual({ code: 0, err: '' });
    const user = await TokenVerifier.fromConfig(loadAuthConfig(env, dataDir)).verify(out.trim());
    expect(user).toEqual({ userId: 'ida', agency: 'BIF', roles: ['coordinator', 'auditor'], displayName: 'Ida Holm' });
  });

  it('refuses unknown roles and missing arguments with a usage line', async () => {
    expect(await runMintToken(['--user', 'ida', '--agency', 'BIF', '--role', 'root'], { DATA_DIR: dataDir }, stdout, stderr)).toBe(64);
    expect(err).toContain('unknown role "root"');
    expect(await runMintToken(['--user', 'ida', '--role', 'auditor'], { DATA_DIR: dataDir }, stdout, stderr)).toBe(64);
    expect(await runMintToken(['--user', 'ida', '--agency', 'BIF', '--role', 'auditor', '--ttl', '0'], { DATA_DIR: dataDir }, stdout, stderr)).toBe(64);
    expect(out).toBe('');
  });

  it('refuses to mint in production', async () => {
    const env = { DATA_DIR: dataDir, NODE_ENV: 'production', AUTH_TRUST_DEV_KEYS: 'true' };
    expect(await runMintToken(['--user', 'ida', '--agency', 'BIF', '--role', 'auditor'], env, stdout, stderr)).toBe(78);
    expect(err).toContain('AUTH_TRUST_DEV_KEYS');
    expect(out).toBe('');
  });

  it('refuses to mint when the API trusts a remote JWKS instead', async () => {
    const env = { DATA_DIR: dataDir, AUTH_JWKS_URL: 'https://idp.example/certs' };
    expect(await runMintToken(['--user', 'ida', '--agency', 'BIF', '--role', 'auditor'], env, stdout, stderr)).toBe(78);
    expect(err).toContain('AUTH_JWKS_URL');
    expect(out).toBe('');
  });
});
