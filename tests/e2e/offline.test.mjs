// Offline and installable: after one visit a service worker serves the app shell
// from its cache, so the app starts with no network; a new release replaces the old
// cleanly after the user accepts a prompt; the web app manifest and its icons load.
// Everything is served under a sub-path, as on https://example.org/tools/x1060/.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { cp, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { execFileSync } from 'node:child_process';
import { extname, join, normalize } from 'node:path';
import os from 'node:os';
import { serveDist, launchBrowser, newPage, openApp, SAMPLE, DIST, ROOT, BASE_PATH } from './harness.mjs';
import { listFiles, CACHE_PREFIX } from '../../scripts/sw.mjs';

const WAIT = 20_000;
let server;
let browser;
let tmp;

before(async () => {
  server = await serveDist();
  browser = await launchBrowser();
  tmp = await mkdtemp(join(os.tmpdir(), 'x1060-offline-'));
});

after(async () => {
  await browser?.close();
  await server?.close();
  if (tmp) await rm(tmp, { recursive: true, force: true });
});

async function open(url, options) {
  const opened = await newPage(browser, options);
  opened.page.setDefaultTimeout(WAIT);
  await openApp(opened.page, url);
  return opened;
}

/** Waits (bounded) until the page's service worker is activated; resolves to its script URL. */
async function activeWorker(page) {
  return page.evaluate(
    (ms) =>
      Promise.race([
        navigator.serviceWorker.ready.then(
          (reg) =>
            new Promise((ok) => {
              const w = reg.active;
              if (w.state === 'activated') ok(w.scriptURL);
              else w.addEventListener('statechange', () => w.state === 'activated' && ok(w.scriptURL));
            }),
        ),
        new Promise((_, no) => setTimeout(() => no(new Error(`no activated service worker after ${ms} ms`)), ms)),
      ]),
    WAIT,
  );
}

/** Reloads, and waits until the app is interactive again. */
async function reload(page) {
  await page.reload();
  await page.getByTestId('nav-home').waitFor();
}

async function cacheNames(page) {
  return page.evaluate(() => caches.keys());
}

async function cachedUrls(page, name) {
  return page.evaluate(async (n) => (await (await caches.open(n)).keys()).map((r) => r.url).sort(), name);
}

function versionOf(swSource) {
  return swSource.match(/const VERSION = "([0-9a-f]+)";/)[1];
}

/** The name of this app's cache for a version, served from appUrl. */
function cacheName(appUrl, version) {
  return `${CACHE_PREFIX}:${appUrl}:${version}`;
}

test('the first visit installs the worker: it precaches every file and controls the page after a reload', { timeout: 90_000 }, async () => {
  const { context, page, problems } = await newPage(browser);
  page.setDefaultTimeout(WAIT);
  const first = await page.goto(server.url);
  assert.equal(first.fromServiceWorker(), false, 'first visit: from the network');
  await page.getByTestId('nav-home').waitFor();
  assert.equal(await activeWorker(page), `${server.url}sw.js`, 'sw.js, next to index.html');
  assert.equal(await page.evaluate(async () => (await navigator.serviceWorker.getRegistration()).scope), server.url, 'scope: the app folder');

  const fromWorker = [];
  page.on('response', (r) => r.fromServiceWorker() && fromWorker.push(new URL(r.url()).pathname.split('/').pop()));
  await reload(page);
  assert.equal(await page.evaluate(() => navigator.serviceWorker.controller?.scriptURL), `${server.url}sw.js`);
  assert.ok(fromWorker.includes(''), 'the document came from the worker');
  assert.ok(fromWorker.some((f) => f.endsWith('_bg.wasm')), 'the wasm came from the worker');

  const sw = await readFile(join(DIST, 'sw.js'), 'utf8');
  const name = cacheName(server.url, versionOf(sw));
  assert.deepEqual(await cacheNames(page), [name], 'one cache, named after the app folder and the version');
  const urls = await cachedUrls(page, name);
  const expected = [server.url, ...listFiles(DIST).map((f) => server.url + f)].sort();
  assert.deepEqual(urls, expected, 'the page, index.html and every built file');
  assert.ok(urls.some((u) => u.endsWith('_bg.wasm')) && urls.includes(`${server.url}index.html`));
  assert.ok(!urls.includes(`${server.url}sw.js`), 'not the worker itself');
  assert.deepEqual(problems, []);
  await context.close();
});

