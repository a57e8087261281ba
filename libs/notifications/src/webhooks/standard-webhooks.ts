import { createHmac, randomBytes } from 'node:crypto';

/**
 * The Standard Webhooks scheme (standardwebhooks.com): a secret `whsec_<base64 key>` per
 * subscription; each request carries `webhook-id` (the notification id, the same on every retry, so
 * receivers deduplicate on it), `webhook-timestamp` (Unix seconds) and `webhook-signature`
 * (`v1,<base64 HMAC-SHA256 of "id.timestamp.body" under the key>`).
 */
export function newWebhookSecret(): string {
  return `whsec_${randomBytes(32).toString('base64')}`;
}

export function webhookSignature(secret: string, id: string, timestamp: number, body: string): string {
  const key = Buffer.from(secret.replace(/^whsec_/, ''), 'base64');
  return `v1,${createHmac('sha256', key).update(`${id}.${timestamp}.${body}`).digest('base64')}`;
}

export function webhookHeaders(secret: string, id: string, timestamp: number, body: string): Record<string, string> {
  return {
    'content-type': 'application/json',
    'webhook-id': id,
    'webhook-timestamp': String(timestamp),
    'webhook-signature': webhookSignature(secret, id, timestamp, body),
  };
}

/** Why a subscription URL is refused (a problem's detail), or undefined when it is acceptable. */
export function webhookUrlProblem(value: unknown, production: boolean): string | undefined {
  if (typeof value !== 'string' || value.length === 0) return 'url must be an absolute http(s) URL';
  if (value.length > 2000) return 'url must be at most 2000 characters';
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return 'url must be an absolute http(s) URL';
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return 'url must use https (or http outside production)';
  if (production && url.protocol !== 'https:') return 'url must use https';
  if (url.username !== '' || url.password !== '') return 'url must not carry credentials';
  if (url.hash !== '') return 'url must not have a fragment';
  if (url.hostname === '') return 'url must name a host';
  return undefined;
}
