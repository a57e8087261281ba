'use strict';

/**
 * One row per figure: {figure, value, unit, reference, referenceValue, ratio, target, met, note}.
 * `ratio` is value / referenceValue (for throughput: higher is better; for latency and memory:
 * lower is better). `target` is machine-readable, {on: 'value' | 'ratio', op, threshold, text},
 * and `met` is its verdict: null when the figure has no target, false when it could not be measured.
 */
const COMPARE = {
  '>=': (a, b) => a >= b,
  '>': (a, b) => a > b,
  '<=': (a, b) => a <= b,
  '<': (a, b) => a < b,
};

function target(on, op, threshold, text) {
  return { on, op, threshold, text };
}

function row({ figure, value, unit, reference = null, referenceValue = null, target: goal = null, note = undefined }) {
  const measured = typeof value === 'number' && Number.isFinite(value);
  const ratio = measured && typeof referenceValue === 'number' && referenceValue > 0 ? value / referenceValue : null;
  let met = null;
  if (goal) {
    const subject = goal.on === 'ratio' ? ratio : measured ? value : null;
    met = subject === null ? false : COMPARE[goal.op](subject, goal.threshold);
  }
  const result = {
    figure,
    value: measured ? round(value) : null,
    unit,
    reference,
    referenceValue: typeof referenceValue === 'number' ? round(referenceValue) : null,
    ratio: ratio === null ? null : round(ratio, 3),
    target: goal,
    met,
  };
  if (note) result.note = note;
  return result;
}

function round(value, digits) {
  const places = digits ?? (Math.abs(value) >= 100 ? 0 : Math.abs(value) >= 10 ? 1 : 2);
  const factor = 10 ** places;
  return Math.round(value * factor) / factor;
}

const MB = 1024 * 1024;

module.exports = { row, target, MB };
