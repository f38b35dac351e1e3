// Takes the README's screenshots from the release build (`make screenshots`, which
// builds dist/ first): the dashboard in Japanese and English, the quick check on a
// 390 px phone, the evaluation view, the workshop and the roadmap, all of the built-in sample.
import { serveDist, launchBrowser, openView } from '../tests/e2e/harness.mjs';

const DESKTOP = { viewport: { width: 1280, height: 980 }, deviceScaleFactor: 1 };
const PHONE = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true };

/** [file, locale, device, view, what to do once the sample is open] */
const SHOTS = [
  ['dashboard-ja', 'ja-JP', DESKTOP, 'dashboard', async (page) => page.getByTestId('radar-categories').waitFor()],
  ['dashboard-en', 'en-GB', DESKTOP, 'dashboard', async (page) => page.getByTestId('radar-categories').waitFor()],
  ['evaluation-en', 'en-GB', DESKTOP, 'evaluation', async (page) => page.getByTestId('delta-table').waitFor()],
  ['workshop-en', 'en-GB', DESKTOP, 'workshop', async () => {}],
  ['roadmap-en', 'en-GB', DESKTOP, 'roadmap', async (page) => page.getByTestId('roadmap-radar').waitFor()],
  ['quick-phone-ja', 'ja-JP', PHONE, null, async (page) => {
    await page.getByTestId('nav-home').click();
    await page.getByTestId('quick-start').click();
    for (const [c, now, goal] of [['A', '2', '4'], ['B', '3', '4'], ['C', '1', '3'], ['D', '2', '4']]) {
      await page.getByTestId(`quick-current-${c}`).selectOption(now);
      await page.getByTestId(`quick-target-${c}`).selectOption(goal);
    }
    await page.evaluate(() => window.scrollTo(0, 0));
  }],
];

const server = await serveDist();
const browser = await launchBrowser();
try {
  for (const [file, locale, device, view, prepare] of SHOTS) {
    const context = await browser.newContext({ ...device, locale });
    const page = await context.newPage();
    await page.goto(server.url);
    await page.getByTestId('open-sample').click();
    await page.getByTestId('assessment-item').first().waitFor();
    if (view) await openView(page, view);
    await prepare(page);
    // Charts are drawn in an effect after the view is there.
    await page.waitForTimeout(300);
    await page.screenshot({ path: `docs/screenshot-${file}.png` });
    console.log(`docs/screenshot-${file}.png`);
    await context.close();
  }
} finally {
  await browser.close();
  await server.close();
}
