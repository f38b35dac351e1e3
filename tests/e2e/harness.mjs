// End-to-end harness: serves the release build (dist/) on 127.0.0.1 under a
// sub-path, as a static host would, and drives Debian's Chromium with playwright-core.
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { serveSites } from './serve.mjs';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { before, after } from 'node:test';

export const ROOT = resolve(fileURLToPath(import.meta.url), '../../..');
export const DIST = join(ROOT, 'dist');
/** The app is served under this path, to prove dist/ works from a sub-path. */
export const BASE_PATH = '/tools/x1060/';

/** The build with the `crash-test` feature (make dist-crash), for the crash-notice test only. */
export const DIST_CRASH = join(ROOT, 'target/dist-crash');

/** Starts a static server for a build (dist/) under BASE_PATH; resolves to { url, requests, setOffline, close }. */
export async function serveDist(dir = DIST) {
  const server = await serveSites({ [BASE_PATH]: dir });
  return {
    origin: server.origin,
    url: server.url(BASE_PATH),
    /** The paths requested so far, in order. */
    get requests() {
      return server.requests.map((r) => r.url);
    },
    setOffline: server.setOffline,
    close: server.close,
  };
}

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export async function launchBrowser() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: CHROMIUM_ARGS,
  });
}

const KNOWN_WARNINGS = [
  /The `integrity` attribute is currently ignored for preload destinations/,
  // A test that blocks service workers (newPage's serviceWorkers: 'block').
  /^Service Worker registration blocked by Playwright$/,
];

/**
 * A fresh context (empty localStorage) and page, recording console errors, page
 * errors and every request the page makes.
 */
export async function newPage(browser, options = {}) {
  const phone = options.phone ? { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true, deviceScaleFactor: 2 } : {};
  // `serviceWorkers: 'block'` when a test intercepts the app's own requests (page.route
  // does not see requests a service worker answers).
  const workers = options.serviceWorkers ? { serviceWorkers: options.serviceWorkers } : {};
  const context = await browser.newContext({ acceptDownloads: true, locale: options.locale ?? 'en-GB', ...phone, ...workers });
  const page = await context.newPage();
  const problems = [];
  const requests = [];
  page.on('console', (msg) => {
    const text = msg.text();
    if (msg.type() === 'error') problems.push(`error: ${text}`);
    // Chromium notes that it cannot check SRI on Trunk's wasm preload; the
    // module itself is still checked. Every other warning is a problem.
    else if (msg.type() === 'warning' && !KNOWN_WARNINGS.some((re) => re.test(text))) problems.push(`warning: ${text}`);
  });
  page.on('pageerror', (err) => problems.push(`pageerror: ${err.message}`));
  page.on('request', (req) => requests.push(req.url()));
  if (process.env.DEBUG_404) page.on('response', (r) => r.status() >= 400 && console.error('HTTP', r.status(), r.url()));
  return { context, page, problems, requests };
}

/** Opens the app and waits until it is interactive. */
export async function openApp(page, url) {
  await page.goto(url);
  await page.getByTestId('nav-home').waitFor();
}

/** Opens the app and the sample assessment, and waits until it is listed. */
export async function openSample(page, url) {
  await openApp(page, url);
  await page.getByTestId('open-sample').click();
  await page.getByTestId('assessment-item').first().waitFor();
}

/** Waits until the app's storage steps queued so far are done (they run in order under one Web Lock). */
export async function storageSettled(page) {
  await page.evaluate(() => navigator.locks.request('x1060-storage', () => {}));
}

export async function storageSnapshot(page) {
  return page.evaluate(() => {
    const out = {};
    for (let i = 0; i < localStorage.length; i++) {
      const k = localStorage.key(i);
      out[k] = localStorage.getItem(k);
    }
    return out;
  });
}

/** Fills the origin's localStorage with other data, down to the last few bytes. */
export async function fillStorage(page) {
  await page.evaluate(() => {
    let size = 1 << 20;
    let i = 0;
    while (size >= 1) {
      try {
        localStorage.setItem(`junk-${i++}`, 'x'.repeat(size));
      } catch {
        size = Math.floor(size / 2);
      }
    }
    // The last bytes: short keys with empty values, then one-character keys (2 bytes
    // each), so fewer than 2 bytes are left: any change that grows data fails. (With
    // the short keys alone up to 7 bytes were left, and a small edit sometimes fit.)
    for (let n = 0; n < 1000; n++) {
      try {
        localStorage.setItem(`j${n}`, '');
      } catch {
        break;
      }
    }
    for (let n = 0; n < 20000; n++) {
      try {
        localStorage.setItem(String.fromCharCode(0x4e00 + n), '');
      } catch {
        break;
      }
    }
  });
}

export function fixture(name) {
  return join(ROOT, 'tests/e2e/fixtures', name);
}

export const SAMPLE = join(ROOT, 'docs/sample-assessment.json');
/** The same sample, written in Japanese: Home opens it when the interface is Japanese. */
export const SAMPLE_JA = join(ROOT, 'docs/sample-assessment.ja.json');

export async function readJson(path) {
  return JSON.parse(await readFile(path, 'utf8'));
}

/**
 * Starts the server and the browser before a test file's tests and stops them
 * after; returns an object whose `server` and `browser` are set by then.
 */
export function useApp(options = {}) {
  const ctx = { server: null, browser: null };
  before(async () => {
    ctx.server = await serveDist(options.dist);
    ctx.browser = await launchBrowser();
  });
  after(async () => {
    await ctx.browser?.close();
    await ctx.server?.close();
  });
  return ctx;
}

/** The codes of the views the page's navigation offers, in its order (`nav-{code}`). */
export async function navViews(page) {
  await page.getByTestId('nav-home').waitFor();
  return page.$$eval('nav [data-testid^="nav-"]', (links) => links.map((l) => l.dataset.testid.slice('nav-'.length)));
}

/**
 * Opens a view by its navigation link and waits until the view itself is there: its
 * root (`data-view="{code}"`, or the prompt to pick an assessment first) in the page
 * and the loading line of a view fetched on first opening gone.
 */
export async function openView(page, view) {
  await page.getByTestId(`nav-${view}`).click();
  await page.locator(`[data-view="${view}"], [data-testid="needs-assessment"], [data-testid="view-load-failed"]`).first().waitFor();
  await page.getByTestId('view-loading').waitFor({ state: 'detached' });
}
