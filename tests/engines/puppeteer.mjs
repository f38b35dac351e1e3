// Drivers (driver.mjs) for Debian's Firefox ESR, over WebDriver BiDi, and Debian's
// Chromium, over the DevTools protocol, both through puppeteer-core. puppeteer-core
// never downloads a browser: it starts the executable it is given, with a fresh
// profile in a temporary folder that is removed on close.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer from 'puppeteer-core';
import { WAIT_MS } from './driver.mjs';
import { CHROMIUM_ARGS } from '../e2e/harness.mjs';

const LANG = 'en-GB';

/** Starts a browser; resolves to { newDriver(), close() }. kind: 'firefox' or 'chrome'. */
export async function launchPuppeteer(kind, executablePath) {
  const { browser, close } = await launchPuppeteerBrowser(kind, executablePath);
  return {
    version: await browser.version(),
    newDriver: () => newDriver(browser),
    close,
  };
}

/** Starts a browser; resolves to { browser (puppeteer's), close() }, for tests that drive several pages. */
export async function launchPuppeteerBrowser(kind, executablePath) {
  const profile = await mkdtemp(join(tmpdir(), `x1060-${kind}-`));
  const options =
    kind === 'firefox'
      ? {
          browser: 'firefox',
          extraPrefsFirefox: { 'intl.accept_languages': LANG, 'intl.locale.requested': LANG },
        }
      : { browser: 'chrome', args: [...CHROMIUM_ARGS, `--lang=${LANG}`, `--accept-lang=${LANG}`] };
  // Generous time to start: the machine may be busy with builds.
  const browser = await puppeteer.launch({ ...options, executablePath, headless: true, userDataDir: profile, timeout: 60_000 });
  return {
    browser,
    async close() {
      await browser.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}

async function newDriver(browser) {
  const context = await browser.createBrowserContext();
  const page = await context.newPage();
  page.setDefaultTimeout(WAIT_MS);
  await page.setViewport({ width: 1280, height: 900 });
  const problems = [];
  page.on('console', (msg) => msg.type() === 'error' && problems.push(`console error: ${msg.text()}`));
  page.on('pageerror', (err) => problems.push(`uncaught: ${err.message ?? err}`));
  const element = (sel) => page.waitForSelector(sel);
  return {
    goto: (url) => page.goto(url, { waitUntil: 'load' }).then(() => undefined),
    reload: () => page.reload({ waitUntil: 'load' }).then(() => undefined),
    async click(sel) {
      await (await element(sel)).click();
    },
    async select(sel, value) {
      await element(sel);
      const chosen = await page.select(sel, value);
      if (!chosen.includes(value)) throw new Error(`${sel} has no option ${JSON.stringify(value)}`);
    },
    async fill(sel, text) {
      await page.locator(sel).fill(text);
    },
    async setFile(sel, paths) {
      await (await element(sel)).uploadFile(...[paths].flat());
    },
    evaluate: (fn, ...args) => page.evaluate(fn, ...args),
    fresh: () => newDriver(browser),
    problems: () => [...problems],
    screenshot: async () => Buffer.from(await page.screenshot({ type: 'png' })),
    close: () => context.close(),
  };
}
