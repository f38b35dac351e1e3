// The quick check (issue 12): a category-level estimate on a phone (390 px), with
// the keyboard alone or with taps; exact overall figures, the radar, answers kept
// across a reload and in the exported file, no horizontal overflow on any view.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { useApp, newPage, openApp, openSample, storageSettled, navViews } from './harness.mjs';
import { formatMean } from './expected.mjs';

const ctx = useApp();
const CATEGORIES = ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I'];
// The answers: who does it, current, target ('n/a' is not applicable).
const ANSWERS = {
  A: ['insource', '2', '4'],
  B: ['outsource', '3', '4'],
  C: ['outsource', '3', '5'],
  D: ['insource', '1', '4'],
  E: ['insource', 'n/a', 'n/a'],
  F: ['', '4', '4'],
  G: ['insource', '2', '3'],
  H: ['', 'n/a', '2'],
  I: ['outsource', '5', '5'],
};

/** The quick overall of one column, computed independently (exact two decimals). */
function expectedOverall(column) {
  const values = Object.values(ANSWERS).map((a) => a[column]).filter((v) => /^[1-5]$/.test(v)).map(Number);
  return formatMean(values.reduce((s, v) => s + v, 0), values.length);
}

async function noHorizontalOverflow(page, where) {
  const [scroll, width] = await page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
  assert.ok(scroll <= width, `${where}: page is ${scroll} px wide in a ${width} px window`);
}

async function checkAnswers(page) {
  for (const c of CATEGORIES) {
    const [who, current, target] = ANSWERS[c];
    assert.equal(await page.getByTestId(`quick-sourcing-${c}`).inputValue(), who, `${c} sourcing`);
    assert.equal(await page.getByTestId(`quick-current-${c}`).inputValue(), current, `${c} current`);
    assert.equal(await page.getByTestId(`quick-target-${c}`).inputValue(), target, `${c} target`);
  }
  assert.equal(await page.getByTestId('quick-overall-current').textContent(), expectedOverall(1));
  assert.equal(await page.getByTestId('quick-overall-target').textContent(), expectedOverall(2));
}

test('a quick check with taps on a phone: exact figures, a radar, kept across a reload and in the file', async () => {
  const { context, page, problems } = await newPage(ctx.browser, { phone: true });
  await openApp(page, ctx.server.url);
  await page.getByTestId('quick-start').tap();
  await page.getByTestId('quick-current-A').waitFor();
  assert.match(page.url(), /#\/quick$/);
  assert.equal(await page.getByTestId('quick-overall-current').textContent(), '–', 'no figure before any answer');
  const radar = page.getByTestId('quick-radar');
  const empty = await radar.evaluate((c) => c.toDataURL());
  for (const c of CATEGORIES) {
    const [who, current, target] = ANSWERS[c];
    await page.getByTestId(`quick-sourcing-${c}`).tap();
    await page.getByTestId(`quick-sourcing-${c}`).selectOption(who);
    await page.getByTestId(`quick-current-${c}`).tap();
    await page.getByTestId(`quick-current-${c}`).selectOption(current);
    await page.getByTestId(`quick-target-${c}`).tap();
    await page.getByTestId(`quick-target-${c}`).selectOption(target);
  }
  await checkAnswers(page);
  // The criterion of table 3 for the chosen sourcing is shown with the answer.
  assert.match(await page.getByTestId('quick-card-A').textContent(), /insource|in-house/i);
  await page.waitForFunction(([el, before]) => el.toDataURL() !== before, [await radar.elementHandle(), empty]);
  await noHorizontalOverflow(page, 'quick check');

  await storageSettled(page);
  await page.reload();
  await page.getByTestId('quick-current-A').waitFor();
  await checkAnswers(page);

  // Listed on Home as a quick check.
  await page.getByTestId('nav-home').tap();
  await page.getByTestId('assessment-item').first().getByTestId('quick-marker').waitFor();
  assert.equal(await page.getByTestId('assessment-item').first().getByTestId('quick-marker').count(), 1);

  // The export holds the quick field and imports back identically.
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-json').tap()]);
  const doc = JSON.parse(await readFile(await download.path(), 'utf8'));
  assert.ok(doc.quick, 'the quick field is in the file');
  const byId = Object.fromEntries(doc.quick.categories.map((c) => [c.id, c]));
  for (const c of CATEGORIES) {
    const [who, current, target] = ANSWERS[c];
    assert.equal(byId[c].sourcing ?? '', who, `${c} sourcing in the file`);
    assert.equal(String(byId[c].current), current, `${c} current in the file`);
    assert.equal(String(byId[c].target), target, `${c} target in the file`);
  }
  await page.getByTestId('import-input').setInputFiles(await download.path());
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="assessment-item"]').length === 2);
  await page.getByTestId('nav-quick').tap();
  await page.getByTestId('quick-current-A').waitFor();
  await checkAnswers(page);
  assert.deepEqual(problems, []);
  await context.close();
});

