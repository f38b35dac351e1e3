// Views fetched on first opening (src/split/views.rs, docs/wasm-split.md): the first
// load holds only the main module (Home), and the module of the view the app opens on
// if that is another; every other view fetches its own module the first time it opens
// (the everyday views that module alone); a module that does not arrive is reported
// in both languages with a way to try again, and nothing stored or typed is lost.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { useApp, newPage, openSample, storageSnapshot, storageSettled, DIST } from './harness.mjs';

const ctx = useApp();

/** The build's split modules, by file name (dist/pkg-<hash>/split_*.wasm and chunk_*.wasm). */
function splitModules() {
  const pkg = readdirSync(DIST).find((f) => f.startsWith('pkg-'));
  assert.ok(pkg, 'dist/ holds the pkg-<hash> folder of the split build');
  return readdirSync(`${DIST}/${pkg}`).filter((f) => f.endsWith('.wasm') && !f.endsWith('_bg.wasm'));
}

const isSplit = (url) => /\/(split|chunk)_[^/]*\.wasm$/.test(url);
const moduleOf = (url) => url.split('/').pop();

// Each view and something only that view shows.
const VIEWS = [
  ['quick', 'quick-card-A'],
  ['catalogue', 'level-counts'],
  ['profile', 'sourcing-A-1'],
  ['portfolio', 'current-A-1'],
  ['dashboard', 'category-select'],
  ['workshop', 'workshop-round'],
  ['evaluation', 'snapshot-take'],
  ['plan', 'export-plan-csv'],
  ['report', 'report'],
  ['room', 'room-paste'],
];

test('the first load fetches no view module; each other view fetches its own on first opening, once', async () => {
  const modules = splitModules();
  for (const part of [...VIEWS.map(([view]) => view), 'csv']) {
    assert.ok(modules.some((m) => m.startsWith(`split_${part}`)), `a module of its own for ${part}: ${modules.join(', ')}`);
  }
  const { context, page, problems, requests } = await newPage(ctx.browser);
  await openSample(page, ctx.server.url);
  assert.deepEqual(requests.filter(isSplit), [], 'home: no split module fetched');

  for (const [view, shows] of VIEWS) {
    const before = requests.length;
    await page.getByTestId(`nav-${view}`).click();
    await page.getByTestId(shows).first().waitFor();
    const fetched = requests.slice(before).filter(isSplit).map(moduleOf);
    assert.ok(fetched.some((m) => m.startsWith(`split_${view}`)), `${view}: its module fetched (${fetched.join(', ')})`);
    assert.ok(!fetched.some((m) => VIEWS.some(([other]) => other !== view && m.startsWith(`split_${other}`))), `${view}: no other view's module`);
  }
  // Open again: the code is there already.
  const before = requests.length;
  for (const [view, shows] of VIEWS) {
    await page.getByTestId(`nav-${view}`).click();
    await page.getByTestId(shows).first().waitFor();
  }
  assert.deepEqual(requests.slice(before).filter(isSplit), [], 'a second opening fetches nothing');
  assert.deepEqual(problems, []);
  await context.close();
});

// The everyday views: what they share with other split modules stays in the main module
// (x1060-wasm-split --keep-shared-in-main, scripts/build-dist.sh), so each of them opens
// with one fetch. Split without it, opening the quick check fetched 84 files.
const EVERYDAY = ['quick', 'catalogue', 'profile', 'portfolio', 'dashboard'];

test('an everyday view opens with one fetch: its own module, no shared chunk', async () => {
  for (const view of EVERYDAY) {
    const shows = VIEWS.find(([v]) => v === view)[1];
    const { context, page, problems, requests } = await newPage(ctx.browser);
    await openSample(page, ctx.server.url);
    const before = requests.length;
    await page.getByTestId(`nav-${view}`).click();
    await page.getByTestId(shows).first().waitFor();
    const fetched = requests.slice(before).filter(isSplit).map(moduleOf);
    assert.equal(fetched.length, 1, `${view}: one module fetched (${fetched.join(', ')})`);
    assert.match(fetched[0], new RegExp(`^split_${view}`), `${view}: its own module`);
    assert.equal(await page.locator('link[rel=preload][href*="split_"]').count(), 0, 'Home at start: no view module preloaded');
    // Opened again without an address, the app reopens the last view used: the loader
    // (scripts/boot.js) preloads its module beside the main module, and it is used.
    const again = requests.length;
    await page.goto(ctx.server.url);
    await page.getByTestId(shows).first().waitFor();
    const preload = page.locator(`link[rel=preload][href$="/split_${view}.wasm"]`);
    assert.equal(await preload.count(), 1, `${view}: preloaded at start`);
    const fetchedAgain = requests.slice(again).filter(isSplit).map(moduleOf);
    assert.deepEqual(fetchedAgain, [`split_${view}.wasm`], `${view}: fetched once at start`);
    assert.deepEqual(problems, []);
    await context.close();
  }
});

