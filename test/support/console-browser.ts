import { existsSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import AxeBuilder from '@axe-core/playwright';

/**
 * What the console's browser tests share: Debian's Chromium (driven by playwright-core; no browser
 * is ever downloaded), sign-in through the development identity provider as a demo user, and the
 * axe-core check against WCAG 2.1 A and AA.
 */
export const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
export const WCAG_21_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/** docs/screenshots with CONSOLE_SCREENSHOTS=1 (the README's pictures), else a temporary directory. */
export function screenshotsDir(): string {
  const dir =
    process.env['CONSOLE_SCREENSHOTS'] === '1' ? join(__dirname, '..', '..', 'docs', 'screenshots') : mkdtempSync(join(tmpdir(), 'samvirke-screens-'));
  mkdirSync(dir, { recursive: true });
  return dir;
}

export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) throw new Error(`no Chromium at ${CHROMIUM}: apt-get install -y chromium (or set CHROMIUM_PATH)`);
  return chromium.launch({ executablePath: CHROMIUM, args: process.getuid?.() === 0 ? ['--no-sandbox'] : [] });
}

/** A fresh browser context in Danish; `timezoneId` other than Copenhagen checks the console still shows Danish days. */
export function consoleContext(browser: Browser, timezoneId = 'Europe/Copenhagen', height = 900): Promise<BrowserContext> {
  return browser.newContext({ locale: 'da-DK', timezoneId, viewport: { width: 1280, height } });
}

/**
 * Signs `userId` (a demo user: coord-01, politi-01, kriminalforsorg-01, revisor-01, ...) in through
 * the console's sign-in link and the development identity provider, in a context of its own; returns
 * once the console shows who is signed in.
 */
export async function signIn(
  browser: Browser,
  base: string,
  userId: string,
  options: { timezoneId?: string; height?: number } = {},
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await consoleContext(browser, options.timezoneId, options.height);
  const page = await context.newPage();
  await page.goto(`${base}/app`);
  await page.getByRole('link', { name: 'Log ind' }).click();
  await page.getByRole('button', { name: new RegExp(`^${userId}\\b`) }).click();
  await page.getByTestId('signed-in-user').waitFor();
  return { context, page };
}

/** axe-core finds no WCAG 2.1 A or AA violation on the page as it is now (open dialogs included). */
export async function expectNoWcagViolations(page: Page): Promise<void> {
  const result = await new AxeBuilder({ page }).withTags(WCAG_21_AA).analyze();
  expect(
    result.violations.map((violation) => ({ id: violation.id, impact: violation.impact, nodes: violation.nodes.map((node) => node.target.join(' ')) })),
  ).toEqual([]);
}