test('a quick check with the keyboard alone', async () => {
  const { context, page, problems } = await newPage(ctx.browser, { phone: true });
  await openApp(page, ctx.server.url);
  await page.getByTestId('quick-start').focus();
  await page.keyboard.press('Enter');
  await page.getByTestId('quick-current-A').waitFor();
  // Typing a character picks the option that starts with it: "1".."5", "n" (n/a), "i"/"o" (sourcing).
  const key = (v) => (v === 'n/a' ? 'n' : v === 'insource' ? 'i' : v === 'outsource' ? 'o' : v);
  for (const c of CATEGORIES) {
    const [who, current, target] = ANSWERS[c];
    for (const [hook, value] of [[`quick-sourcing-${c}`, who], [`quick-current-${c}`, current], [`quick-target-${c}`, target]]) {
      if (!value) continue;
      await page.getByTestId(hook).focus();
      await page.keyboard.type(key(value));
    }
  }
  // Focus moves on with Tab from a card's last field to the next card's first.
  await page.getByTestId('quick-target-A').focus();
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.dataset.testid), 'quick-sourcing-B');
  await checkAnswers(page);
  assert.deepEqual(problems, []);
  await context.close();
});

test('from quick to full: the catalogue of the same assessment, then the estimate beside the scores', async () => {
  const { context, page } = await newPage(ctx.browser, { phone: true });
  await openApp(page, ctx.server.url);
  await page.getByTestId('quick-start').tap();
  await page.getByTestId('quick-current-A').selectOption('2');
  await page.getByTestId('quick-target-A').selectOption('4');
  await page.getByTestId('quick-continue').tap();
  await page.getByTestId('level-A-1').waitFor();
  assert.match(page.url(), /#\/catalogue$/);
  await page.getByTestId('level-A-1').selectOption('basic');
  await page.getByTestId('nav-profile').tap();
  await page.getByTestId('sourcing-A-1').selectOption('insource');
  await page.getByTestId('nav-portfolio').tap();
  await page.getByTestId('current-A-1').selectOption('3');
  await page.getByTestId('target-A-1').selectOption('5');
  await page.getByTestId('nav-dashboard').tap();
  await page.getByTestId('radar-categories').waitFor();
  assert.equal(await page.getByTestId('quick-estimate-A').textContent(), '2.00 / 4.00', 'the estimate beside the means');
  assert.equal(await page.getByTestId('score-current-A').textContent(), '3.00', 'service scores are not the estimate');
  await page.getByTestId('nav-home').tap();
  assert.equal(await page.getByTestId('quick-marker').count(), 0, 'no longer only a quick check');
  await context.close();
});

test('no view overflows a 390 px screen', async () => {
  const { context, page } = await newPage(ctx.browser, { phone: true });
  await openApp(page, ctx.server.url);
  await page.getByTestId('open-sample').tap();
  await page.getByTestId('assessment-item').first().waitFor();
  // Every view the navigation offers, each checked once it is there (not its loading line).
  for (const view of await navViews(page)) {
    await page.goto(`${ctx.server.url}#/${view}`);
    await page.locator(`[data-view="${view}"]`).waitFor();
    await page.getByTestId('view-loading').waitFor({ state: 'detached' });
    await noHorizontalOverflow(page, view);
  }
  // The header and navigation leave most of the first screen to the content.
  const headerHeight = await page.locator('.app-header').evaluate((h) => h.getBoundingClientRect().height);
  assert.ok(headerHeight < 844 / 3, `header is ${headerHeight} px high`);
  await context.close();
});

test('the handout has the steps in both languages and the address as a QR code', async () => {
  const { context, page } = await newPage(ctx.browser);
  await openApp(page, ctx.server.url);
  await page.getByTestId('quick-start').click();
  await page.locator('details.handout-wrap summary').click();
  const handout = page.getByTestId('handout');
  await handout.waitFor();
  const text = await handout.textContent();
  assert.match(text, /セルフチェック/);
  assert.match(text, /self-check in ten minutes/);
  assert.equal(await page.getByTestId('handout-address').textContent(), ctx.server.url);
  const qr = page.getByTestId('handout-qr');
  assert.equal(await qr.getAttribute('aria-label'), ctx.server.url);
  assert.ok((await qr.locator('path').getAttribute('d')).length > 500, 'a QR code is drawn');
  await context.close();
});

test('opened at #/quick with nothing stored (a QR code), the quick check starts at once', async () => {
  const { context, page, problems } = await newPage(ctx.browser);
  await page.goto(`${ctx.server.url}#/quick`);
  await page.getByTestId('quick-card-A').waitFor();
  assert.equal(await page.getByTestId('needs-assessment').count(), 0);
  await page.getByTestId('nav-home').click();
  await page.getByTestId('assessment-item').first().waitFor();
  assert.equal(await page.getByTestId('assessment-item').count(), 1, 'one quick check was started');
  assert.deepEqual(problems, []);
  await context.close();
});

test('with an assessment open, starting a quick check from Home opens it, and the other stays', async () => {
  const { context, page, problems } = await newPage(ctx.browser);
  await openSample(page, ctx.server.url);
  await page.getByTestId('quick-start').click();
  await page.getByTestId('quick-card-A').waitFor();
  await page.getByTestId('quick-current-A').selectOption('3');
  await page.getByTestId('nav-home').click();
  await page.getByTestId('assessment-item').nth(1).waitFor();
  assert.equal(await page.getByTestId('assessment-item').count(), 2, 'the sample and the quick check');
  assert.equal(await page.getByTestId('crash-notice').count(), 0, 'no crash');
  assert.deepEqual(problems, []);
  await context.close();
});
