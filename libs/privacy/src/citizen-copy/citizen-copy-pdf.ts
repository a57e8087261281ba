import { existsSync } from 'node:fs';

/** Turns the citizen's copy's HTML page into a PDF. */
export interface PdfRenderer {
  /** Why no PDF can be made here (no browser installed), or undefined when it can. */
  unavailable(): string | undefined;
  render(html: string): Promise<Buffer>;
}

export const CITIZEN_COPY_PDF = Symbol('CITIZEN_COPY_PDF');

/**
 * Prints the HTML page to PDF in Chromium (the Debian package the browser tests use, driven by
 * playwright-core): the PDF is the very page a citizen would print, with the same print style sheet,
 * fonts that cover Danish, and a tagged (accessible) PDF, which no light PDF library gives without
 * laying out the text a second time. Chromium is launched for each copy and closed after it: copies
 * are rare (a citizen's request, made by an auditor), so no browser sits in memory between them, and
 * one copy is printed at a time (the machines have two cores).
 *
 * The page gets no JavaScript and no network: the HTML holds neither, and free text typed by staff
 * must not become either.
 */
export class ChromiumPdfRenderer implements PdfRenderer {
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly executablePath: string,
    private readonly timeoutMs = 30_000,
  ) {}

  unavailable(): string | undefined {
    return existsSync(this.executablePath)
      ? undefined
      : `no Chromium at ${this.executablePath} (set CHROMIUM_PATH or install chromium); ask for format=html and print it instead`;
  }

  render(html: string): Promise<Buffer> {
    const next = this.queue.then(() => this.print(html));
    this.queue = next.catch(() => undefined);
    return next;
  }

  private async print(html: string): Promise<Buffer> {
    // Loaded on demand: the API starts (and serves every other route) without it.
    const { chromium } = await import('playwright-core');
    const browser = await chromium.launch({
      executablePath: this.executablePath,
      // Root (in containers and CI) cannot use Chromium's sandbox.
      args: process.getuid?.() === 0 ? ['--no-sandbox'] : [],
      timeout: this.timeoutMs,
    });
    // page.pdf has no timeout of its own: a stuck print is ended by closing the browser.
    const timer = setTimeout(() => void browser.close(), this.timeoutMs);
    try {
      const context = await browser.newContext({ javaScriptEnabled: false, offline: true });
      const page = await context.newPage();
      await page.route('**/*', (route) => route.abort());
      await page.setContent(html, { waitUntil: 'load', timeout: this.timeoutMs });
      return await page.pdf({ format: 'A4', preferCSSPageSize: true, printBackground: true, tagged: true, outline: true });
    } finally {
      clearTimeout(timer);
      await browser.close();
    }
  }
}
