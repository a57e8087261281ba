import { EventEmitter } from 'node:events';
import { Client } from 'pg';
import { NOTIFICATION_CHANNEL } from '../projection/notification.projection';

interface SignalLogger {
  warn(object: object, message: string): void;
}

/**
 * LISTEN on the channel the notification projection NOTIFYs at commit: wakes the live streams and
 * the outbox loop at once. One connection per process, reconnected with backoff; readers poll as
 * well, so a lost connection only costs latency, never a notification.
 */
export class NotificationSignal {
  private readonly emitter = new EventEmitter();
  private client: Client | undefined;
  private stopped = false;
  private retryMs = 200;
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly connectionString: string,
    private readonly logger: SignalLogger,
  ) {
    this.emitter.setMaxListeners(0);
  }

  onSignal(listener: () => void): () => void {
    this.emitter.on('signal', listener);
    return () => this.emitter.off('signal', listener);
  }

  /** Called when the process shuts down: live streams end so the HTTP server can close. */
  onShutdown(listener: () => void): () => void {
    this.emitter.on('shutdown', listener);
    return () => this.emitter.off('shutdown', listener);
  }

  /** Ends every live stream (clients reconnect elsewhere with Last-Event-ID). */
  endStreams(): void {
    this.emitter.emit('shutdown');
  }

  async start(): Promise<void> {
    this.stopped = false;
    await this.connect().catch(() => this.reconnectLater());
  }

  private async connect(): Promise<void> {
    const client = new Client({ connectionString: this.connectionString, application_name: 'samvirke-notifications' });
    client.on('error', (error) => {
      this.logger.warn({ err: error.message }, 'notification listener lost its connection');
      void client.end().catch(() => undefined);
      if (this.client === client) this.client = undefined;
      this.reconnectLater();
    });
    client.on('notification', () => this.emitter.emit('signal'));
    await client.connect();
    await client.query(`LISTEN ${NOTIFICATION_CHANNEL}`);
    if (this.stopped) {
      await client.end().catch(() => undefined);
      return;
    }
    this.client = client;
    this.retryMs = 200;
    this.emitter.emit('signal');
  }

  private reconnectLater(): void {
    if (this.stopped || this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.connect().catch(() => this.reconnectLater());
    }, this.retryMs);
    this.timer.unref();
    this.retryMs = Math.min(this.retryMs * 2, 10_000);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    const client = this.client;
    this.client = undefined;
    await client?.end().catch(() => undefined);
    this.emitter.emit('signal');
  }
}
