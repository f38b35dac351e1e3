// End-to-end harness: serves the release build (dist/) on 127.0.0.1 under a
// sub-path, as a static host would, and drives Debian's Chromium with playwright-core.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { extname, join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { before, after } from 'node:test';

export const ROOT = resolve(fileURLToPath(import.meta.url), '../../..');
export const DIST = join(ROOT, 'dist');
/** The app is served under this path, to prove dist/ works from a sub-path. */
export const BASE_PATH = '/tools/x1060/';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.webmanifest': 'application/manifest+json',
};

/** Starts a static server for dist/; resolves to { url, requests, close }. */
export async function serveDist() {
  if (!existsSync(join(DIST, 'index.html'))) {
    throw new Error('dist/index.html is missing: run `make dist` first');
  }
  const requests = [];
  const server = createServer(async (req, res) => {
    requests.push(req.url);
    const url = new URL(req.url, 'http://localhost');
    if (!url.pathname.startsWith(BASE_PATH)) {
      res.writeHead(404).end('outside the app');
      return;
    }
    let rel = decodeURIComponent(url.pathname.slice(BASE_PATH.length)) || 'index.html';
    const file = normalize(join(DIST, rel));
    if (!file.startsWith(DIST)) {
      res.writeHead(403).end();
      return;
    }
    try {
      const info = await stat(file);
      const path = info.isDirectory() ? join(file, 'index.html') : file;
      const body = await readFile(path);
      res.writeHead(200, { 'content-type': TYPES[extname(path)] ?? 'application/octet-stream', 'cache-control': 'no-store' });
      res.end(body);
    } catch {
      res.writeHead(404).end('not found');
    }
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address();
  return {
    origin: `http://127.0.0.1:${port}`,
    url: `http://127.0.0.1:${port}${BASE_PATH}`,
    requests,
    close: () => new Promise((ok) => server.close(ok)),
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

const KNOWN_WARNINGS = [/The `integrity` attribute is currently ignored for preload destinations/];

/**
 * A fresh context (empty localStorage) and page, recording console errors, page
 * errors and every request the page makes.
 */
export async function newPage(browser, options = {}) {
  const context = await browser.newContext({ acceptDownloads: true, locale: options.locale ?? 'en-GB' });
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
  return { context, page, problems, requests };
}

/** Opens the app and waits until it is interactive. */
export async function openApp(page, url) {
  await page.goto(url);
  await page.getByTestId('nav-home').waitFor();
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

export function fixture(name) {
  return join(ROOT, 'tests/e2e/fixtures', name);
}

export const SAMPLE = join(ROOT, 'docs/sample-assessment.json');

export async function readJson(path) {
  return JSON.parse(await readFile(path, 'utf8'));
}

/**
 * Starts the server and the browser before a test file's tests and stops them
 * after; returns an object whose `server` and `browser` are set by then.
 */
export function useApp() {
  const ctx = { server: null, browser: null };
  before(async () => {
    ctx.server = await serveDist();
    ctx.browser = await launchBrowser();
  });
  after(async () => {
    await ctx.browser?.close();
    await ctx.server?.close();
  });
  return ctx;
}
