import { spawn } from 'node:child_process';
import { join } from 'node:path';

/** The built CLI (dist/), as `npm run cli` runs it. */
export const CLI_MAIN = join(__dirname, '..', '..', 'dist', 'apps', 'cli', 'src', 'main.js');

/** Runs the built CLI as `npm run cli -- ...` does, and collects what it printed. */
export function runCli(
  args: string[],
  env: Record<string, string | undefined>,
  timeoutMs = 120_000,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const cleanEnv: Record<string, string> = {};
  for (const [key, value] of Object.entries(env)) if (value !== undefined) cleanEnv[key] = value;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI_MAIN, ...args], { env: cleanEnv, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`cli ${args.join(' ')} did not finish within ${timeoutMs} ms\n${stderr}`));
    }, timeoutMs);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}
