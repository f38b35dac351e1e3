// Phone first (issue 21): on a 390 x 844 phone, in both languages and both colour
// schemes, the header takes at most a fifth of the screen with every control of it
// in the page and tappable (no menu to open), the quick check's first question and
// its choices are on the first screen with choices of at least 44 x 44 px, no view
// scrolls sideways, and the dashboard's radar has labels of at least 12 CSS px.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useApp, navViews } from './harness.mjs';

const ctx = useApp();
const PHONE = { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true, deviceScaleFactor: 2 };
const SCREEN = 844;
const HEADER_MAX = SCREEN / 5;
const HEADER_HOOKS = ['export-json', 'export-csv', 'export-csv-ja', 'lang-toggle'];

function box(locator) {
  return locator.evaluate((el) => {
    const r = el.getBoundingClientRect();
    return { top: r.top, bottom: r.bottom, left: r.left, right: r.right, width: r.width, height: r.height };
  });
}

async function headerHeight(page) {
  return (await box(page.locator('header.app-header'))).height;
}

async function viewReady(page, view) {
  await page.locator(`[data-view="${view}"]`).waitFor();
  await page.getByTestId('view-loading').waitFor({ state: 'detached' });
}

for (const locale of ['en-GB', 'ja-JP']) {
  for (const colorScheme of ['light', 'dark']) {
    test(`a phone, ${locale}, ${colorScheme}: header, quick check, no sideways scroll, readable chart`, async () => {
      const context = await ctx.browser.newContext({ ...PHONE, locale, colorScheme });
      const page = await context.newPage();
      const problems = [];
      page.on('pageerror', (err) => problems.push(err.message));
      await page.goto(ctx.server.url);
      await page.getByTestId('nav-home').waitFor();
      assert.equal(await page.evaluate(() => document.documentElement.lang), locale.slice(0, 2));
      const empty = await headerHeight(page);
      assert.ok(empty <= HEADER_MAX, `header without an assessment is ${empty} px high`);

      // The quick check from Home's button: opens at its top, the header within its
      // fifth, the first question (title, what it covers, the three choices) on the
      // first screen, each choice a target of at least 44 x 44 px.
      await page.getByTestId('quick-start').tap();
      await page.getByTestId('quick-current-A').waitFor();
      await viewReady(page, 'quick');
      const header = await headerHeight(page);
      assert.ok(header <= HEADER_MAX, `header with an assessment is ${header} px high`);
      assert.equal(await page.evaluate(() => window.scrollY), 0, 'the quick check opens at its top');
      const card = await box(page.getByTestId('quick-card-A'));
      assert.ok(card.top >= header && card.bottom <= SCREEN, `the first question is at ${card.top}..${card.bottom} px`);
      for (const part of ['h3', '.hint']) {
        const b = await box(page.getByTestId('quick-card-A').locator(part));
        assert.ok(b.height > 0 && b.bottom <= SCREEN, `${part} of the first question ends at ${b.bottom} px`);
      }
      for (const choice of ['quick-sourcing-A', 'quick-current-A', 'quick-target-A']) {
        const b = await box(page.getByTestId(choice));
        assert.ok(b.bottom <= SCREEN && b.right <= 390, `${choice} ends at ${b.bottom} px`);
        assert.ok(b.width >= 44 && b.height >= 44, `${choice} is ${b.width} x ${b.height} px`);
      }

      // Every header control is in the page and tappable as it is (no menu to open),
      // at least 44 px high; the views' row scrolls inside itself, never the page.
      const hooks = [...(await navViews(page)).map((v) => `nav-${v}`), ...HEADER_HOOKS];
      assert.equal(hooks.length, 12 + HEADER_HOOKS.length, 'every view is in the navigation');
      for (const hook of hooks) {
        const control = page.getByTestId(hook);
        await control.click({ trial: true, timeout: 5000 });
        const b = await box(control);
        assert.ok(b.height >= 44, `${hook} is ${b.height} px high`);
      }
      assert.equal(await page.getByTestId('import-csv').count(), 1, 'the CSV import is in the page');
      assert.equal(await page.locator('header details:not([open])').count(), 0, 'nothing in the header is folded away');
      assert.equal(await page.locator('header nav[aria-label]').count(), 1, 'the views are a labelled landmark');
      // The keyboard goes from the language switch to the views.
      await page.getByTestId('lang-toggle').focus();
      await page.keyboard.press('Tab');
      assert.equal(await page.evaluate(() => document.activeElement.dataset.testid), 'nav-home');

      // No view scrolls sideways, with the sample open.
      await page.getByTestId('nav-home').tap();
      await page.getByTestId('open-sample').tap();
      await page.getByTestId('assessment-item').first().waitFor();
      for (const view of await navViews(page)) {
        await page.getByTestId(`nav-${view}`).click();
        await viewReady(page, view);
        const [scroll, width] = await page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
        assert.ok(scroll <= 390 && width === 390, `${view}: the page is ${scroll} px wide in a ${width} px window`);
        assert.ok((await headerHeight(page)) <= HEADER_MAX, `${view}: header within a fifth`);
        // The open view's link is brought into sight in the views' row.
        const link = await box(page.getByTestId(`nav-${view}`));
        assert.ok(link.left >= 0 && link.right <= 390, `${view}: its link is in sight (${link.left}..${link.right})`);
      }

      // The dashboard's radar: drawn for the width it is shown at, labels of at least
      // 12 CSS px, and the names of the letters it shows in a key below it.
      await page.getByTestId('nav-dashboard').click();
      await viewReady(page, 'dashboard');
      const radar = page.getByTestId('radar-categories');
      await page.waitForFunction((el) => el.dataset.labelPx, await radar.elementHandle());
      const drawn = await radar.evaluate((c) => ({ px: Number(c.dataset.labelPx), buffer: c.width, shown: c.clientWidth }));
      assert.ok(drawn.px >= 12, `radar labels are ${drawn.px} CSS px`);
      assert.ok(Math.abs(drawn.buffer - drawn.shown * 2) <= 2, `drawn for its width on screen (${drawn.buffer} for ${drawn.shown} px at 2x)`);
      const key = page.getByTestId('radar-categories-key');
      await key.waitFor();
      assert.equal(await key.locator('li').filter({ hasText: /^[A-I] \S/ }).count(), 9, 'every category letter named in the key');
      assert.deepEqual(problems, []);
      await context.close();
    });
  }
}

test('on a wide screen the radar keeps the full names and the header its roomy layout', async () => {
  const context = await ctx.browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-GB' });
  const page = await context.newPage();
  await page.goto(ctx.server.url);
  await page.getByTestId('open-sample').click();
  await page.getByTestId('assessment-item').first().waitFor();
  await page.getByTestId('nav-dashboard').click();
  await viewReady(page, 'dashboard');
  const radar = page.getByTestId('radar-categories');
  await page.waitForFunction((el) => el.dataset.labelPx, await radar.elementHandle());
  assert.ok(Number(await radar.getAttribute('data-label-px')) >= 12);
  assert.equal(await page.getByTestId('radar-categories-key').count(), 0, 'no key: the names are on the chart');
  // The views wrap onto more rows rather than scroll.
  const nav = await page.locator('header nav').evaluate((n) => [n.scrollWidth, n.clientWidth]);
  assert.ok(nav[0] <= nav[1], `the views fit the width (${nav})`);
  await context.close();
});
