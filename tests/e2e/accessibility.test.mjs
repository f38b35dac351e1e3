// Accessibility: axe-core (WCAG 2.2 A/AA rules) on every view, in both languages
// and in the dark colour scheme; keyboard operation of the main flow.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT, useApp, openApp, navViews, openView } from './harness.mjs';

const require = createRequire(import.meta.url);
const AXE = require.resolve('axe-core/axe.min.js');

const ctx = useApp();

async function audit(page) {
  // The app's CSP forbids injected scripts; these contexts bypass it for axe only.
  await page.addScriptTag({ path: AXE });
  return page.evaluate(async () => {
    const result = await window.axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
      resultTypes: ['violations'],
    });
    return result.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
  });
}

const PHONE = { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true, deviceScaleFactor: 2 };

for (const [locale, scheme, phone] of [['en-GB', 'light', false], ['ja-JP', 'dark', false], ['en-GB', 'light', true]]) {
  test(`every view passes axe-core in ${locale}, ${scheme} scheme${phone ? ', on a 390 px phone' : ''}`, async () => {
    const context = await ctx.browser.newContext({ bypassCSP: true, locale, colorScheme: scheme, ...(phone ? PHONE : {}) });
    const page = await context.newPage();
    await openApp(page, ctx.server.url);
    await page.getByTestId('open-sample').click();
    await page.getByTestId('assessment-item').first().waitFor();
    // Every view the navigation offers, each audited once it is there (not its loading line).
    const views = await navViews(page);
    assert.ok(views.length >= 10, views.join());
    const found = {};
    for (const view of views) {
      await openView(page, view);
      const violations = await audit(page);
      if (violations.length) found[view] = violations;
    }
    assert.deepEqual(found, {});
    await context.close();
  });
}

test('the CSV preview and a CSV refusal pass axe-core in both languages', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'x1060-axe-csv-'));
  const good = join(dir, 'good.csv');
  const bad = join(dir, 'bad.csv');
  await writeFile(good, 'id,level,current,note\r\nA-1,advanced,2,"two\r\nlines"\r\n');
  await writeFile(bad, 'id,level\r\nA-1,basik\r\nQ-1,\r\n');
  for (const [locale, scheme] of [['en-GB', 'light'], ['ja-JP', 'dark']]) {
    const context = await ctx.browser.newContext({ bypassCSP: true, locale, colorScheme: scheme });
    const page = await context.newPage();
    await openApp(page, ctx.server.url);
    await page.getByTestId('open-sample').click();
    await page.getByTestId('assessment-item').first().waitFor();
    await page.getByTestId('import-csv').setInputFiles(good);
    await page.getByTestId('csv-change').first().waitFor();
    assert.deepEqual(await audit(page), [], `preview, ${locale}`);
    await page.getByTestId('csv-cancel').click();
    await page.getByTestId('import-csv').setInputFiles(bad);
    await page.locator('[role="alert"]').waitFor();
    assert.deepEqual(await audit(page), [], `refusal, ${locale}`);
    await context.close();
  }
});

test('a service’s evidence passes axe-core in both languages and on a phone, and works from the keyboard', async () => {
  const yesterday = new Date(Date.now() - 86_400_000);
  const pad = (n) => String(n).padStart(2, '0');
  const stale = `${yesterday.getFullYear()}-${pad(yesterday.getMonth() + 1)}-${pad(yesterday.getDate())}`;
  const doc = {
    format: 'x1060-assessment', version: 1, catalogue: 'x1060-2021', name: 'Evidence a11y',
    services: [{ id: 'A-1', level: 'basic', sourcing: 'insource', current: 3, target: 4, evidence: [
      { title: 'Runbook', location: 'https://intranet.example/runbook.pdf', owner: 'CSIRT lead', reviewed: '2025-01-10', review_by: stale,
        sha256: 'f2091b02b159ceb7eb1c2ccc232fb863cbb92acfc2aceca33d68b90475184bef' },
      { title: 'Old script', location: 'javascript:alert(1)' },
    ] }],
  };
  for (const [locale, scheme, phone] of [['en-GB', 'light', false], ['ja-JP', 'dark', false], ['en-GB', 'light', true]]) {
    const context = await ctx.browser.newContext({ bypassCSP: true, locale, colorScheme: scheme, ...(phone ? PHONE : {}) });
    const page = await context.newPage();
    await openApp(page, ctx.server.url);
    await page.getByTestId('import-input').setInputFiles({ name: 'a11y.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(doc)) });
    await page.getByTestId('last-export').waitFor();
    await openView(page, 'portfolio');
    // Opened from the keyboard.
    await page.getByTestId('evidence-open-A-1').focus();
    await page.keyboard.press('Enter');
    await page.getByTestId('evidence-add').waitFor();
    await page.getByTestId('evidence-verify').setInputFiles(join(ROOT, 'tests/fixtures/evidence-sample.bin'));
    await page.getByTestId('evidence-verify-result').waitFor();
    await page.getByTestId('evidence-add').click(); // refused: no title
    await page.getByTestId('evidence-error').waitFor();
    assert.deepEqual(await audit(page), [], `evidence, ${locale}${phone ? ', phone' : ''}`);
    await context.close();
  }
});

test('the main flow works with the keyboard alone, with a visible focus', async () => {
  const context = await ctx.browser.newContext({ locale: 'en-GB' });
  const page = await context.newPage();
  await openApp(page, ctx.server.url);
  // The first Tab reaches the skip link.
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.className), 'skip');
  await page.getByTestId('new-name').focus();
  await page.keyboard.type('Keyboard only');
  await page.keyboard.press('Enter');
  await page.getByTestId('assessment-item').first().waitFor();
  await page.getByTestId('nav-catalogue').focus();
  await page.keyboard.press('Enter');
  const level = page.getByTestId('level-A-1');
  await level.focus();
  const outline = await level.evaluate((el) => getComputedStyle(el).outlineStyle);
  assert.notEqual(outline, 'none', 'focus is visible');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  assert.notEqual(await level.inputValue(), '', 'level chosen with arrow keys');
  await context.close();
});
