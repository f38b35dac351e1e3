// Sharing without a server: a link carries the assessment in the URL fragment.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFile, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { useApp, newPage, openApp, SAMPLE, readJson } from './harness.mjs';
import { expectedScores, shownScores, assertScores, fragmentNeverSent } from './expected.mjs';

const ctx = useApp();

async function makeLink(page) {
  await page.locator('details.share summary').click();
  await page.getByTestId('share-make').click();
  await page.getByTestId('share-link').waitFor();
  return page.getByTestId('share-link').inputValue();
}

test('a share link opens elsewhere as a preview, and imports only when asked', async () => {
  const { context, page } = await newPage(ctx.browser);
  await openApp(page, ctx.server.url);
  await page.getByTestId('open-sample').click();
  const link = await makeLink(page);
  assert.ok(link.startsWith(`${ctx.server.url}#share=v1.`), link.slice(0, 80));
  assert.ok(link.length < 32_000);

  const before = ctx.server.requests.length;
  const { context: other, page: fresh } = await newPage(ctx.browser);
  await fresh.goto(link);
  await fresh.getByTestId('share-preview').waitFor();
  assert.match(await fresh.getByTestId('share-summary').textContent(), /Sample: Sakura Logistics CDC FY2026/);
  assert.equal(await fresh.getByTestId('assessment-item').count(), 0, 'nothing imported before confirming');
  assert.equal(await fresh.evaluate(() => location.hash), '#/home', 'the share fragment leaves the address; Home shows the preview');
  assert.ok(fragmentNeverSent(ctx.server.requests.slice(before), link), 'the fragment never reached the server');
  await fresh.getByTestId('share-import').click();
  await fresh.getByTestId('assessment-item').first().waitFor();
  await fresh.getByTestId('nav-dashboard').click();
  assertScores(assert, await shownScores(fresh), expectedScores(await readJson(SAMPLE)));
  await other.close();
  await context.close();
});

test('a damaged link is refused with a message and changes nothing', async () => {
  const { context, page } = await newPage(ctx.browser);
  await openApp(page, ctx.server.url);
  await page.getByTestId('open-sample').click();
  const link = await makeLink(page);
  const damaged = `${link.slice(0, -12)}${link.slice(-12).split('').reverse().join('')}`;
  const { context: other, page: fresh } = await newPage(ctx.browser);
  await fresh.goto(damaged);
  const alert = fresh.locator('[role="alert"]');
  await alert.waitFor();
  assert.match(await alert.textContent(), /link/i);
  assert.equal(await fresh.getByTestId('share-preview').count(), 0);
  assert.equal(await fresh.getByTestId('assessment-item').count(), 0);
  await other.close();
  await context.close();
});

test('an assessment too large for a link is refused with a suggestion to send the file', async () => {
  const { context, page } = await newPage(ctx.browser);
  await openApp(page, ctx.server.url);
  // Random text does not compress: 12 notes of 10,000 characters need a far longer link.
  const noise = () => randomBytes(7_500).toString('base64');
  const doc = {
    format: 'x1060-assessment', version: 1, catalogue: 'x1060-2021', name: 'Huge notes',
    services: Array.from({ length: 12 }, (_, i) => ({ id: `A-${i + 1}`, level: 'basic', note: noise() })),
  };
  const file = join(await mkdtemp(join(tmpdir(), 'x1060-share-')), 'huge.json');
  await writeFile(file, JSON.stringify(doc));
  await page.getByTestId('import-input').setInputFiles(file);
  await page.getByTestId('assessment-item').first().waitFor();
  await page.locator('details.share summary').click();
  await page.getByTestId('share-make').click();
  const alert = page.locator('[role="alert"]');
  await alert.waitFor();
  assert.match(await alert.textContent(), /too large for a link[\s\S]*JSON file/);
  assert.equal(await page.getByTestId('share-link').count(), 0);
  await context.close();
});
