// The shell (issue 21): index.html and style/shell.css paint the app's name, what it
// is and the download's progress before the wasm arrives; the loader (scripts/boot.js)
// counts the bytes, checks their integrity, names a failure in both languages and
// offers to try again; the app takes the shell's place when it has mounted. Also: the
// build's precompressed copies (scripts/precompress.mjs) are complete, exact, and
// neither precached nor served in place of the files.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { useApp, newPage, DIST } from './harness.mjs';
import { listFiles } from '../../scripts/sw.mjs';
import { COMPRESSIBLE } from '../../scripts/precompress.mjs';

const ctx = useApp();
const WASM = /_bg\.wasm$/;
const require = createRequire(import.meta.url);
const AXE = require.resolve('axe-core/axe.min.js');

/** Every file under dir, relative to it. */
function filesUnder(dir, sub = '') {
  return readdirSync(join(dir, sub)).flatMap((f) => (statSync(join(dir, sub, f)).isDirectory() ? filesUnder(dir, join(sub, f)) : [join(sub, f)]));
}

/** The main wasm's size in KB as the shell shows it. */
function wasmKb() {
  const file = filesUnder(DIST).find((f) => /^pkg-[^/]+\/[^/]+_bg\.wasm$/.test(f));
  return Math.round(statSync(join(DIST, file)).size / 1024);
}

/** The failure the shell names: its kind and its two paragraphs. */
async function failure(page) {
  const error = page.getByTestId('boot-error');
  await error.locator('p').first().waitFor();
  return {
    kind: await page.getByTestId('boot-shell').getAttribute('data-failure'),
    en: await error.locator('p[lang="en"]').textContent(),
    ja: await error.locator('p[lang="ja"]').textContent(),
  };
}

/** Resolves once the page has rendered two frames (what is there has been painted). */
function painted(page) {
  return page.evaluate(() => new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok))));
}

