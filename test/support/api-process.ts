import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';

/** The built API (dist/) as a child process, as `npm start` runs it. */
export const API_MAIN = join(__dirname, '..', '..', 'dist', 'apps', 'api', 'src', 'main.js');

export interface ApiProcess {
  child: ChildProcess;
  output: () => string;
  errorOutput: () => string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

export function startApiProcess(env: Record<string, string | undefined>): ApiProcess {
  const cleanEnv: Record<string, string> = {};
  for (const [key, value] of Object.entries(env)) if (value !== undefined) cleanEnv[key] = value;
  const child = spawn(process.execPath, [API_MAIN], { env: cleanEnv, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  let errorOutput = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
    errorOutput += chunk.toString();
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal })),
  );
  return { child, output: () => output, errorOutput: () => errorOutput, exited };
}

export async function waitForHttp(url: string, timeoutMs: number, process?: ApiProcess): Promise<Response> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  let exited = false;
  void process?.exited.then(() => (exited = true));
  while (Date.now() < deadline && !exited) {
    try {
      const response = await fetch(url);
      if (response.ok) return response;
      lastError = new Error(`status ${response.status}`);
    } catch (error) {
      lastError = error;
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`${url} did not answer 200 within ${timeoutMs} ms (${String(lastError)})`);
}

/** The environment of this process minus the variables that would point the child elsewhere. */
export function baseEnv(): Record<string, string | undefined> {
  const env: Record<string, string | undefined> = { ...process.env };
  for (const key of ['DATABASE_URL', 'PORT', 'DATA_DIR', 'EVENTSTORE_CONNECTION_STRING', 'TEST_SERVER_DATABASE_URL']) delete env[key];
  return env;
}
