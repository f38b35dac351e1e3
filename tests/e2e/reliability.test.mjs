// Reliability and security promises: nothing leaves the page, a strict CSP holds,
// a full storage loses nothing, two tabs stay in step, a crash keeps the data
// reachable, deleted work goes to the trash, and backups restore without
// overwriting.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { useApp, newPage, openApp, storageSnapshot, storageSettled, fillStorage, SAMPLE } from './harness.mjs';

const ctx = useApp();

/** Records CSP violations in the page. */
async function watchViolations(page) {
  await page.addInitScript(() => {
    window.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
}

test('a strict Content-Security-Policy is in force and blocks connections to other origins', async () => {
  const { context, page } = await newPage(ctx.browser);
  await watchViolations(page);
  await openApp(page, ctx.server.url);
  const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  assert.match(csp, /default-src 'none'/);
  assert.match(csp, /connect-src 'self'/);
  assert.match(csp, /script-src 'self' 'wasm-unsafe-eval' 'sha256-/);
  assert.doesNotMatch(csp, /unsafe-inline/);
  const outcome = await page.evaluate(() => fetch('http://127.0.0.2:9/leak').then(() => 'sent', () => 'blocked'));
  assert.equal(outcome, 'blocked');
  const violations = await page.evaluate(() => window.__violations);
  assert.ok(violations.some((v) => v.startsWith('connect-src')), violations.join(', '));
  // Subresource integrity is kept on the app's own files.
  assert.match(await page.locator('link[rel="modulepreload"]').getAttribute('integrity'), /^sha384-/);
  await context.close();
});

test('a whole session makes no request outside the page and violates no policy', async () => {
  const { context, page, requests, problems } = await newPage(ctx.browser);
  await watchViolations(page);
  await openApp(page, ctx.server.url);
  await page.getByTestId('new-name').fill('Session');
  await page.getByTestId('create-assessment').click();
  await page.getByTestId('nav-catalogue').click();
  await page.getByTestId('level-A-1').selectOption('basic');
  await page.getByTestId('nav-portfolio').click();
  await page.getByTestId('portfolio-sourcing-A-1').selectOption('insource');
  await page.getByTestId('current-A-1').selectOption('2');
  await page.getByTestId('nav-home').click();
  await page.getByTestId('import-input').setInputFiles(SAMPLE);
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="assessment-item"]').length === 2);
  await Promise.all([page.waitForEvent('download'), page.getByTestId('export-json').click()]);
  await Promise.all([page.waitForEvent('download'), page.getByTestId('export-csv').click()]);
  await page.getByTestId('lang-toggle').click();
  for (const view of ['dashboard', 'evaluation', 'plan', 'profile', 'report']) await page.getByTestId(`nav-${view}`).click();
  await page.emulateMedia({ media: 'print' });
  await page.pdf();
  await page.emulateMedia({ media: 'screen' });
  await page.reload();
  await page.getByTestId('nav-home').waitFor();
  for (const url of requests) assert.ok(url.startsWith(ctx.server.url) || url.startsWith('blob:') || url.startsWith('data:'), `left the page: ${url}`);
  assert.deepEqual(ctx.server.requests.filter((r) => !r.startsWith('/tools/x1060/')), [], 'server saw only app paths');
  assert.deepEqual(await page.evaluate(() => window.__violations), []);
  assert.deepEqual(problems, []);
  await context.close();
});

test('a full storage gives a clear alert, keeps what was saved, and leaves a way out', async () => {
  const { context, page } = await newPage(ctx.browser);
  await openApp(page, ctx.server.url);
  await page.getByTestId('new-name').fill('Quota');
  await page.getByTestId('create-assessment').click();
  await page.getByTestId('nav-catalogue').click();
  await page.getByTestId('level-A-1').selectOption('basic');
  await storageSettled(page);
  const saved = await storageSnapshot(page);
  // Fill the origin's quota with other data, down to the last bytes.
  await fillStorage(page);
  await page.getByTestId('level-A-1').selectOption('advanced');
  const alert = page.locator('[role="alert"]');
  await alert.waitFor();
  assert.match(await alert.textContent(), /storage for this page is full[\s\S]*what was saved before is intact[\s\S]*Export/);
  const after = await storageSnapshot(page);
  for (const [k, v] of Object.entries(saved)) assert.equal(after[k], v, `${k} unchanged`);
  // The way out: export still works while storage is full.
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-json').click()]);
  const doc = JSON.parse(await readFile(await download.path(), 'utf8'));
  assert.equal(doc.services.find((s) => s.id === 'A-1').level, 'advanced', 'the export has the unsaved change');
  await page.reload();
  await page.getByTestId('level-A-1').waitFor();
  assert.equal(await page.getByTestId('level-A-1').inputValue(), 'basic', 'the saved state survived');
  await context.close();
});

test('two tabs on the same assessment pick up each other\'s changes', async () => {
  const { context, page: a } = await newPage(ctx.browser);
  await openApp(a, ctx.server.url);
  await a.getByTestId('new-name').fill('Shared');
  await a.getByTestId('create-assessment').click();
  await a.getByTestId('nav-catalogue').click();
  const b = await context.newPage();
  await b.goto(ctx.server.url);
  await b.getByTestId('level-A-1').waitFor();

  await a.getByTestId('level-A-1').selectOption('standard');
  await b.waitForFunction(() => document.querySelector('[data-testid="level-A-1"]').value === 'standard');
  assert.match(await b.getByTestId('status').textContent(), /Updated with changes saved in another tab/);

  await b.getByTestId('level-B-1').selectOption('basic');
  await a.waitForFunction(() => document.querySelector('[data-testid="level-B-1"]').value === 'basic');
  assert.equal(await a.getByTestId('level-A-1').inputValue(), 'standard', 'neither edit was lost');
  await a.reload();
  await a.getByTestId('level-B-1').waitFor();
  assert.equal(await a.getByTestId('level-A-1').inputValue(), 'standard');
  assert.equal(await a.getByTestId('level-B-1').inputValue(), 'basic');
  await context.close();
});

test('a deleted assessment goes to the trash, from where it can be restored or purged', async () => {
  const { context, page } = await newPage(ctx.browser);
  await openApp(page, ctx.server.url);
  await page.getByTestId('open-sample').click();
  await page.getByTestId('assessment-item').first().waitFor();
  page.once('dialog', (d) => d.accept());
  await page.getByTestId('delete-assessment').click();
  await page.getByTestId('trash-item').first().waitFor({ state: 'attached' });
  assert.equal(await page.getByTestId('assessment-item').count(), 0);
  await page.reload();
  await page.locator('details.trash summary').click();
  assert.match(await page.getByTestId('trash-item').first().textContent(), /Sakura Logistics/);
  await page.getByTestId('trash-restore').click();
  await page.getByTestId('assessment-item').first().waitFor();
  assert.equal(await page.getByTestId('trash-item').count(), 0);
  page.once('dialog', (d) => d.accept());
  await page.getByTestId('assessment-item').first().click();
  await page.getByTestId('delete-assessment').click();
  await page.locator('details.trash summary').click();
  page.once('dialog', (d) => d.accept());
  await page.getByTestId('trash-purge').click();
  await page.waitForFunction(() => !document.querySelector('[data-testid="trash-item"]'));
  const keys = Object.keys(await storageSnapshot(page));
  assert.ok(!keys.some((k) => /^x1060\.v2\.(trash|work|snap)\./.test(k)), keys.join(', '));
  await context.close();
});

test('back up everything, then restore with a preview that never overwrites', async () => {
  const { context, page } = await newPage(ctx.browser);
  await openApp(page, ctx.server.url);
  await page.getByTestId('open-sample').click();
  await page.getByTestId('new-name').fill('Second');
  await page.getByTestId('create-assessment').click();
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="assessment-item"]').length === 2);
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('backup-all').click()]);
  const backup = JSON.parse(await readFile(await download.path(), 'utf8'));
  assert.equal(backup.format, 'x1060-backup');
  assert.equal(backup.assessments.length, 2);

  // Restoring into the same browser: both are already here, so nothing is preselected.
  await page.getByTestId('import-input').setInputFiles(await download.path());
  await page.getByTestId('restore-preview').waitFor();
  assert.equal(await page.getByTestId('restore-item').count(), 2);
  assert.match(await page.getByTestId('restore-preview').textContent(), /already here/);
  assert.ok(await page.getByTestId('restore-confirm').isDisabled());
  await page.getByTestId('restore-cancel').click();
  assert.equal(await page.getByTestId('assessment-item').count(), 2);

  // Into an empty browser: previewed first, then added.
  const other = await ctx.browser.newContext();
  const fresh = await other.newPage();
  await fresh.goto(ctx.server.url);
  await fresh.getByTestId('import-input').setInputFiles(await download.path());
  await fresh.getByTestId('restore-preview').waitFor();
  assert.equal(await fresh.getByTestId('assessment-item').count(), 0, 'nothing added before confirming');
  await fresh.getByTestId('restore-confirm').click();
  await fresh.waitForFunction(() => document.querySelectorAll('[data-testid="assessment-item"]').length === 2);
  assert.match(await fresh.getByTestId('status').textContent(), /Added 2 assessment/);
  await other.close();
  await context.close();
});
