// Backups in where the data lives: the line saying the work is kept in this browser
// only and when it was last exported, the gentle reminder to back up, every JSON
// export and backup read back and reported as verified, and the honest note shown
// when the page is opened as a file.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { useApp, newPage, openApp, storageSettled, storageSnapshot, fillStorage, SAMPLE, DIST } from './harness.mjs';

const ctx = useApp();
const today = () => new Date().toISOString().slice(0, 10);

async function importSample(page) {
  await page.getByTestId('import-input').setInputFiles(SAMPLE);
  await page.getByTestId('last-export').waitFor();
}

async function exportJson(page) {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-json').click()]);
  return JSON.parse(await readFile(await download.path(), 'utf8'));
}

test('the backup line says where the work is kept and when it was last exported, in both languages', async () => {
  const { context, page, problems } = await newPage(ctx.browser);
  await openApp(page, ctx.server.url);
  assert.equal(await page.getByTestId('saved-where').textContent(), 'Saved in this browser only');
  assert.equal(await page.getByTestId('last-export').count(), 0, 'no assessment: no export date');
  await importSample(page);
  assert.equal(await page.getByTestId('last-export').textContent(), 'never exported');
  await page.getByTestId('lang-toggle').click();
  assert.equal(await page.getByTestId('saved-where').textContent(), 'このブラウザにのみ保存');
  assert.equal(await page.getByTestId('last-export').textContent(), '未エクスポート');
  await page.getByTestId('lang-toggle').click();

  const doc = await exportJson(page);
  const verified = page.getByTestId('export-verified');
  await verified.waitFor();
  assert.equal(
    await verified.textContent(),
    `Verified: the file reads back as “\u2068${doc.name}\u2069”, ${doc.services.length} services with a decision.`,
  );
  assert.equal(await page.getByTestId('last-export').textContent(), `last exported ${today()}`);
  await page.getByTestId('lang-toggle').click();
  assert.equal(await page.getByTestId('last-export').textContent(), `最終エクスポート ${today()}`);
  assert.match(await verified.textContent(), /^確認済み: ファイルを読み戻すと「.*Sakura Logistics CDC FY2026.*」（判断済みのサービス \d+ 件）です。$/);
  await page.getByTestId('lang-toggle').click();

  // Kept across a reload, and seen by another tab (which follows later exports too).
  await page.reload();
  await page.getByTestId('last-export').waitFor();
  assert.equal(await page.getByTestId('last-export').textContent(), `last exported ${today()}`);
  const other = await context.newPage();
  await openApp(other, ctx.server.url);
  assert.equal(await other.getByTestId('last-export').textContent(), `last exported ${today()}`);
  await page.evaluate(() => localStorage.setItem('x1060.v2.pref.exported', '{}'));
  await other.waitForFunction(() => document.querySelector('[data-testid="last-export"]')?.textContent === 'never exported');
  assert.deepEqual(problems, []);
  await context.close();
});

test('after many changes a gentle reminder to back up appears; it can be put off, and an export clears it', async () => {
  const { context, page, problems } = await newPage(ctx.browser);
  await openApp(page, ctx.server.url);
  await importSample(page);
  await page.getByTestId('nav-catalogue').click();
  const hint = page.getByTestId('backup-hint');
  const change = async (i) => {
    await page.getByTestId('level-A-1').selectOption(i % 2 ? 'basic' : 'standard');
    await storageSettled(page);
  };
  for (let i = 0; i < 10; i++) await change(i);
  assert.equal(await hint.count(), 0, 'no reminder after a few changes');
  for (let i = 10; i < 20; i++) await change(i);
  await hint.waitFor();
  assert.equal(await hint.getAttribute('role'), null, 'a note, never an alert or a dialog');
  assert.equal(await page.getByRole('dialog').count(), 0);
  assert.match(await hint.textContent(), /Many changes since the last export/);

  await page.getByTestId('backup-hint-dismiss').click();
  assert.equal(await hint.count(), 0, 'put off');
  await page.reload();
  await page.getByTestId('last-export').waitFor();
  assert.equal(await hint.count(), 0, 'still put off after a reload');
  for (let i = 0; i < 20; i++) await change(i);
  await hint.waitFor();

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('backup-hint-export').click()]);
  const exported = JSON.parse(await readFile(await download.path(), 'utf8'));
  assert.equal(exported.services.find((x) => x.id === 'A-1').level, 'basic', 'the export holds the latest change');
  await page.getByTestId('export-verified').waitFor();
  assert.equal(await hint.count(), 0, 'an export clears the reminder');
  assert.equal(await page.getByTestId('last-export').textContent(), `last exported ${today()}`);
  assert.deepEqual(problems, []);
  await context.close();
});

test('a backup is read back and verified', async () => {
  const { context, page, problems } = await newPage(ctx.browser);
  await openApp(page, ctx.server.url);
  await importSample(page);
  await page.getByTestId('import-input').setInputFiles(SAMPLE);
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="assessment-item"]').length === 2);
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('backup-all').click()]);
  assert.equal(JSON.parse(await readFile(await download.path(), 'utf8')).assessments.length, 2);
  await page.getByTestId('export-verified').waitFor();
  assert.equal(await page.getByTestId('export-verified').textContent(), 'Verified: the backup reads back with all 2 assessments.');
  assert.equal(await page.getByTestId('last-export').textContent(), `last exported ${today()}`);
  assert.deepEqual(problems, []);
  await context.close();
});

test('with storage full, an export still verifies and nothing stored changes', async () => {
  const { context, page } = await newPage(ctx.browser);
  await openApp(page, ctx.server.url);
  await importSample(page);
  await storageSettled(page);
  await fillStorage(page);
  const ours = (all) => Object.fromEntries(Object.entries(all).filter(([k]) => k.startsWith('x1060.')));
  const before = ours(await storageSnapshot(page));
  await exportJson(page);
  await page.getByTestId('export-verified').waitFor();
  assert.equal(await page.getByTestId('last-export').textContent(), `last exported ${today()}`, 'shown in this tab');
  assert.equal(await page.getByRole('alert').count(), 0);
  assert.deepEqual(ours(await storageSnapshot(page)), before, 'no stored data changed or lost');
  await context.close();
});

test('the published build has no switch to break an export', async () => {
  const { context, page } = await newPage(ctx.browser);
  await openApp(page, ctx.server.url);
  await importSample(page);
  await page.evaluate(() => { window.x1060CorruptExports = true; });
  const doc = await exportJson(page);
  assert.equal(doc.format, 'x1060-assessment');
  await page.getByTestId('export-verified').waitFor();
  await context.close();
});

test('opened as a file, the page says how to serve it instead of staying blank', async () => {
  const { context, page } = await newPage(ctx.browser);
  await openApp(page, ctx.server.url);
  assert.equal(await page.locator('#file-note').isVisible(), false, 'served: no note');
  await page.goto(pathToFileURL(join(DIST, 'index.html')).href);
  const note = page.locator('#file-note');
  await note.waitFor();
  assert.match(await note.textContent(), /python3 -m http\.server 8000[\s\S]*python3 -m http\.server 8000/);
  await page.waitForTimeout(1000);
  assert.equal(await page.getByTestId('nav-home').count(), 0, 'the app does not start from a file (the browser blocks it)');
  await context.close();
});