test('offline, a reload and a new tab start the app from the cache with the stored assessments, and nothing reaches the server', { timeout: 90_000 }, async () => {
  const { context, page, problems } = await open(server.url);
  await activeWorker(page);
  await page.getByTestId('import-input').setInputFiles(SAMPLE);
  await page.getByTestId('assessment-item').first().waitFor();
  await reload(page);
  assert.ok(await page.evaluate(() => navigator.serviceWorker.controller !== null));

  const seen = server.requests.length;
  await context.setOffline(true);
  assert.equal(await page.evaluate(() => navigator.onLine), false);
  await reload(page);
  const item = page.getByTestId('assessment-item');
  await item.first().waitFor();
  assert.equal(await item.count(), 1);
  assert.match(await item.first().textContent(), /Sample: Sakura Logistics CDC FY2026/);
  await page.getByTestId('nav-dashboard').click();
  await page.getByTestId('nav-home').click();

  // A new tab, on the app's URL with a query, also starts.
  const second = await context.newPage();
  second.setDefaultTimeout(WAIT);
  await second.goto(`${server.url}?from=offline`);
  await second.getByTestId('assessment-item').first().waitFor();

  assert.equal(server.requests.length, seen, `requests reached the server while offline: ${server.requests.slice(seen).join(', ')}`);
  assert.deepEqual(problems, []);
  await context.close();
});

/**
 * A static server like the harness's, on one origin and port, whose folder can be
 * switched: a new release deployed in place.
 */
async function serveSwitchable(dir) {
  const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.wasm': 'application/wasm', '.css': 'text/css; charset=utf-8', '.svg': 'image/svg+xml', '.png': 'image/png', '.webmanifest': 'application/manifest+json' };
  const state = { dir, requests: [] };
  const srv = createServer(async (req, res) => {
    state.requests.push(req.url);
    const url = new URL(req.url, 'http://localhost');
    if (!url.pathname.startsWith(BASE_PATH)) return void res.writeHead(404).end();
    const file = normalize(join(state.dir, decodeURIComponent(url.pathname.slice(BASE_PATH.length)) || 'index.html'));
    if (!file.startsWith(state.dir)) return void res.writeHead(403).end();
    try {
      const path = (await stat(file)).isDirectory() ? join(file, 'index.html') : file;
      const body = await readFile(path);
      res.writeHead(200, { 'content-type': TYPES[extname(path)] ?? 'application/octet-stream', 'cache-control': 'no-store' });
      res.end(body);
    } catch {
      res.writeHead(404).end('not found');
    }
  });
  await new Promise((ok) => srv.listen(0, '127.0.0.1', ok));
  return { url: `http://127.0.0.1:${srv.address().port}${BASE_PATH}`, state, close: () => new Promise((ok) => srv.close(ok)) };
}

/** A copy of dist/ with one precached file changed (index.html marked `release`), and its sw.js regenerated. */
async function release(name) {
  const dir = join(tmp, name);
  await cp(DIST, dir, { recursive: true, filter: (src) => !src.slice(DIST.length).includes('/.') });
  const index = join(dir, 'index.html');
  const html = await readFile(index, 'utf8');
  await writeFile(index, html.replace('<title>', `<meta name="x1060-test-release" content="${name}" />\n    <title>`));
  execFileSync(process.execPath, [join(ROOT, 'scripts/sw.mjs'), dir], { stdio: 'pipe' });
  return { dir, version: versionOf(await readFile(join(dir, 'sw.js'), 'utf8')) };
}

const releaseShown = (page) => page.evaluate(() => document.querySelector('meta[name="x1060-test-release"]')?.content ?? null);

/** Waits for the update banner; returns its message and its button's label. */
async function bannerText(page) {
  const button = page.getByTestId('update-reload');
  await button.waitFor();
  const banner = page.locator('.pwa-update[role="status"]');
  return [await banner.locator('.pwa-update__text').textContent(), await button.textContent()];
}

/** Clicks the banner's button and waits for the page to come back as `name`. */
async function acceptUpdate(page, name) {
  await Promise.all([page.waitForEvent('load'), page.getByTestId('update-reload').click()]);
  await page.getByTestId('nav-home').waitFor();
  assert.equal(await releaseShown(page), name, `the page is release ${name}`);
  await activeWorker(page);
}

