/**
 * A catch-up-then-live subscription to $all, batched, with backpressure and reconnection.
 *
 * Ordering and exactly-once hand-off: events reach `onBatch` strictly in log order; the checkpoint
 * of a batch is the position of its last event, and after a dropped connection the feed is reopened
 * from the last checkpoint *delivered* (never from events merely received), so an event is neither
 * skipped nor handed over twice by one subscription. Events at or before the last delivered
 * position are dropped defensively, whatever the server's start semantics.
 *
 * Backpressure: the feed is paused while `onBatch` runs; the client's gRPC stream then stops being
 * read once its small buffer is full, so a slow projection holds back the server, not our memory.
 *
 * Caught up: EventStoreDB 23.10+ sends a caught-up signal on subscriptions. The signal is processed
 * when the client *parses* it, while events before it may still sit in the feed's readable buffer; so
 * the count of events ahead of the signal is taken then (`received + readableLength`) and `caughtUp`
 * resolves once that many have been delivered. Servers without the signal are covered by a probe:
 * when the subscription is idle, a filtered read after the last delivered position that finds nothing
 * proves every event that existed at start has been delivered.
 */
import type { AllStreamResolvedEvent } from '@eventstore/db-client';
import { EventStoreUnavailableError } from '../errors';
import type { RecordedEvent, SubscribeOptions, Subscription } from '../port';
import { comparePositions, type GlobalPosition } from '../position';
import { translateEventStoreDbError } from './error-translation';
import { matchesStreamPrefixes, toRecordedEvent } from './event-mapping';
import type { ReconnectPolicy } from './reconnect-policy';

/** What the subscription needs of the client's subscription stream; a test can supply a PassThrough. */
export interface AllFeed {
  readonly readableLength: number;
  pause(): unknown;
  resume(): unknown;
  removeAllListeners(): unknown;
  unsubscribe(): Promise<void>;
  on(event: 'data', listener: (event: AllStreamResolvedEvent) => void): unknown;
  on(event: 'error', listener: (error: Error) => void): unknown;
  on(event: 'end' | 'caughtUp' | 'confirmation', listener: () => void): unknown;
}

export interface AllSubscriptionDeps {
  /** Opens a feed of events strictly after `after` (from the start when undefined). */
  open(after: GlobalPosition | undefined, streamPrefixes: string[] | undefined, batchSize: number): AllFeed;
  /** True when no matching event lies after `after`. */
  nothingAfter(after: GlobalPosition | undefined, streamPrefixes: string[] | undefined): Promise<boolean>;
  policy: ReconnectPolicy;
  /** A partial batch waits at most this long for more events. */
  flushIntervalMs?: number;
  /** How long the subscription must be idle, without the server's caught-up signal, before probing. */
  probeIntervalMs?: number;
}

const DEFAULT_BATCH_SIZE = 100;

/** onBatch or mapping failed: the subscriber's problem, not the connection's; never retried. */
class SubscriberFailure {
  constructor(readonly cause: unknown) {}
}

export class EventStoreDbAllSubscription implements Subscription {
  readonly caughtUp: Promise<void>;
  private resolveCaughtUp: () => void = () => undefined;
  private rejectCaughtUp: (error: unknown) => void = () => undefined;
  private isCaughtUp = false;
  private delivered: GlobalPosition | undefined;
  private stopped = false;
  private closeFeed: (() => void) | undefined;
  private wake: (() => void) | undefined;
  private readonly done: Promise<void>;
  private readonly batchSize: number;
  private readonly flushIntervalMs: number;
  private readonly probeIntervalMs: number;

  constructor(
    private readonly deps: AllSubscriptionDeps,
    private readonly options: SubscribeOptions,
  ) {
    this.delivered = options.after;
    this.batchSize = Math.max(1, options.batchSize ?? DEFAULT_BATCH_SIZE);
    this.flushIntervalMs = deps.flushIntervalMs ?? 20;
    this.probeIntervalMs = deps.probeIntervalMs ?? 1_000;
    this.caughtUp = new Promise<void>((resolve, reject) => {
      this.resolveCaughtUp = resolve;
      this.rejectCaughtUp = reject;
    });
    // Awaiting caughtUp is optional; a failure is reported through onError as well.
    this.caughtUp.catch(() => undefined);
    this.done = this.run();
  }

  get position(): GlobalPosition | undefined {
    return this.delivered;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.closeFeed?.();
    this.wake?.();
    await this.done;
    if (!this.isCaughtUp) this.rejectCaughtUp(new Error('subscription stopped before it caught up'));
  }

  private markCaughtUp(): void {
    if (this.isCaughtUp) return;
    this.isCaughtUp = true;
    this.resolveCaughtUp();
  }

  private fail(error: unknown): void {
    this.stopped = true;
    if (!this.isCaughtUp) this.rejectCaughtUp(error);
    this.options.onError?.(error);
  }

