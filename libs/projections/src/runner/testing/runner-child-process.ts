import { spawn, type ChildProcess } from 'node:child_process';
import { testDatabaseUrl } from '../../../../../test/support/test-database';

/** Starts `node <script> ...args` on the test run's database; resolves once it prints "started". */
export function startRunnerChild(script: string, args: string[]): Promise<ChildProcess> {
  const child = spawn(process.execPath, [script, ...args], {
    env: { ...process.env, DATABASE_URL: testDatabaseUrl() },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let errors = '';
  child.stderr?.on('data', (chunk: Buffer) => (errors += chunk.toString()));
  return new Promise((resolve, reject) => {
    child.stdout?.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('started')) resolve(child);
    });
    child.on('exit', (code, signal) => reject(new Error(`runner child exited (${code ?? signal}) before starting: ${errors}`)));
  });
}

/** SIGKILL: no handler runs, open transactions are cut off mid-way, as in a power loss. */
export async function killRunnerChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGKILL');
  await exited;
}
