// Takes the README's screenshots from the release build (`make screenshots`, which
// builds dist/ first): the dashboard in Japanese and English, the quick check on a
// 390 px phone, the evaluation view, the workshop and the roadmap, all of the built-in sample,
// and the room of a study session on a projector.
import { serveDist, launchBrowser, openView } from '../tests/e2e/harness.mjs';
import { encodeHandIn } from '../tests/e2e/handin-code.mjs';

const PROJECTOR = { viewport: { width: 1280, height: 720 }, deviceScaleFactor: 1 };

/** Twelve participants' hand-ins, made up but plausible (fixed, so the picture is too). */
function roomCodes() {
  const codes = [];
  for (let p = 0; p < 12; p++) {
    const answers = {};
    'ABCDEFGHI'.split('').forEach((c, i) => {
      const current = 1 + ((p + i * 2) % 3);
      answers[c] = [p % 3 === 0 ? 'outsource' : 'insource', String(current), String(Math.min(5, current + 1 + (i % 2)))];
    });
    codes.push(encodeHandIn({ key: BigInt(1000 + p * 7919), made: 100 + p, answers }));
  }
  return codes;
}

const DESKTOP = { viewport: { width: 1280, height: 980 }, deviceScaleFactor: 1 };
const PHONE = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true };

/** [file, locale, device, view, what to do once the sample is open] */
const SHOTS = [
  ['dashboard-ja', 'ja-JP', DESKTOP, 'dashboard', async (page) => page.getByTestId('radar-categories').waitFor()],
  ['dashboard-en', 'en-GB', DESKTOP, 'dashboard', async (page) => page.getByTestId('radar-categories').waitFor()],
  ['evaluation-en', 'en-GB', DESKTOP, 'evaluation', async (page) => page.getByTestId('delta-table').waitFor()],
  ['workshop-en', 'en-GB', DESKTOP, 'workshop', async () => {}],
  ['roadmap-en', 'en-GB', DESKTOP, 'roadmap', async (page) => {
    // The last quarter: where the sample's plan leads.
    const quarters = await page.getByTestId('roadmap-quarter').locator('option').evaluateAll((os) => os.map((o) => o.value));
    await page.getByTestId('roadmap-quarter').selectOption(quarters.at(-1));
    await page.getByTestId('roadmap-radar').scrollIntoViewIfNeeded();
  }],
  ['room-projector-en', 'en-GB', PROJECTOR, 'room', async (page) => {
    await page.getByTestId('room-paste').fill(roomCodes().join('\n'));
    await page.getByTestId('room-add').click();
    await page.getByTestId('room-count').filter({ hasText: '12' }).waitFor();
    await page.getByTestId('room-projector').click();
    await page.getByTestId('room-projector-view').waitFor();
  }],
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