  private async run(): Promise<void> {
    while (!this.stopped) {
      try {
        await this.consume();
        if (this.stopped) return;
        throw new EventStoreUnavailableError('EventStoreDB ended the subscription');
      } catch (error) {
        if (this.stopped) return;
        if (error instanceof SubscriberFailure) return this.fail(error.cause);
        const translated = translateEventStoreDbError(error);
        if (!(translated instanceof EventStoreUnavailableError)) return this.fail(translated);
        const delay = this.deps.policy.nextDelay();
        if (delay === undefined) return this.fail(translated);
        await this.sleep(delay);
      }
    }
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      function done(): void {
        clearTimeout(timer);
        resolve();
      }
      this.wake = done;
    });
  }

  /** One connection's life: resolves when closed by stop, rejects when the feed or the subscriber fails. */
  private consume(): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      const prefixes = this.options.streamPrefixes;
      const feed = this.deps.open(this.delivered, prefixes, this.batchSize);
      const queue: RecordedEvent[] = [];
      let received = 0; // feed items seen
      let settled = 0; // feed items whose events (if any) have been delivered
      let caughtUpAfter: number | undefined; // feed items that preceded the server's caught-up signal
      let newest = this.delivered; // newest position accepted into the queue
      let flushing: Promise<void> | undefined;
      let flushTimer: NodeJS.Timeout | undefined;
      let probing = false;
      let finished = false;

      const checkCaughtUp = (): void => {
        if (caughtUpAfter !== undefined && settled >= caughtUpAfter) this.markCaughtUp();
      };

      const finish = (error?: unknown): void => {
        if (finished) return;
        finished = true;
        this.closeFeed = undefined;
        clearTimeout(flushTimer);
        clearInterval(probeTimer);
        // Let a running onBatch finish first, so `delivered` is exact when the next feed opens.
        void (flushing ?? Promise.resolve()).then(() => {
          feed.removeAllListeners();
          feed.on('error', () => undefined); // late errors of a feed we are leaving
          feed.unsubscribe().catch(() => undefined);
          if (error === undefined) resolve();
          // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors -- the feed's or subscriber's error, passed on as it came
          else reject(error);
        });
      };

      const flush = (): void => {
        if (flushing !== undefined || finished || queue.length === 0) return;
        clearTimeout(flushTimer);
        flushTimer = undefined;
        feed.pause();
        const batch = queue.splice(0);
        const through = received;
        const checkpoint = batch[batch.length - 1].globalPosition;
        flushing = (async () => {
          try {
            await this.options.onBatch(batch, checkpoint);
          } catch (cause) {
            flushing = undefined;
            finish(new SubscriberFailure(cause));
            return;
          }
          this.delivered = checkpoint;
          settled = queue.length === 0 ? received : through;
          this.deps.policy.reset();
          flushing = undefined;
          if (finished) return;
          checkCaughtUp();
          if (queue.length >= this.batchSize) return flush();
          if (queue.length > 0) flushTimer = setTimeout(flush, this.flushIntervalMs);
          feed.resume();
        })();
      };

      feed.on('data', (resolved: AllStreamResolvedEvent) => {
        if (finished) return;
        received++;
        let event: RecordedEvent | undefined;
        try {
          event = toRecordedEvent(resolved);
        } catch (cause) {
          return finish(new SubscriberFailure(cause));
        }
        if (event && matchesStreamPrefixes(event.streamId, prefixes) && comparePositions(event.globalPosition, newest) > 0) {
          queue.push(event);
          newest = event.globalPosition;
        }
        if (queue.length === 0 && flushing === undefined) settled = received;
        if (queue.length >= this.batchSize) flush();
        else if (queue.length > 0 && flushTimer === undefined && flushing === undefined) {
          flushTimer = setTimeout(flush, this.flushIntervalMs);
        }
        checkCaughtUp();
      });
      feed.on('caughtUp', () => {
        caughtUpAfter ??= received + feed.readableLength;
        checkCaughtUp();
      });
      feed.on('confirmation', () => this.deps.policy.reset());
      feed.on('error', (error: Error) => finish(error));
      feed.on('end', () => finish(new EventStoreUnavailableError('EventStoreDB ended the subscription')));

      const probeTimer = setInterval(() => {
        if (this.isCaughtUp || probing || flushing !== undefined || queue.length > 0 || finished) return;
        probing = true;
        const after = this.delivered;
        this.deps
          .nothingAfter(after, prefixes)
          .then((nothing) => {
            if (nothing && !finished && comparePositions(after, newest) >= 0) this.markCaughtUp();
          })
          .catch(() => undefined) // the feed reports connection trouble itself
          .finally(() => {
            probing = false;
          });
      }, this.probeIntervalMs);

      this.closeFeed = () => finish();
    });
  }
}
