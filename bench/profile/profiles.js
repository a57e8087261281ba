'use strict';

/**
 * The two sizes of a run. Quick must finish in under 5 minutes on a 2-core machine with the
 * embedded PostgreSQL; full is the one whose numbers go into a release note. Every figure of a run
 * is measured against the same database, one phase after the other, so phases never compete with
 * each other for the two cores (only with what they measure).
 */
const PROFILES = {
  quick: {
    name: 'quick',
    appendWriters: 32,
    appendStreams: 20_000,
    appendWarmupSeconds: 1,
    appendSeconds: 8,
    coordinatorCases: 300,
    httpSeconds: 8,
    fixedRate: 200,
    fixedRateSeconds: 8,
    lagSeconds: 8,
    largeCaseEvents: 10_000,
    readSamples: 200,
    readMaxSeconds: 15,
    consoleSamples: 20,
    rebuildEvents: 100_000,
  },
  full: {
    name: 'full',
    appendWriters: 32,
    appendStreams: 100_000,
    appendWarmupSeconds: 3,
    appendSeconds: 30,
    coordinatorCases: 300,
    httpSeconds: 30,
    fixedRate: 200,
    fixedRateSeconds: 30,
    lagSeconds: 30,
    largeCaseEvents: 10_000,
    readSamples: 1_000,
    readMaxSeconds: 60,
    consoleSamples: 100,
    rebuildEvents: 1_000_000,
  },
};

function profileFromArgs(argv) {
  const full = argv.includes('--full');
  const unknown = argv.filter((arg) => arg !== '--full' && arg !== '--quick');
  if (unknown.length > 0) throw new Error(`unknown argument ${unknown[0]}; use --full for the large profile (default: quick)`);
  return full ? PROFILES.full : PROFILES.quick;
}

module.exports = { PROFILES, profileFromArgs };
