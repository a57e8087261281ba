import type { FastifyRequest } from 'fastify';
import { STATUS_CODES } from 'node:http';

/**
 * The last line against echoing input in an error. Messages are meant to be fixed words, but a
 * handler that writes `no case ${id}` would hand the client's bytes back (a reflected value, or a CPR
 * number someone pasted into a URL). So every string of an error body that contains a value the
 * client sent is replaced: a `message` by the status's fixed words, anything else (a field name
 * built from the input) by a placeholder. Codes such as `reason` never contain input and survive.
 *
 * Values shorter than MIN_LENGTH are skipped: "BIF" or "open" occur in fixed messages by chance,
 * and hiding them there would only make the answer less useful. Field names are not values: a
 * violation's `field` is the DTO's name for it, which the client's JSON key happens to equal.
 */
const MIN_LENGTH = 4;

/** Headers whose values are protocol vocabulary ("application/json"), which fixed messages may name. */
const PROTOCOL_HEADERS = new Set([
  'host',
  'connection',
  'content-type',
  'content-length',
  'accept',
  'accept-encoding',
  'transfer-encoding',
  'te',
  'keep-alive',
]);

export function requestInputValues(request: FastifyRequest): string[] {
  const values = new Set<string>();
  const collect = (value: unknown, depth: number): void => {
    if (depth > 40) return;
    if (typeof value === 'string') {
      if (value.length >= MIN_LENGTH) values.add(value.toLowerCase());
    } else if (Array.isArray(value)) {
      for (const item of value) collect(item, depth + 1);
    } else if (value !== null && typeof value === 'object') {
      for (const item of Object.values(value)) collect(item, depth + 1);
    }
  };
  collect(request.params, 0);
  collect(request.query, 0);
  collect(request.body, 0);
  for (const [name, value] of Object.entries(request.headers ?? {})) if (!PROTOCOL_HEADERS.has(name)) collect(value, 0);
  // Unknown body keys are input too (the validation pipe names none, but a handler might).
  collectKeys(request.body, values, 0);
  return [...values];
}

function collectKeys(value: unknown, into: Set<string>, depth: number): void {
  if (depth > 40 || value === null || typeof value !== 'object') return;
  for (const [key, item] of Object.entries(value)) {
    if (key.length >= MIN_LENGTH && !PLAIN_FIELD_NAME.test(key)) into.add(key.toLowerCase());
    collectKeys(item, into, depth + 1);
  }
}

/**
 * Stable codes from the server's own vocabulary (`reason`, a violation's `rule`, the problem `type`
 * built from the reason): never input, and a client could otherwise blank them by sending "problems".
 */
const CODE_KEYS = new Set(['reason', 'rule', 'type']);

/** A key shaped like a DTO field name may legitimately be named back (`violations[].field`). */
const PLAIN_FIELD_NAME = /^[A-Za-z][A-Za-z0-9_]{0,63}$/;

export function withoutRequestInput(body: Record<string, unknown>, request: FastifyRequest): Record<string, unknown> {
  const inputs = requestInputValues(request);
  if (inputs.length === 0) return body;
  const status = typeof body['status'] === 'number' ? body['status'] : 500;
  const statusWords = STATUS_CODES[status] ?? 'Error';
  const tainted = (text: string) => {
    const lower = text.toLowerCase();
    return inputs.some((input) => lower.includes(input));
  };
  const clean = (value: unknown, key: string, depth: number): unknown => {
    if (typeof value === 'string') {
      if (CODE_KEYS.has(key) || !tainted(value)) return value;
      if (key === 'detail' || key === 'message') return `${statusWords.toLowerCase()} (the details would repeat what was sent)`;
      return key === 'title' ? statusWords : '(withheld)';
    }
    if (depth > 20) return value;
    if (Array.isArray(value)) return value.map((item) => clean(item, key, depth + 1));
    if (value !== null && typeof value === 'object') {
      return Object.fromEntries(Object.entries(value).map(([name, item]) => [name, clean(item, name, depth + 1)]));
    }
    return value;
  };
  return clean(body, '', 0) as Record<string, unknown>;
}