test('a new release is offered with a prompt, replaces the old one on reload, and removes only the old cache', { timeout: 150_000 }, async () => {
  const a = await release('A');
  const b = await release('B');
  const c = await release('C');
  assert.notEqual(a.version, b.version, 'one changed file gives a new version');
  const host = await serveSwitchable(a.dir);
  try {
    const { context, page, problems } = await open(host.url);
    await activeWorker(page);
    await reload(page);
    assert.equal(await releaseShown(page), 'A');
    // Caches of other apps, and of this app in another folder of the origin, must survive.
    const origin = new URL(host.url).origin;
    const others = ['another-app', cacheName(`${origin}/elsewhere/`, 'old')];
    await page.evaluate((names) => Promise.all(names.map((n) => caches.open(n))), others);
    assert.deepEqual((await cacheNames(page)).sort(), [cacheName(host.url, a.version), ...others].sort());

    // Release B is deployed; the next visit finds it and offers it, still running A.
    host.state.dir = b.dir;
    await reload(page);
    assert.equal(await releaseShown(page), 'A', 'the cached release starts, with no waiting on the network');
    assert.deepEqual(await bannerText(page), ['A new version is available.', 'Reload']);
    assert.equal(await page.locator('.pwa-update').count(), 1);
    await acceptUpdate(page, 'B');
    assert.equal(await page.locator('.pwa-update').count(), 0, 'no banner after the update');
    assert.deepEqual((await cacheNames(page)).sort(), [cacheName(host.url, b.version), ...others].sort(), 'A\'s cache is gone');
    assert.deepEqual(await cachedUrls(page, cacheName(host.url, b.version)), [host.url, ...listFiles(b.dir).map((f) => host.url + f)].sort());

    // Release C, found by a check while the page is open, in Japanese.
    await page.getByTestId('lang-toggle').click();
    await page.waitForFunction(() => document.documentElement.lang === 'ja');
    host.state.dir = c.dir;
    await page.evaluate(async () => (await navigator.serviceWorker.getRegistration()).update());
    assert.deepEqual(await bannerText(page), ['新しいバージョンがあります。', '再読み込み']);
    await acceptUpdate(page, 'C');
    assert.deepEqual((await cacheNames(page)).sort(), [cacheName(host.url, c.version), ...others].sort());

    // And C works offline.
    await context.setOffline(true);
    await reload(page);
    assert.equal(await releaseShown(page), 'C');
    assert.deepEqual(problems, []);
    await context.close();
  } finally {
    await host.close();
  }
});

test('the web app manifest is served, parses, works from the sub-path, and its icons load', { timeout: 60_000 }, async () => {
  const { context, page, problems } = await open(server.url);
  assert.equal(await page.locator('link[rel="manifest"]').getAttribute('href'), 'manifest.webmanifest', 'relative to the page');
  assert.equal(await page.locator('meta[name="theme-color"]').getAttribute('content'), '#1f5fbf');
  const manifestUrl = await page.evaluate(() => document.querySelector('link[rel="manifest"]').href);
  assert.equal(manifestUrl, `${server.url}manifest.webmanifest`);

  const response = await fetch(manifestUrl);
  assert.equal(response.status, 200);
  assert.equal(response.headers.get('content-type'), 'application/manifest+json');
  const manifest = JSON.parse(await response.text());
  assert.equal(manifest.name, 'X.1060 CDC self-assessment');
  assert.equal(manifest.short_name, 'X.1060 CDC');
  assert.equal(manifest.start_url, './');
  assert.equal(manifest.scope, './');
  assert.equal(manifest.display, 'standalone');
  assert.equal(manifest.lang, 'ja');
  assert.equal(manifest.background_color, '#f7f8fa');
  assert.equal(manifest.theme_color, '#1f5fbf');

  // Chromium's own reading of it: no errors, start URL and scope inside the sub-path.
  const cdp = await context.newCDPSession(page);
  const read = await cdp.send('Page.getAppManifest');
  assert.equal(read.url, manifestUrl);
  assert.deepEqual(read.errors, []);
  assert.equal(read.manifest.startUrl, server.url);
  assert.equal(read.manifest.scope, server.url);
  assert.equal(read.manifest.id, server.url, 'its identity is the app folder, so two deployments on one origin stay apart');
  assert.equal(read.manifest.icons.length, manifest.icons.length);
  // Installable, but for the test browser's private-mode profile.
  const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
  assert.deepEqual(installabilityErrors.map((e) => e.errorId).filter((id) => id !== 'in-incognito'), []);

  const sizes = manifest.icons.map((i) => i.sizes);
  assert.ok(sizes.includes('192x192') && sizes.includes('512x512') && sizes.includes('any'));
  assert.ok(manifest.icons.some((i) => i.purpose === 'maskable'));
  for (const icon of manifest.icons) {
    const src = new URL(icon.src, manifestUrl).href;
    assert.ok(src.startsWith(server.url), `${icon.src} is inside the app`);
    const size = await page.evaluate(async (url) => {
      const img = new Image();
      img.src = url;
      await img.decode();
      return `${img.naturalWidth}x${img.naturalHeight}`;
    }, src);
    if (icon.sizes !== 'any') assert.equal(size, icon.sizes, `${icon.src} is ${icon.sizes}`);
    const r = await fetch(src);
    assert.equal(r.headers.get('content-type'), icon.type, `${icon.src} type`);
  }
  assert.deepEqual(problems, []);
  await context.close();
});
