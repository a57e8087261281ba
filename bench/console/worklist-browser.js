'use strict';
const { existsSync } = require('node:fs');
const { LatencyRecorder } = require('../measure/latency-recorder');

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const SCRIPT = /\.m?js(\?|$)/;

/**
 * The console's worklist in a real browser (Debian's Chromium through playwright-core), as a
 * coordinator with `cases` cases sees it: signed in once through the development identity provider,
 * then `samples` times a fresh page (a new tab with the browser cache of a returning user) from
 * navigation to the worklist's rows rendered. Also the JavaScript the first, cold load transfers
 * over the wire (compressed, as sent) and unpacked.
 *
 * `userId` must be a demo user of the development identity provider (coord-01 of BIF).
 */
async function measureConsoleWorklist(baseUrl, { userId, samples, log }) {
  if (!existsSync(CHROMIUM)) return { available: false, note: `no Chromium at ${CHROMIUM}` };
  const { chromium } = require('playwright-core');
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--disable-background-networking', '--disable-component-update', '--no-first-run', ...(process.getuid?.() === 0 ? ['--no-sandbox'] : [])],
  });
  try {
    const context = await browser.newContext({ locale: 'da-DK', timezoneId: 'Europe/Copenhagen', viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    // The cold load: every script as the network delivered it.
    // Sizes are read as each script arrives: a body is gone once the page navigates on.
    const scripts = [];
    page.on('requestfinished', (request) => {
      if (request.resourceType() !== 'script' && !SCRIPT.test(new URL(request.url()).pathname)) return;
      scripts.push(
        (async () => {
          const response = await request.response();
          const body = response && response.status() < 300 ? await response.body().catch(() => Buffer.alloc(0)) : Buffer.alloc(0);
          return {
            sent: (await request.sizes()).responseBodySize,
            body: body.length,
            encoding: response?.headers()['content-encoding'] ?? 'identity',
          };
        })(),
      );
    });
    await page.goto(`${baseUrl}/app`);
    await page.getByRole('link', { name: 'Log ind' }).click();
    await page.getByRole('button', { name: new RegExp(`^${userId}\\b`) }).click();
    const rows = page.getByTestId('worklist').locator('tbody tr');
    await rows.first().waitFor({ timeout: 60_000 });
    const sizes = await Promise.all(scripts);
    const sentBytes = sizes.reduce((sum, script) => sum + script.sent, 0);
    const bodyBytes = sizes.reduce((sum, script) => sum + script.body, 0);
    const encodings = [...new Set(sizes.map((script) => script.encoding))];
    await page.close();

    const durations = new LatencyRecorder(samples);
    let rowsShown = 0;
    let lastLoad = [];
    for (let i = 0; i < samples; i++) {
      const tab = await context.newPage();
      const requests = [];
      tab.on('requestfinished', (request) => requests.push(request));
      const done = durations.start();
      await tab.goto(`${baseUrl}/app`, { waitUntil: 'commit' });
      const tabRows = tab.getByTestId('worklist').locator('tbody tr');
      await tabRows.first().waitFor({ timeout: 30_000 });
      done();
      rowsShown = await tabRows.count();
      // What the last load waited for: each request's start and end after navigation began.
      if (i === samples - 1)
        lastLoad = requests.map((request) => {
          const timing = request.timing();
          return { path: new URL(request.url()).pathname, start: Math.round(timing.startTime), ms: Math.round(timing.responseEnd) };
        });
      await tab.close();
    }
    const summary = durations.summary();
    log?.(`console: worklist rendered p50 ${summary.p50.toFixed(0)} ms, max ${summary.max.toFixed(0)} ms; JavaScript ${(sentBytes / 1024).toFixed(0)} kB sent`);
    return {
      available: true,
      samples: summary.count,
      rowsShown,
      p50: summary.p50,
      p99: summary.p99,
      max: summary.max,
      lastLoad,
      javascript: { files: scripts.length, sentBytes, bodyBytes, encodings },
    };
  } finally {
    await browser.close();
  }
}

module.exports = { measureConsoleWorklist };
