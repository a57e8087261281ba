import type { RebuildProgress } from './rebuild';

export interface ProgressOutput {
  write(text: string): unknown;
  /** True on a terminal: the bar redraws one line in place. Otherwise plain lines, now and then. */
  isTTY?: boolean;
  columns?: number;
}

export interface ProgressReporterOptions {
  output?: ProgressOutput;
  /** Milliseconds between redraws (terminal) or lines (log). */
  intervalMs?: number;
  /** For tests: the time in milliseconds. */
  now?: () => number;
}

/** Samples over this window give the rate: recent enough to follow a change of pace, long enough to be steady. */
const RATE_WINDOW_MS = 10_000;

export function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds)) return '--:--';
  const whole = Math.max(0, Math.round(seconds));
  const h = Math.floor(whole / 3600);
  const m = Math.floor((whole % 3600) / 60);
  const s = whole % 60;
  const mm = String(m).padStart(2, '0');
  const ss = String(s).padStart(2, '0');
  return h > 0 ? `${h}:${mm}:${ss}` : `${mm}:${ss}`;
}

/**
 * Shows a rebuild's progress: events done of the total, events per second, time left. On a
 * terminal, one line redrawn in place; in a log (CI, a container), a plain line every interval, so
 * the output stays readable there. Pass `report` as a rebuild's onProgress and call `finish` at the end.
 */
export class ProgressReporter {
  private readonly output: ProgressOutput;
  private readonly intervalMs: number;
  private readonly now: () => number;
  private readonly samples: Array<{ at: number; done: number }> = [];
  private lastDrawn = Number.NEGATIVE_INFINITY;
  private last: RebuildProgress | undefined;

  constructor(options: ProgressReporterOptions = {}) {
    this.output = options.output ?? process.stderr;
    this.now = options.now ?? Date.now;
    this.intervalMs = options.intervalMs ?? (this.output.isTTY ? 200 : 5_000);
  }

  readonly report = (progress: RebuildProgress): void => {
    const at = this.now();
    this.last = progress;
    this.samples.push({ at, done: progress.done });
    while (this.samples.length > 2 && at - this.samples[0].at > RATE_WINDOW_MS) this.samples.shift();
    if (at - this.lastDrawn < this.intervalMs) return;
    this.lastDrawn = at;
    this.draw(progress, false);
  };

  finish(): void {
    if (this.last) this.draw(this.last, true);
  }

  /** Events per second over the recent window; 0 until there are two samples. */
  rate(): number {
    const first = this.samples[0];
    const last = this.samples[this.samples.length - 1];
    if (!first || !last || last.at === first.at) return 0;
    return ((last.done - first.done) * 1000) / (last.at - first.at);
  }

  describe(progress: RebuildProgress): string {
    const rate = this.rate();
    const total = progress.total;
    const count = total === undefined ? `${progress.done} events` : `${progress.done}/${total} events`;
    const left = total === undefined || rate <= 0 ? Number.NaN : (total - progress.done) / rate;
    return `${progress.projection} ${count}, ${Math.round(rate)} events/s, ${formatDuration(left)} left`;
  }

  private draw(progress: RebuildProgress, final: boolean): void {
    const text = this.describe(progress);
    if (!this.output.isTTY) {
      this.output.write(`${text}${final ? ' (done)' : ''}\n`);
      return;
    }
    const width = Math.max(10, Math.min(40, (this.output.columns ?? 80) - text.length - 4));
    const fraction = progress.total ? Math.min(1, progress.done / progress.total) : 0;
    const filled = Math.round(fraction * width);
    const bar = `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}]`;
    // \r returns to the line start, \x1b[K clears what a longer previous line left behind.
    this.output.write(`\r${bar} ${text}\x1b[K${final ? '\n' : ''}`);
  }
}
