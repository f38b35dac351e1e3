// The crash notice, in a build made for this test only (make dist-crash: the
// `crash-test` feature); the published build has no crash address (storage.test.mjs).
// The release build aborts at once on a panic: the trap reaches public/crash.js,
// which shows the notice (index.html's #crash-template) with no app code running.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { useApp, newPage, openApp, SAMPLE, DIST_CRASH } from './harness.mjs';

const ctx = useApp({ dist: DIST_CRASH });

test('a crash shows a notice and a download of the stored data instead of a dead page', async () => {
  const { context, page } = await newPage(ctx.browser);
  await openApp(page, ctx.server.url);
  await page.getByTestId('import-input').setInputFiles(SAMPLE);
  await page.getByTestId('assessment-item').first().waitFor();
  const crashed = await context.newPage();
  await crashed.goto(`${ctx.server.url}#x1060-panic-test`);
  const notice = crashed.getByTestId('crash-notice');
  await notice.waitFor();
  assert.equal(await notice.getAttribute('role'), 'alert');
  assert.match(await notice.textContent(), /Something went wrong[\s\S]*問題が発生しました/);
  // The trap, as the detail (the release build keeps no panic message).
  assert.match(await crashed.getByTestId('crash-detail').textContent(), /RuntimeError/);
  assert.equal(await crashed.evaluate(() => location.hash), '', 'the address no longer crashes on reload');
  const [download] = await Promise.all([crashed.waitForEvent('download'), crashed.getByTestId('crash-download').click()]);
  const dump = JSON.parse(await readFile(await download.path(), 'utf8'));
  const key = Object.keys(dump).find((k) => k.startsWith('x1060.v2.work.'));
  assert.ok(key, 'the stored assessment is in the download');
  assert.match(dump[key], /Sakura Logistics/);
  await crashed.reload();
  await crashed.getByTestId('nav-home').waitFor();
  assert.equal(await crashed.getByTestId('crash-notice').count(), 0, 'the advised reload starts the app');
  await context.close();
});


test('a crash in an event handler, later, shows the notice too', async () => {
  const { context, page } = await newPage(ctx.browser);
  await openApp(page, ctx.server.url);
  await page.getByTestId('import-input').setInputFiles(SAMPLE);
  await page.getByTestId('assessment-item').first().waitFor();
  await page.evaluate(() => {
    location.hash = '#x1060-panic-later';
  });
  const notice = page.getByTestId('crash-notice');
  await notice.waitFor();
  assert.equal(await notice.getAttribute('role'), 'alert');
  assert.match(await notice.textContent(), /Download stored data[\s\S]*保存データをダウンロード/);
  assert.equal(await page.getByTestId('nav-home').count(), 0, 'the stopped app is gone from the page');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('crash-download').click()]);
  const dump = JSON.parse(await readFile(await download.path(), 'utf8'));
  assert.ok(
    Object.entries(dump).some(([k, v]) => k.startsWith('x1060.v2.work.') && /Sakura Logistics/.test(v)),
    'the stored assessment is in the download',
  );
  await context.close();
});
