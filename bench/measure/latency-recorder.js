'use strict';

/**
 * Every latency of a measurement, in milliseconds, kept whole: percentiles come from the sorted
 * samples, not from a histogram, so p99.9 of a few thousand samples is exact rather than bucketed.
 */
class LatencyRecorder {
  constructor(capacity = 1 << 16) {
    this.samples = new Float64Array(capacity);
    this.count = 0;
  }

  record(milliseconds) {
    if (this.count === this.samples.length) {
      const grown = new Float64Array(this.samples.length * 2);
      grown.set(this.samples);
      this.samples = grown;
    }
    this.samples[this.count++] = milliseconds;
  }

  /** Starts a timer; call the returned function when the operation ends. */
  start() {
    const began = process.hrtime.bigint();
    return () => this.record(Number(process.hrtime.bigint() - began) / 1e6);
  }

  summary() {
    const sorted = this.samples.slice(0, this.count).sort();
    const at = (q) => (sorted.length === 0 ? null : sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]);
    return { count: sorted.length, p50: at(0.5), p99: at(0.99), p999: at(0.999), max: at(1) };
  }
}

module.exports = { LatencyRecorder };
