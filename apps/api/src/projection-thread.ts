import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';

/** apps/worker, compiled beside the API (dist/apps/worker/src/main.js). */
const WORKER_MAIN = join(__dirname, '..', '..', 'worker', 'src', 'main.js');

interface ThreadLogger {
  info(object: object, message: string): void;
  error(object: object, message: string): void;
}

/**
 * Where `npm start` runs the projections: with PROJECTIONS_IN_API unset and apps/worker compiled
 * beside the API, in a worker thread of the API process (apps/worker's own code), so they never
 * wait for turns on the request event loop (bench/README.md: lag p99 0.5 s in the loop, 30-50 ms
 * apart). PROJECTIONS_IN_API=true keeps them on the request loop, false leaves them to a worker
 * process the operator runs. Sets PROJECTIONS_IN_API=false for the API itself when the thread is chosen.
 */
export function projectionsInThread(env: NodeJS.ProcessEnv = process.env): boolean {
  if (env.PROJECTIONS_IN_API !== undefined || !existsSync(WORKER_MAIN)) return false;
  env.PROJECTIONS_IN_API = 'false';
  return true;
}

/** A running projection thread: restarted after a crash (1 s later) until `stop`. */
export class ProjectionThread {
  private worker: Worker | undefined;
  private stopping = false;

  constructor(
    private readonly env: NodeJS.ProcessEnv,
    private readonly logger: ThreadLogger,
  ) {}

  start(): void {
    const worker = new Worker(WORKER_MAIN, { env: { ...this.env }, argv: [], stdout: false, stderr: false });
    this.worker = worker;
    worker.on('error', (error) => this.logger.error({ err: error }, 'projection thread failed'));
    worker.on('exit', (code) => {
      if (this.worker === worker) this.worker = undefined;
      if (this.stopping) return;
      this.logger.error({ code }, 'projection thread ended; starting it again in 1 s');
      setTimeout(() => {
        if (!this.stopping) this.start();
      }, 1_000).unref();
    });
    this.logger.info({ threadId: worker.threadId }, 'projections running in a worker thread');
  }

  /** Asks the thread to finish its batch and stop; ends it after `timeoutMs` otherwise. */
  async stop(timeoutMs = 5_000): Promise<void> {
    this.stopping = true;
    const worker = this.worker;
    if (!worker) return;
    const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
    worker.postMessage('stop');
    const timer = setTimeout(() => void worker.terminate(), timeoutMs);
    await exited;
    clearTimeout(timer);
  }
}
