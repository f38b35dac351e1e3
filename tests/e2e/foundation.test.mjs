// Foundation: the app boots cleanly from the release build under a sub-path,
// imports good files, refuses bad ones without changing anything, exports,
// keeps everything across a reload, and sets damaged stored entries aside.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { useApp, newPage, openApp, storageSnapshot, fixture, SAMPLE, readJson } from './harness.mjs';

const ctx = useApp();

async function importFile(page, path) {
  await page.getByTestId('import-input').setInputFiles(path);
}

test('boots from a sub-path with no console errors and only same-origin requests', async () => {
  const { context, page, problems, requests } = await newPage(ctx.browser);
  await openApp(page, ctx.server.url);
  assert.equal(await page.locator('html').getAttribute('lang'), 'en', 'first visit follows the browser language');
  assert.match(await page.locator('h1').textContent(), /X\.1060/);
  assert.equal(await page.getByTestId('assessment-item').count(), 0);
  assert.deepEqual(problems, []);
  assert.ok(requests.length >= 3, 'html, js and wasm were loaded');
  for (const url of requests) assert.ok(url.startsWith(ctx.server.url), `request left the app: ${url}`);
  await context.close();
});

test('imports a valid file: listed, active, and kept across a reload', async () => {
  const { context, page, problems } = await newPage(ctx.browser);
  await openApp(page, ctx.server.url);
  await importFile(page, SAMPLE);
  const item = page.getByTestId('assessment-item');
  await item.first().waitFor();
  assert.equal(await item.count(), 1);
  assert.match(await item.first().textContent(), /Sample: Sakura Logistics CDC FY2026/);
  assert.equal(await item.first().getAttribute('aria-current'), 'true');
  assert.match(await page.getByTestId('status').textContent(), /Imported: \u2068Sample: Sakura Logistics/);
  assert.equal(await page.locator('[role="alert"]').count(), 0);

  await page.reload();
  await page.getByTestId('assessment-item').first().waitFor();
  assert.equal(await page.getByTestId('assessment-item').count(), 1);
  assert.equal(await page.getByTestId('assessment-item').first().getAttribute('aria-current'), 'true', 'active choice survives reload');
  assert.deepEqual(problems, []);
  await context.close();
});

for (const [file, expected] of [
  ['broken-syntax.json', /Line 6, column 3: not valid JSON \(expected `,` or `}`\)/],
  ['newer-version.json', /version: version 7 is newer than this app can read \(up to 1\)/],
  ['bad-content.json', /services\[0\]\.id: unknown service id "Z-99"[\s\S]*services\[1\]\.current \(service A-1\): must be an integer from 1 to 5, "n\/a" or null, found 9/],
]) {
  test(`refuses ${file} with an alert and changes nothing`, async () => {
    const { context, page } = await newPage(ctx.browser);
    await openApp(page, ctx.server.url);
    await importFile(page, SAMPLE);
    await page.getByTestId('assessment-item').first().waitFor();
    const before = await storageSnapshot(page);

    await importFile(page, fixture(file));
    const alert = page.locator('[role="alert"]');
    await alert.waitFor();
    const text = await alert.textContent();
    assert.match(text, /Importing “[^”]+” failed; nothing was changed\./);
    assert.match(text, new RegExp(file.replace('.', '\\.')), 'names the file');
    assert.match(text, expected);
    assert.equal(await page.getByTestId('assessment-item').count(), 1);
    assert.deepEqual(await storageSnapshot(page), before, 'localStorage untouched');
    await context.close();
  });
}

test('exports the active assessment as a format v1 file that imports back identically', async () => {
  const { context, page } = await newPage(ctx.browser);
  await openApp(page, ctx.server.url);
  await importFile(page, SAMPLE);
  await page.getByTestId('assessment-item').first().waitFor();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-json').click()]);
  assert.equal(download.suggestedFilename(), 'Sample-Sakura-Logistics-CDC-FY2026.json');
  const exported = JSON.parse(await readFile(await download.path(), 'utf8'));
  assert.deepEqual(exported, await readJson(SAMPLE), 'the sample is written in canonical form, so export equals it');

  await importFile(page, await download.path());
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="assessment-item"]').length === 2);
  const [again] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-json').click()]);
  assert.deepEqual(JSON.parse(await readFile(await again.path(), 'utf8')), exported);
  await context.close();
});

