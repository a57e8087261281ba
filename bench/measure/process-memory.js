'use strict';
const { readFileSync } = require('node:fs');

/** Resident set size (VmRSS) and its peak so far (VmHWM) of any process on this Linux machine, in bytes. */
function processMemory(pid) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const field = (name) => {
    const match = new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(status);
    return match ? Number(match[1]) * 1024 : null;
  };
  return { rss: field('VmRSS'), peakRss: field('VmHWM') };
}

module.exports = { processMemory };
