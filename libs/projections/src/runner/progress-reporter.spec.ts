import { ProgressReporter, formatDuration } from './progress-reporter';

function capture(isTTY: boolean) {
  const writes: string[] = [];
  return { output: { isTTY, columns: 120, write: (text: string) => writes.push(text) }, writes };
}

describe('ProgressReporter', () => {
  it('redraws one terminal line with events done, events per second and time left', () => {
    const { output, writes } = capture(true);
    let now = 0;
    const reporter = new ProgressReporter({ output, intervalMs: 0, now: () => now });
    reporter.report({ projection: 'case-summary', done: 0, total: 10_000, checkpoint: undefined });
    now = 2_000;
    reporter.report({ projection: 'case-summary', done: 2_000, total: 10_000, checkpoint: undefined });
    const line = writes[writes.length - 1];
    expect(line.startsWith('\r[')).toBe(true);
    expect(line).toContain('case-summary 2000/10000 events, 1000 events/s, 00:08 left');
    expect(line).not.toContain('\n');
    reporter.finish();
    expect(writes[writes.length - 1].endsWith('\n')).toBe(true);
  });

  it('writes plain lines no more often than the interval when the output is not a terminal', () => {
    const { output, writes } = capture(false);
    let now = 0;
    const reporter = new ProgressReporter({ output, intervalMs: 5_000, now: () => now });
    for (let second = 0; second <= 12; second++) {
      now = second * 1_000;
      reporter.report({ projection: 'timeline', done: second * 500, total: 100_000, checkpoint: undefined });
    }
    expect(writes).toHaveLength(3);
    expect(writes.every((line) => !line.includes('\r') && line.endsWith('\n'))).toBe(true);
    expect(writes[2]).toBe('timeline 5000/100000 events, 500 events/s, 03:10 left\n');
  });

  it('shows no time left while the rate or the total is unknown', () => {
    const { output, writes } = capture(false);
    const reporter = new ProgressReporter({ output, intervalMs: 0, now: () => 0 });
    reporter.report({ projection: 'worklist', done: 0, total: undefined, checkpoint: undefined });
    expect(writes[0]).toBe('worklist 0 events, 0 events/s, --:-- left\n');
  });

  it('formats durations as mm:ss, or h:mm:ss from an hour', () => {
    expect(formatDuration(59.6)).toBe('01:00');
    expect(formatDuration(3_725)).toBe('1:02:05');
  });
});