test('creates an assessment from the form, and asks for a name when it is empty', async () => {
  const { context, page, problems } = await newPage(ctx.browser);
  await openApp(page, ctx.server.url);
  await page.getByTestId('create-assessment').click();
  assert.match(await page.locator('#new-name-error').textContent(), /Give the assessment a name/);
  assert.equal(await page.getByTestId('assessment-item').count(), 0);
  await page.getByTestId('new-name').fill('Example SOC FY2026');
  await page.getByTestId('new-organisation').fill('Example Corp');
  await page.getByTestId('new-name').press('Enter');
  await page.getByTestId('assessment-item').first().waitFor();
  assert.match(await page.getByTestId('assessment-item').first().textContent(), /Example SOC FY2026[\s\S]*Example Corp/);
  const stored = await storageSnapshot(page);
  // Storage layout 2: the working state, its revision and its document.
  const entries = Object.keys(stored).filter((k) => k.startsWith('x1060.v2.work.'));
  assert.equal(entries.length, 1);
  const entry = JSON.parse(stored[entries[0]]);
  assert.equal(entry.rev % 2 ** 32, 1, 'the first revision (the high bits mark the tab)');
  const doc = JSON.parse(entry.document);
  assert.equal(doc.format, 'x1060-assessment');
  assert.equal(doc.name, 'Example SOC FY2026');
  assert.deepEqual(problems, []);
  await context.close();
});

test('text from a file is shown as text, never run as markup', async () => {
  const { context, page, problems } = await newPage(ctx.browser);
  await openApp(page, ctx.server.url);
  await importFile(page, fixture('hostile-text.json'));
  await page.getByTestId('assessment-item').first().waitFor();
  assert.match(await page.getByTestId('assessment-item').first().textContent(), /<img src=x onerror=/);
  assert.equal(await page.evaluate(() => window.pwned), undefined);
  assert.notEqual(await page.title(), 'pwned');
  assert.equal(await page.locator('main img').count(), 0);
  assert.deepEqual(problems, []);
  await context.close();
});

test('switching language updates <html lang> and persists', async () => {
  const { context, page } = await newPage(ctx.browser);
  await openApp(page, ctx.server.url);
  await page.getByTestId('lang-toggle').click();
  assert.equal(await page.locator('html').getAttribute('lang'), 'ja');
  assert.match(await page.locator('h1').textContent(), /セルフアセスメント/);
  await page.reload();
  await page.getByTestId('nav-home').waitFor();
  assert.equal(await page.locator('html').getAttribute('lang'), 'ja');
  await page.getByTestId('lang-toggle').click();
  assert.equal(await page.locator('html').getAttribute('lang'), 'en');
  await context.close();
});

test('a damaged stored entry is set aside with its raw text; the rest loads', async () => {
  const { context, page } = await newPage(ctx.browser);
  await openApp(page, ctx.server.url);
  await importFile(page, SAMPLE);
  await page.getByTestId('assessment-item').first().waitFor();
  await page.getByTestId('new-name').fill('Second');
  await page.getByTestId('create-assessment').click();
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="assessment-item"]').length === 2);
  const damagedKey = await page.evaluate(() => {
    const key = Object.keys(localStorage).find((k) => k.startsWith('x1060.v2.work.') && localStorage.getItem(k).includes('Sakura'));
    localStorage.setItem(key, '{"format":"x1060-assessment","version":1, garbage');
    return key;
  });
  await page.reload();
  await page.getByTestId('assessment-item').first().waitFor();
  // Start-up lists from the index and checks every stored entry once Home is shown.
  await page.getByTestId('unreadable-item').waitFor();
  assert.equal(await page.getByTestId('assessment-item').count(), 1);
  assert.match(await page.getByTestId('assessment-item').first().textContent(), /Second/);
  assert.match(await page.locator('[role="alert"]').textContent(), /1 stored entry could not be read/);
  const item = page.getByTestId('unreadable-item');
  assert.equal(await item.count(), 1);
  assert.match(await item.textContent(), /not valid JSON/);
  assert.equal(await page.evaluate((k) => localStorage.getItem(k), damagedKey), '{"format":"x1060-assessment","version":1, garbage', 'raw text kept');
  const [download] = await Promise.all([page.waitForEvent('download'), item.getByRole('button', { name: 'Download raw text' }).click()]);
  assert.equal(await readFile(await download.path(), 'utf8'), '{"format":"x1060-assessment","version":1, garbage');
  await context.close();
});