test('a first visit to #/quick (the handout QR code) fetches the quick check and no other view', async () => {
  const { context, page, problems, requests } = await newPage(ctx.browser);
  await page.goto(`${ctx.server.url}#/quick`);
  await page.getByTestId('quick-card-A').first().waitFor();
  const fetched = requests.filter(isSplit).map(moduleOf);
  assert.equal(fetched.length, 1, `one module fetched (${fetched.join(', ')})`);
  assert.match(fetched[0], /^split_quick/);
  assert.equal(await page.locator('link[rel=preload][href$="/split_quick.wasm"]').count(), 1, 'preloaded beside the main module');
  assert.deepEqual(problems, []);
  await context.close();
});

for (const [lang, locale, words] of [
  ['en', 'en-GB', /could not be loaded.*Your data is safe/s],
  ['ja', 'ja-JP', /読み込めませんでした.*データはそのままです/s],
]) {
  test(`a view module that does not arrive is reported (${lang}), nothing is lost, and trying again opens the view`, async () => {
    // No service worker: it would fetch (and answer) the modules out of page.route's sight.
    const { context, page } = await newPage(ctx.browser, { locale, serviceWorkers: 'block' });
    await openSample(page, ctx.server.url);
    // An edit still waiting to be saved when the view fails must survive it.
    await page.getByTestId('nav-portfolio').click();
    const select = page.locator('[data-testid^="current-"]').first();
    const id = (await select.getAttribute('data-testid')).slice('current-'.length);
    const value = (await select.inputValue()) === '2' ? '4' : '2';
    await select.selectOption(value);

    let refused = 0;
    await page.route(isSplit, (route) => {
      refused += 1;
      return route.abort('connectionfailed');
    });
    await page.getByTestId('nav-evaluation').click();
    const failed = page.getByTestId('view-load-failed');
    await failed.waitFor();
    assert.ok(refused > 0, 'the module was asked for');
    assert.equal(await failed.getAttribute('role'), 'alert');
    assert.match(await failed.textContent(), words);
    // The rest of the app still works, and the edit is stored.
    await storageSettled(page);
    const stored = await storageSnapshot(page);
    assert.ok(Object.values(stored).some((v) => v.includes(`"${id}"`)), 'the assessment is still stored');
    // A view that cannot open is not the one the next visit opens.
    assert.equal(stored['x1060.v2.pref.view'], 'portfolio', 'the stored view is the one before');
    // After an update in another tab only a reload can open it: offered beside Try again.
    assert.equal(await page.getByTestId('view-load-reload').count(), 1);
    await page.getByTestId('nav-portfolio').click();
    assert.equal(await page.getByTestId(`current-${id}`).inputValue(), value);

    // The network is back: trying again opens the view, and the address still names it.
    await page.getByTestId('nav-evaluation').click();
    await failed.waitFor();
    await page.unroute(isSplit);
    await page.getByTestId('view-load-retry').click();
    await page.getByTestId('snapshot-take').waitFor();
    assert.equal(await failed.count(), 0);
    assert.match(page.url(), /#\/evaluation/);
    await context.close();
  });
}

test('while a module loads, a status line says so', async () => {
  const { context, page, problems } = await newPage(ctx.browser, { serviceWorkers: 'block' });
  await openSample(page, ctx.server.url);
  let release;
  const held = new Promise((ok) => (release = ok));
  await page.route(isSplit, async (route) => {
    await held;
    await route.continue();
  });
  await page.getByTestId('nav-workshop').click();
  const loading = page.getByTestId('view-loading');
  await loading.waitFor();
  assert.equal(await loading.getAttribute('role'), 'status');
  assert.match(await loading.textContent(), /Loading/);
  release();
  await page.getByTestId('workshop-round').waitFor();
  assert.equal(await loading.count(), 0);
  assert.deepEqual(problems, []);
  await context.close();
});

test('the workshop keeps its picks across a switch to another view (its state is made once, by the view)', async () => {
  const { context, page, problems } = await newPage(ctx.browser);
  await openSample(page, ctx.server.url);
  await page.getByTestId('nav-workshop').click();
  const pick = page.getByTestId('workshop-pick').first();
  await pick.check();
  assert.equal(await pick.isChecked(), true);
  await page.getByTestId('nav-home').click();
  await page.getByTestId('assessment-item').first().waitFor();
  await page.getByTestId('nav-workshop').click();
  assert.equal(await page.getByTestId('workshop-pick').first().isChecked(), true, 'still picked');
  assert.deepEqual(problems, []);
  await context.close();
});

test('the CSV tools fetch their code on first use; if it does not arrive, an alert says so and nothing is exported or changed', async () => {
  const { context, page, requests } = await newPage(ctx.browser, { serviceWorkers: 'block' });
  await openSample(page, ctx.server.url);
  assert.ok(!requests.some((u) => /\/split_csv[^/]*\.wasm$/.test(u)), 'not fetched before use');
  const before = await storageSnapshot(page);

  await page.route(isSplit, (route) => route.abort('connectionfailed'));
  let downloads = 0;
  page.on('download', () => (downloads += 1));
  await page.getByTestId('export-csv').click();
  const alert = page.getByTestId('alert');
  await alert.waitFor();
  assert.match(await alert.textContent(), /could not be loaded.*Nothing was changed/s);
  assert.equal(downloads, 0, 'nothing downloaded');
  await storageSettled(page);
  assert.deepEqual(await storageSnapshot(page), before, 'storage unchanged');

  await page.unroute(isSplit);
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-csv').click()]);
  assert.match(download.suggestedFilename(), /\.csv$/);
  assert.ok(requests.some((u) => /\/split_csv[^/]*\.wasm$/.test(u)), 'fetched on use');
  await context.close();
});

test('making a share link fetches its code on first use; if it does not arrive, an alert says so in Japanese too', async () => {
  const { context, page } = await newPage(ctx.browser, { locale: 'ja-JP', serviceWorkers: 'block' });
  await openSample(page, ctx.server.url);
  await page.route(isSplit, (route) => route.abort('connectionfailed'));
  await page.locator('details.share summary').click();
  await page.getByTestId('share-make').click();
  await page.getByTestId('alert').waitFor();
  assert.match(await page.getByTestId('alert').textContent(), /読み込めませんでした.*何も変更していません/s);
  assert.equal(await page.getByTestId('share-link').count(), 0, 'no link shown');
  await page.unroute(isSplit);
  await page.getByTestId('share-make').click();
  await page.getByTestId('share-link').waitFor();
  assert.match(await page.getByTestId('share-link').inputValue(), /#share=v1\./);
  await context.close();
});

test('a service’s evidence fetches its code on first opening; if it does not arrive, the card says so and opening again tries again', async () => {
  const { context, page, problems, requests } = await newPage(ctx.browser, { serviceWorkers: 'block' });
  await openSample(page, ctx.server.url);
  await page.getByTestId('nav-portfolio').click();
  const open = page.getByTestId('evidence-open-A-1');
  await open.waitFor();
  assert.ok(!requests.some((u) => /\/split_evidence[^/]*\.wasm$/.test(u)), 'not fetched before use');
  const before = await storageSnapshot(page);
  await page.route(isSplit, (route) => route.abort('connectionfailed'));
  await open.click();
  const failed = page.getByTestId('evidence-load-failed');
  await failed.waitFor();
  assert.match(await failed.textContent(), /could not be loaded.*Nothing was changed/s);
  await storageSettled(page);
  assert.deepEqual(await storageSnapshot(page), before, 'storage unchanged');
  await page.unroute(isSplit);
  await open.click(); // closed
  await open.click(); // opened again
  await page.getByTestId('evidence-add').waitFor();
  assert.equal(await failed.count(), 0);
  assert.ok(requests.some((u) => /\/split_evidence[^/]*\.wasm$/.test(u)), 'fetched on use');
  // The browser reports the aborted fetches; nothing else went wrong.
  assert.deepEqual(problems.filter((p) => !/ERR_CONNECTION_FAILED|Failed to load resource|wasm/i.test(p)), []);
  await context.close();
});
