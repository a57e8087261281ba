/**
 * A progress bar on stderr: redrawn in place on a terminal, a plain line every few seconds otherwise
 * (a log file or a pipe gets no carriage returns).
 */
export class ProgressBar {
  private lastLine = 0;
  private readonly started = Date.now();

  constructor(
    private readonly total: number,
    private readonly out: NodeJS.WriteStream = process.stderr,
    private readonly label = 'import-history',
  ) {}

  update(done: number, extra: string): void {
    const now = Date.now();
    const finished = done >= this.total;
    if (this.out.isTTY) {
      if (!finished && now - this.lastLine < 100) return;
      this.lastLine = now;
      const width = 30;
      const filled = this.total === 0 ? width : Math.round((done / this.total) * width);
      this.out.write(
        `\r${this.label} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${this.total} rows ${extra} ${this.eta(done)}\u001b[K${finished ? '\n' : ''}`,
      );
      return;
    }
    if (!finished && now - this.lastLine < 2_000) return;
    this.lastLine = now;
    this.out.write(`${this.label}: ${done}/${this.total} rows ${extra}\n`);
  }

  private eta(done: number): string {
    if (done === 0 || done >= this.total) return '';
    const seconds = (((Date.now() - this.started) / done) * (this.total - done)) / 1000;
    return `~${Math.ceil(seconds)} s left`;
  }
}
