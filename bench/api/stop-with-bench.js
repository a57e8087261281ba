'use strict';
/**
 * A process the bench starts (the API, apps/worker, the Emmett peer) ends with the bench, however the
 * bench ends: its own `finally` stops it gracefully; this catches the rest (an error before that
 * `finally`, `process.exit`, Ctrl-C or SIGTERM), so no API is left behind holding a port, a CPU and
 * a database's connections. A signal nobody else handles ends the bench as it would have anyway.
 */
const live = new Set();
let hooked = false;

function stopWithBench(child) {
  live.add(child);
  child.once('exit', () => live.delete(child));
  if (hooked) return child;
  hooked = true;
  process.once('exit', () => {
    for (const running of live) running.kill('SIGKILL');
  });
  for (const [signal, code] of [
    ['SIGINT', 130],
    ['SIGTERM', 143],
  ]) {
    process.once(signal, () => {
      if (process.listenerCount(signal) === 0) process.exit(code);
    });
  }
  return child;
}

module.exports = { stopWithBench };
