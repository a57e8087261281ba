'use strict';
const { LatencyRecorder } = require('../measure/latency-recorder');

/**
 * `writers` loops, each awaiting its own append before the next (a closed system, like request
 * handlers each holding a connection). A warm-up first fills connection pools, prepared statements
 * and caches; only the measured window counts.
 */
async function runClosedLoop({ writers, warmupSeconds, seconds, appendOne }) {
  const latency = new LatencyRecorder();
  let measuring = false;
  let stopped = false;
  let appended = 0;
  let failures = 0;
  const loop = async (writer) => {
    while (!stopped) {
      const done = measuring ? latency.start() : undefined;
      try {
        await appendOne(writer);
        if (done) {
          done();
          appended++;
        }
      } catch (error) {
        failures++;
        if (failures === 1) process.stderr.write(`bench: append failed: ${error.message}\n`);
        if (failures > 100) throw error;
      }
    }
  };
  // A loop that gives up (over 100 failures) ends the run at once with its error, rather than
  // rejecting unobserved while the timers below run (an unhandled rejection ends the process).
  let giveUp;
  const gaveUp = new Promise((_, reject) => (giveUp = reject));
  gaveUp.catch(() => undefined);
  const loops = Array.from({ length: writers }, (_, writer) =>
    loop(writer).catch((error) => {
      stopped = true;
      giveUp(error);
    }),
  );
  const wait = (waitSeconds) => Promise.race([new Promise((resolve) => setTimeout(resolve, waitSeconds * 1000)), gaveUp]);
  await wait(warmupSeconds);
  measuring = true;
  const began = process.hrtime.bigint();
  await wait(seconds);
  measuring = false;
  const elapsed = Number(process.hrtime.bigint() - began) / 1e9;
  stopped = true;
  await Promise.all(loops);
  return { eventsPerSecond: appended / elapsed, events: appended, failures, latency: latency.summary() };
}

module.exports = { runClosedLoop };
