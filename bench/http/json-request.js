'use strict';
const { randomUUID } = require('node:crypto');

/** One HTTP call to the API with a JSON body and a fresh Idempotency-Key; throws on anything but 2xx. */
async function callApi(baseUrl, method, path, token, body) {
  const headers = { authorization: token, 'idempotency-key': randomUUID() };
  if (body !== undefined) headers['content-type'] = 'application/json';
  const response = await fetch(`${baseUrl}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await response.text();
  if (response.status < 200 || response.status > 299) throw new Error(`${method} ${path} answered ${response.status}: ${text.slice(0, 300)}`);
  return text ? JSON.parse(text) : undefined;
}

/** Runs `work(item)` for every item with at most `concurrency` at a time. */
async function forEachConcurrently(items, concurrency, work) {
  let next = 0;
  const lanes = Array.from({ length: Math.min(concurrency, items.length) }, async () => {
    while (next < items.length) {
      const item = items[next++];
      await work(item);
    }
  });
  await Promise.all(lanes);
}

module.exports = { callApi, forEachConcurrently };
