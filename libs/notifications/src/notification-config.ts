/**
 * Notification delivery settings (environment variables, validated at start like the rest).
 * With no SMTP_URL, mail goes to the catch-all table (GET /dev/mail outside production).
 */
export interface NotificationConfig {
  /** smtp://user:pass@host:port or smtps://...; unset: the catch-all table. */
  smtpUrl?: string;
  mailFrom: string;
  /** Where the links in mail point (the web client or the API): `${publicUrl}/notifications/<id>`. */
  publicUrl: string;
  /** How often the outbox is polled for due rows (it is also woken when notifications arrive). */
  deliveryIntervalMs: number;
  /** Per webhook attempt: a receiver that has not answered by then counts as failed. */
  webhookTimeoutMs: number;
  /** Attempts before a delivery goes to the dead-letter list. */
  maxAttempts: number;
  /** Backoff: first retry after retryBaseMs, doubling, never more than retryMaxMs. */
  retryBaseMs: number;
  retryMaxMs: number;
  /** Daily digests go out at this hour, Copenhagen local time (summer and winter alike). */
  digestHour: number;
  /** Run the outbox delivery loop in this process. */
  deliveryEnabled: boolean;
  production: boolean;
}

export class NotificationConfigError extends Error {}

function integer(env: Record<string, string | undefined>, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name]?.trim();
  if (raw === undefined || raw === '') return fallback;
  if (!/^\d{1,9}$/.test(raw) || Number(raw) < min || Number(raw) > max) {
    throw new NotificationConfigError(`${name} must be a whole number between ${min} and ${max}`);
  }
  return Number(raw);
}

export function loadNotificationConfig(env: Record<string, string | undefined> = process.env): NotificationConfig {
  const smtpUrl = env.SMTP_URL?.trim() || undefined;
  if (smtpUrl !== undefined && !/^smtps?:\/\/[^\s]+$/.test(smtpUrl))
    throw new NotificationConfigError('SMTP_URL must be smtp://host:port or smtps://host:port');
  const publicUrl = (env.PUBLIC_URL?.trim() || 'http://127.0.0.1:3000').replace(/\/+$/, '');
  if (!/^https?:\/\/[^\s]+$/.test(publicUrl)) throw new NotificationConfigError('PUBLIC_URL must be an http(s) URL');
  // The old setting counted in UTC, so its value would now mean another hour: refused, not reinterpreted.
  if (env.MAIL_DIGEST_HOUR_UTC?.trim())
    throw new NotificationConfigError('MAIL_DIGEST_HOUR_UTC is no longer read: set MAIL_DIGEST_HOUR, the hour in Copenhagen local time (0-23)');
  const deliveryRaw = env.NOTIFICATION_DELIVERY?.trim();
  if (deliveryRaw !== undefined && deliveryRaw !== '' && !['true', 'false'].includes(deliveryRaw)) {
    throw new NotificationConfigError('NOTIFICATION_DELIVERY must be true or false');
  }
  const config: NotificationConfig = {
    smtpUrl,
    mailFrom: env.MAIL_FROM?.trim() || 'Samvirke <no-reply@samvirke.kk.dk>',
    publicUrl,
    deliveryIntervalMs: integer(env, 'NOTIFICATION_POLL_MS', 1_000, 50, 600_000),
    webhookTimeoutMs: integer(env, 'WEBHOOK_TIMEOUT_MS', 5_000, 50, 60_000),
    maxAttempts: integer(env, 'NOTIFICATION_MAX_ATTEMPTS', 8, 1, 50),
    retryBaseMs: integer(env, 'NOTIFICATION_RETRY_BASE_MS', 5_000, 10, 3_600_000),
    retryMaxMs: integer(env, 'NOTIFICATION_RETRY_MAX_MS', 3_600_000, 10, 86_400_000),
    digestHour: integer(env, 'MAIL_DIGEST_HOUR', 7, 0, 23),
    deliveryEnabled: deliveryRaw !== 'false',
    production: env.NODE_ENV === 'production',
  };
  if (config.retryMaxMs < config.retryBaseMs) throw new NotificationConfigError('NOTIFICATION_RETRY_MAX_MS must not be below NOTIFICATION_RETRY_BASE_MS');
  return config;
}

/** The delay before attempt `attempts + 1`: base * 2^(attempts-1), capped. */
export function retryDelayMs(config: Pick<NotificationConfig, 'retryBaseMs' | 'retryMaxMs'>, attempts: number): number {
  return Math.min(config.retryMaxMs, config.retryBaseMs * 2 ** Math.max(0, Math.min(30, attempts - 1)));
}
