// An export that does not read back is named, never passed as verified: in the build
// made for tests (make dist-crash), `window.x1060CorruptExports = true` cuts every
// exported text in half after it is written.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { useApp, newPage, openApp, SAMPLE, DIST_CRASH } from './harness.mjs';

const ctx = useApp({ dist: DIST_CRASH });

test('a corrupt JSON export or backup is reported with what is wrong, and not counted as exported', async () => {
  const { context, page } = await newPage(ctx.browser);
  await openApp(page, ctx.server.url);
  await page.getByTestId('import-input').setInputFiles(SAMPLE);
  await page.getByTestId('last-export').waitFor();
  await page.evaluate(() => { window.x1060CorruptExports = true; });

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-json').click()]);
  const text = await readFile(await download.path(), 'utf8');
  assert.throws(() => JSON.parse(text), 'the downloaded file is the corrupt one');
  const alert = page.getByRole('alert');
  await alert.waitFor();
  assert.match(
    await alert.textContent(),
    /The exported file “\u2068Sample-Sakura-Logistics-CDC-FY2026\.json\u2069” did not verify: it cannot be imported: Line \d+, column \d+: not valid JSON/,
  );
  assert.equal(await page.getByTestId('export-verified').count(), 0);
  assert.equal(await page.getByTestId('last-export').textContent(), 'never exported');

  await page.getByTestId('lang-toggle').click();
  assert.match(await alert.textContent(), /書き出したファイル「.*」を確認できませんでした: インポートできません: /);
  await page.getByTestId('lang-toggle').click();

  await Promise.all([page.waitForEvent('download'), page.getByTestId('backup-all').click()]);
  await page.waitForFunction(() => /x1060-backup-.*did not verify/.test(document.querySelector('[role="alert"]')?.textContent ?? ''));
  assert.equal(await page.getByTestId('last-export').textContent(), 'never exported');

  // Without the switch, the same build verifies.
  await page.evaluate(() => { window.x1060CorruptExports = false; });
  await Promise.all([page.waitForEvent('download'), page.getByTestId('export-json').click()]);
  await page.getByTestId('export-verified').waitFor();
  assert.equal(await page.getByRole('alert').count(), 0, 'the old alert is closed by the verified export');
  await context.close();
});