async function axe(page) {
  await page.addScriptTag({ path: AXE });
  return page.evaluate(async () => {
    const result = await window.axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
      resultTypes: ['violations'],
    });
    return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`);
  });
}

for (const phone of [false, true]) {
  test(`the shell is painted before the wasm arrives, and the app takes its place without a jump${phone ? ', on a 390 px phone' : ''}`, async () => {
    const { context, page, problems } = await newPage(ctx.browser, { serviceWorkers: 'block', phone });
    let release;
    const held = new Promise((ok) => (release = ok));
    let asked = 0;
    await page.route(WASM, async (route) => {
      asked += 1;
      await held;
      await route.continue();
    });
    await page.goto(ctx.server.url);
    const shell = page.getByTestId('boot-shell');
    await shell.waitFor();
    await painted(page);
    assert.equal(await page.getByTestId('nav-home').count(), 0, 'the app is not there yet');
    assert.ok(await shell.isVisible());
    const title = page.locator('header h1');
    assert.equal(await title.textContent(), 'X.1060 CDC self-assessment / セルフアセスメント');
    assert.match(await shell.textContent(), /Service catalogue, profile and portfolio for a cyber defence centre/);
    assert.match(await shell.textContent(), /サイバーディフェンスセンターのサービスカタログ/);
    assert.equal(await page.getByTestId('boot-progress').evaluate((e) => e.tagName), 'PROGRESS');
    assert.equal(await page.getByTestId('boot-status').getAttribute('role'), 'status');
    assert.match(await page.getByTestId('boot-status').textContent(), new RegExp(`Loading the app… / アプリを読み込んでいます… 0 KB / ${wasmKb()} KB$`));
    assert.equal(await page.getByTestId('boot-retry').isVisible(), false);
    const before = await title.boundingBox();
    assert.ok(before.height > 0 && before.y < 100, JSON.stringify(before));

    release();
    await page.getByTestId('nav-home').waitFor();
    assert.equal(await shell.count(), 0, 'the shell is gone once the app has mounted');
    const after = await title.boundingBox();
    assert.ok(Math.abs(after.x - before.x) <= 1 && Math.abs(after.y - before.y) <= 1, `the title stays in place: ${JSON.stringify({ before, after })}`);
    assert.equal(asked, 1, 'the wasm is downloaded once (the preload is reused)');
    assert.deepEqual(problems, []);
    await context.close();
  });
}

test('the bar counts the bytes as they arrive', async () => {
  const { context, page, problems } = await newPage(ctx.browser, { serviceWorkers: 'block' });
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  // About 300 KB a second: the wasm takes a few seconds.
  await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 20, downloadThroughput: 300_000, uploadThroughput: 300_000 });
  await page.goto(ctx.server.url);
  const total = wasmKb();
  const seen = await page.waitForFunction(
    () => {
      const bar = document.getElementById('boot-progress');
      return bar && bar.value > 0 && bar.value < bar.max ? { value: bar.value, max: bar.max, text: document.getElementById('boot-bytes').textContent } : null;
    },
    null,
    { polling: 50, timeout: 20_000 },
  );
  const { value, max, text } = await seen.jsonValue();
  assert.ok(value > 0 && value < max, `part of the wasm: ${value} of ${max}`);
  assert.match(text, new RegExp(`^\\d+ KB / ${total} KB$`));
  await page.getByTestId('nav-home').waitFor({ timeout: 30_000 });
  assert.equal(await page.getByTestId('boot-shell').count(), 0);
  assert.deepEqual(problems, []);
  await context.close();
});

test('a failed download is named in both languages, and Try again loads the app', async () => {
  const { context, page } = await newPage(ctx.browser, { serviceWorkers: 'block' });
  let broken = true;
  await page.route(WASM, (route) => (broken ? route.abort('failed') : route.continue()));
  await page.goto(ctx.server.url);
  assert.deepEqual(await failure(page), {
    kind: 'network',
    en: 'The app could not be downloaded: the network or the server did not answer.',
    ja: 'アプリをダウンロードできませんでした。ネットワークまたはサーバーが応答しませんでした。',
  });
  assert.equal(await page.getByTestId('boot-error').getAttribute('role'), 'alert');
  assert.equal(await page.getByTestId('boot-status').isVisible(), false, 'no "loading" line beside the failure');
  assert.equal(await page.getByTestId('boot-progress').evaluate((bar) => bar.position), 0, 'the bar stands still, empty');
  const retry = page.getByTestId('boot-retry');
  assert.equal(await retry.textContent(), 'Try again / 再試行');
  // From the keyboard: the button is focusable and pressed with Enter.
  await retry.focus();
  assert.equal(await page.evaluate(() => document.activeElement?.dataset.testid), 'boot-retry');
  broken = false;
  await page.keyboard.press('Enter');
  await page.getByTestId('nav-home').waitFor();
  assert.equal(await page.getByTestId('boot-shell').count(), 0);
  await context.close();
});

test('an HTTP error status and bytes that fail the integrity check are named', async () => {
  const cases = [
    [{ status: 503, body: 'busy' }, { kind: 'http', en: 'The app could not be downloaded: the server answered with HTTP status 503.', ja: 'アプリをダウンロードできませんでした。サーバーの応答は HTTP ステータス 503 でした。' }],
    [{ status: 200, contentType: 'application/wasm', body: Buffer.from([0, 0x61, 0x73, 0x6d, 1, 0, 0, 0]) }, { kind: 'integrity', en: 'The downloaded app is not the file this page expects: its integrity check failed.', ja: 'ダウンロードしたアプリが、このページの想定するファイルと一致しません（完全性の検査に失敗しました）。' }],
  ];
  for (const [answer, expected] of cases) {
    const { context, page } = await newPage(ctx.browser, { serviceWorkers: 'block' });
    await page.route(WASM, (route) => route.fulfill(answer));
    await page.goto(ctx.server.url);
    assert.deepEqual(await failure(page), expected);
    assert.equal(await page.getByTestId('nav-home').count(), 0, 'nothing of the bad file ran');
    await context.close();
  }
});

test('a download that stalls is named once nothing has arrived for 30 seconds', async () => {
  const { context, page } = await newPage(ctx.browser, { serviceWorkers: 'block' });
  await page.clock.install();
  await page.route(WASM, () => {}); // never answered
  await page.goto(ctx.server.url);
  await page.getByTestId('boot-shell').waitFor();
  await page.clock.runFor(29_000);
  assert.equal(await page.getByTestId('boot-error').textContent(), '', 'not yet after 29 s');
  await page.clock.runFor(2_000);
  assert.deepEqual(await failure(page), {
    kind: 'stall',
    en: 'The download stopped: nothing arrived for 30 seconds.',
    ja: 'ダウンロードが止まりました。30 秒間、何も届きませんでした。',
  });
  assert.ok(await page.getByTestId('boot-retry').isVisible());
  await context.close();
});

test('a browser without WebAssembly is told so in both languages', async () => {
  const { context, page } = await newPage(ctx.browser, { serviceWorkers: 'block' });
  await page.addInitScript(() => {
    delete window.WebAssembly;
  });
  await page.goto(ctx.server.url);
  assert.deepEqual(await failure(page), {
    kind: 'wasm',
    en: 'This browser cannot run WebAssembly, which the app needs.',
    ja: 'このブラウザでは、このアプリに必要な WebAssembly を実行できません。',
  });
  assert.ok(await page.getByTestId('boot-retry').isVisible());
  await context.close();
});

test('the shell passes axe-core while loading and when failed, in both schemes', async () => {
  for (const [locale, scheme] of [['en-GB', 'light'], ['ja-JP', 'dark']]) {
    const context = await ctx.browser.newContext({ bypassCSP: true, locale, colorScheme: scheme, serviceWorkers: 'block' });
    const page = await context.newPage();
    let broken = false;
    await page.route(WASM, (route) => (broken ? route.abort('failed') : new Promise(() => {})));
    await page.goto(ctx.server.url);
    await page.getByTestId('boot-shell').waitFor();
    assert.deepEqual(await axe(page), [], `loading, ${scheme}`);
    broken = true;
    await page.reload();
    await page.getByTestId('boot-error').locator('p').first().waitFor();
    assert.deepEqual(await axe(page), [], `failed, ${scheme}`);
    await context.close();
  }
});

test('without JavaScript, or opened as a file, the shell shows no bar that never moves', async () => {
  const context = await ctx.browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(ctx.server.url);
  assert.ok(await page.locator('header h1').isVisible(), 'the name is there');
  assert.equal(await page.getByTestId('boot-progress').isVisible(), false);
  await context.close();
  const { context: fileContext, page: filePage } = await newPage(ctx.browser);
  await filePage.goto(pathToFileURL(join(DIST, 'index.html')).href);
  await filePage.locator('#file-note').waitFor();
  assert.equal(await filePage.getByTestId('boot-progress').isVisible(), false);
  assert.equal(await filePage.getByTestId('boot-error').textContent(), '', 'no failure named: the note says what to do');
  await fileContext.close();
});

test('dist has gzip and brotli copies of every compressible file, neither precached nor served in its place', async () => {
  const files = filesUnder(DIST);
  const originals = files.filter((f) => COMPRESSIBLE.some((ext) => f.endsWith(ext)));
  assert.ok(originals.some((f) => f.endsWith('_bg.wasm')) && originals.includes('index.html') && originals.includes('sw.js'));
  for (const f of originals) {
    const raw = readFileSync(join(DIST, f));
    assert.ok(gunzipSync(readFileSync(join(DIST, `${f}.gz`))).equals(raw), `${f}.gz`);
    assert.ok(brotliDecompressSync(readFileSync(join(DIST, `${f}.br`))).equals(raw), `${f}.br`);
  }
  const copies = files.filter((f) => /\.(gz|br)$/.test(f));
  assert.equal(copies.length, originals.length * 2, 'no other compressed files');
  assert.deepEqual(listFiles(DIST).filter((f) => /\.(gz|br)$/.test(f)), [], 'sw.js does not precache them');
  const sw = readFileSync(join(DIST, 'sw.js'), 'utf8');
  assert.doesNotMatch(sw, /\.(gz|br)"/);
  // The test server sends each file as itself: no Content-Encoding, the copies as archives.
  const page = await fetch(`${ctx.server.url}index.html`);
  assert.equal(page.headers.get('content-encoding'), null);
  assert.match(await page.text(), /^<!DOCTYPE html>/i);
  const copy = await fetch(`${ctx.server.url}index.html.gz`);
  assert.equal(copy.headers.get('content-type'), 'application/gzip');
  assert.equal(copy.headers.get('content-encoding'), null);
});
