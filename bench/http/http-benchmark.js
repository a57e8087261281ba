'use strict';
const autocannon = require('autocannon');

/**
 * One autocannon run of the command mix. autocannon measures latency from the request's first byte
 * to the response's last, in whole milliseconds (its histogram), per connection with one request
 * in flight each; `overallRate` paces all connections together for the fixed-rate runs.
 */
async function runCommandMix(baseUrl, mix, { connections, seconds, overallRate }) {
  const result = await autocannon({
    url: baseUrl,
    connections,
    duration: seconds,
    pipelining: 1,
    timeout: 10,
    ...(overallRate ? { overallRate } : {}),
    requests: [mix.autocannonRequest()],
  });
  mix.settle();
  const ok = result['2xx'];
  const errors = result.non2xx + result.errors + result.timeouts;
  return {
    connections,
    overallRate: overallRate ?? null,
    seconds: result.duration,
    requestsPerSecond: ok / result.duration,
    ok,
    errors,
    statusCodes: result.statusCodeStats,
    latency: { p50: result.latency.p50, p99: result.latency.p99, p999: result.latency.p99_9, max: result.latency.max },
  };
}

/** Short unmeasured run so the measured ones do not pay for JIT, pools and caches. */
async function warmUp(baseUrl, mix) {
  await runCommandMix(baseUrl, mix, { connections: 8, seconds: 3 });
}

module.exports = { runCommandMix, warmUp };
