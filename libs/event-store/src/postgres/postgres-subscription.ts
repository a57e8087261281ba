import type { Client } from 'pg';
import type { SubscribeOptions, Subscription } from '../port';
import { comparePositions, type GlobalPosition } from '../position';
import type { PostgresEventStore } from './postgres-event-store';

interface SubscriptionSettings {
  pollIntervalMs: number;
  liveBatchWindowMs: number;
  createListener: () => Client;
}

/**
 * Catch-up-then-live subscription to the global log.
 *
 * It always reads with `readAll` (the gap-free read, see schema.ts); notifications only say "look
 * now". A notification can arrive before the new event is below the xmin horizon (an older
 * transaction is still open), so after a notification that yields nothing it looks again soon, with
 * growing delays, and polling every `pollIntervalMs` covers lost notifications and a dropped LISTEN
 * connection. Batches are handed over one at a time: the next read waits for `onBatch` to finish.
 */
export class PostgresSubscription implements Subscription {
  readonly caughtUp: Promise<void>;
  readonly stopped: Promise<void>;
  private resolveCaughtUp!: () => void;
  private resolveStopped!: () => void;
  private checkpoint: GlobalPosition | undefined;
  private running = true;
  private notified = false;
  private wakeUp: (() => void) | undefined;
  private notificationEndsSleep = true;
  private listener: Client | undefined;
  private listenerRetry: NodeJS.Timeout | undefined;

  constructor(
    private readonly store: PostgresEventStore,
    private readonly options: SubscribeOptions,
    private readonly settings: SubscriptionSettings,
  ) {
    this.checkpoint = options.after;
    this.caughtUp = new Promise((resolve) => (this.resolveCaughtUp = resolve));
    this.stopped = new Promise((resolve) => (this.resolveStopped = resolve));
  }

  get position(): GlobalPosition | undefined {
    return this.checkpoint;
  }

  start(): void {
    void this.listen();
    void this.run();
  }

  async stop(): Promise<void> {
    if (!this.running) return this.stopped;
    this.running = false;
    this.wake();
    return this.stopped;
  }

  private wake(): void {
    const wakeUp = this.wakeUp;
    this.wakeUp = undefined;
    wakeUp?.();
  }

  private async listen(): Promise<void> {
    if (!this.running) return;
    const client = this.settings.createListener();
    this.listener = client;
    const reconnect = () => {
      if (this.listener !== client) return;
      this.listener = undefined;
      client.end().catch(() => undefined);
      // Polling keeps delivering meanwhile; LISTEN is only the fast path.
      if (this.running) this.listenerRetry = setTimeout(() => void this.listen(), 1_000);
    };
    client.on('error', reconnect);
    client.on('end', reconnect);
    client.on('notification', () => {
      this.notified = true;
      if (this.notificationEndsSleep) this.wake();
    });
    try {
      await client.connect();
      await client.query('LISTEN es_appended');
      if (!this.running) await client.end();
    } catch {
      reconnect();
    }
  }

  /** Sleeps `ms`; stop always ends it early, a notification only when `wakeOnNotification`. */
  private sleep(ms: number, wakeOnNotification: boolean): Promise<void> {
    this.notificationEndsSleep = wakeOnNotification;
    return new Promise<void>((resolve) => {
      const timer = setTimeout(() => {
        this.wakeUp = undefined;
        resolve();
      }, ms);
      this.wakeUp = () => {
        clearTimeout(timer);
        resolve();
      };
      if (!this.running || (wakeOnNotification && this.notified)) this.wake();
    });
  }

  private async run(): Promise<void> {
    const batchSize = this.options.batchSize ?? 500;
    let catchUpTarget: GlobalPosition | undefined;
    let caughtUp = false;
    let retryDelay = 2;
    try {
      catchUpTarget = await this.store.committedHeadPosition();
      let lastLiveRead = 0;
      while (this.running) {
        if (caughtUp) {
          // Every batch costs its consumer a transaction and a few statements whatever its size;
          // waiting out the window lets the appends of the meantime share one.
          const wait = lastLiveRead + this.settings.liveBatchWindowMs - Date.now();
          if (wait > 0) await this.sleep(wait, false);
          if (!this.running) break;
          lastLiveRead = Date.now();
        }
        this.notified = false;
        const page = await this.store.readAll({
          after: this.checkpoint,
          maxCount: batchSize,
          streamPrefixes: this.options.streamPrefixes,
        });
        if (page.events.length > 0) {
          if (!this.running) break;
          await this.options.onBatch(page.events, page.nextAfter as GlobalPosition);
          this.checkpoint = page.nextAfter;
          retryDelay = 2;
        }
        if (!caughtUp && comparePositions(this.checkpoint, catchUpTarget) >= 0) {
          caughtUp = true;
          this.resolveCaughtUp();
        }
        if (page.events.length === batchSize) continue;
        if (!caughtUp && page.events.length === 0 && catchUpTarget !== undefined) {
          // Filtered subscriptions may never reach the unfiltered head: nothing of ours is left
          // before it once a read past our checkpoint comes back empty with the horizon beyond it.
          const head = await this.store.headPosition();
          if (comparePositions(head, catchUpTarget) >= 0) {
            caughtUp = true;
            this.resolveCaughtUp();
          }
        }
        const pending = this.notified || page.events.length > 0 || !caughtUp;
        const delay = pending ? retryDelay : this.settings.pollIntervalMs;
        if (pending) retryDelay = Math.min(retryDelay * 2, this.settings.pollIntervalMs);
        await this.sleep(delay, true);
      }
    } catch (error) {
      this.running = false;
      this.options.onError?.(error);
    } finally {
      this.running = false;
      if (this.listenerRetry) clearTimeout(this.listenerRetry);
      const listener = this.listener;
      this.listener = undefined;
      await listener?.end().catch(() => undefined);
      this.resolveCaughtUp();
      this.resolveStopped();
    }
  }
}
